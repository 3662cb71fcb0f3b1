using Bunit;
using Chat.App.Components.Messaging;
using Chat.Domain.Channels;
using Chat.Domain.Messages;
using Chat.Domain.Realtime;
using Chat.Domain.Users;
using Chat.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Chat.Tests.Components;

public sealed class MessagePaneTests : ChatComponentTests
{
    // Timers of the pane (the read marker) fire only when a test moves this clock.
    private readonly FakeTimeProvider clock = new();
    private ChatUser ana = default!;
    private ChatUser ben = default!;
    private ChannelView general = default!;

    public MessagePaneTests() => ComponentClock = clock;

    private async Task ArrangeAsync()
    {
        ana = await Database.CreateUserAsync("ana");
        ben = await Database.CreateUserAsync("ben");
        var club = await Communities.CreateAsync(ana.Id, "Book club", null, isPublic: true);
        await Communities.JoinAsync(ben.Id, club.Id);
        general = (await Channels.ListAsync(club.Id, ana.Id))[0];
        LogIn(ana);
    }

    [Fact]
    public void Render_WithoutChannel_HasAnEmptyLogAndADisabledComposer()
    {
        var pane = Render<MessagePane>();

        var log = pane.Find("[role='log'][aria-label='Messages']");
        Assert.Contains("Nothing to read here yet", log.TextContent, StringComparison.Ordinal);
        Assert.True(pane.Find("textarea[aria-label='Message']").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Render_EmptyChannel_SaysNoMessagesYet()
    {
        await ArrangeAsync();

        var pane = Render<MessagePane>(ps => ps.Add(p => p.Channel, general));

        pane.WaitForAssertion(() => Assert.Contains("No messages yet", pane.Find("[role='log']").TextContent, StringComparison.Ordinal));
        var composer = pane.Find("textarea[aria-label='Message']");
        Assert.False(composer.HasAttribute("disabled"));
        Assert.Equal("Message #general", composer.GetAttribute("placeholder"));
    }

    [Fact]
    public async Task Render_History_ShowsNewestLastAndGroupsByAuthor()
    {
        await ArrangeAsync();
        await Messages.SendAsync(ana.Id, general.Id, "first", Guid.NewGuid());
        await Messages.SendAsync(ana.Id, general.Id, "second", Guid.NewGuid());
        await Messages.SendAsync(ben.Id, general.Id, "third", Guid.NewGuid());

        var pane = Render<MessagePane>(ps => ps.Add(p => p.Channel, general));

        pane.WaitForAssertion(() => Assert.Equal(["first", "second", "third"],
            pane.FindAll("li.message .content").Select(c => c.TextContent.Trim())));
        Assert.Equal(2, pane.FindAll("li.message .message-header").Count);
    }

    [Fact]
    public async Task ReactionsOfAnotherMember_AppearLive_KeepingTheReadersOwnAndSurvivingAnEdit()
    {
        await ArrangeAsync();
        var reactions = Database.Get<ReactionService>();
        var sent = await Messages.SendAsync(ben.Id, general.Id, "lunch?", Guid.NewGuid());
        await reactions.ToggleReactionAsync(ana.Id, sent.Id, "\U0001F44D");
        var pane = Render<MessagePane>(ps => ps.Add(p => p.Channel, general));
        pane.WaitForAssertion(() => Assert.Equal("true", pane.Find("button.reaction").GetAttribute("aria-pressed")));

        await reactions.ToggleReactionAsync(ben.Id, sent.Id, "\U0001F44D");
        await reactions.ToggleReactionAsync(ben.Id, sent.Id, "\u2764\uFE0F");
        var edited = await Messages.EditAsync(ben.Id, sent.Id, "lunch at noon?", sent.Version);

        pane.WaitForAssertion(() =>
        {
            Assert.Contains("lunch at noon?", pane.Find("li.message .content").TextContent, StringComparison.Ordinal);
            var buttons = pane.FindAll("button.reaction");
            Assert.Equal(["\U0001F44D 2", "\u2764\uFE0F 1"], buttons.Select(b => b.TextContent.Trim()));
            Assert.Equal(["true", "false"], buttons.Select(b => b.GetAttribute("aria-pressed")));
            Assert.Equal("ana and ben", buttons[0].GetAttribute("title"));
        });
        Assert.Equal(1, edited.Version);
    }

    [Fact]
    public async Task MessageFromAnotherMember_AppearsLive_EditAndDeleteToo()
    {
        await ArrangeAsync();
        var pane = Render<MessagePane>(ps => ps.Add(p => p.Channel, general));

        var sent = await Messages.SendAsync(ben.Id, general.Id, "hello **there**", Guid.NewGuid());
        pane.WaitForAssertion(() => Assert.Equal("there", pane.Find("li.message .content strong").TextContent));

        await Messages.EditAsync(ben.Id, sent.Id, "hello again", sent.Version);
        pane.WaitForAssertion(() =>
        {
            Assert.Equal("hello again", pane.Find("li.message .content").TextContent.Trim());
            Assert.Equal("(edited)", pane.Find("li.message .edited").TextContent);
        });

        await Messages.DeleteAsync(ben.Id, sent.Id);
        pane.WaitForAssertion(() => Assert.Empty(pane.FindAll("li.message")));
    }

    [Fact]
    public async Task Message_WithMarkupAndScriptLink_IsShownAsText()
    {
        await ArrangeAsync();
        await Messages.SendAsync(ben.Id, general.Id, "<img src=x onerror=alert(1)> [x](javascript:alert(1))", Guid.NewGuid());

        var pane = Render<MessagePane>(ps => ps.Add(p => p.Channel, general));

        pane.WaitForAssertion(() => Assert.Single(pane.FindAll("li.message")));
        Assert.Empty(pane.FindAll("li.message img"));
        Assert.Empty(pane.FindAll("li.message a"));
        Assert.Contains("<img src=x onerror=alert(1)>", pane.Find("li.message .content").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyOwnMessages_OfferEditAndDelete()
    {
        await ArrangeAsync();
        await Messages.SendAsync(ana.Id, general.Id, "mine", Guid.NewGuid());
        await Messages.SendAsync(ben.Id, general.Id, "theirs", Guid.NewGuid());

        var pane = Render<MessagePane>(ps => ps.Add(p => p.Channel, general));

        pane.WaitForAssertion(() => Assert.Equal(2, pane.FindAll("li.message").Count));
        var items = pane.FindAll("li.message");
        Assert.NotNull(items[0].QuerySelector("button[aria-label='Edit message']"));
        Assert.Null(items[1].QuerySelector("button[aria-label='Edit message']"));
        Assert.Null(items[1].QuerySelector("button[aria-label='Delete message']"));
    }

    [Fact]
    public async Task MessageButtons_EditOwnMessage_ButNotSomeoneElses()
    {
        await ArrangeAsync();
        var mine = await Messages.SendAsync(ana.Id, general.Id, "mine", Guid.NewGuid());
        var theirs = await Messages.SendAsync(ben.Id, general.Id, "theirs", Guid.NewGuid());
        var pane = Render<MessagePane>(ps => ps.Add(p => p.Channel, general));
        pane.WaitForAssertion(() => Assert.Equal(2, pane.FindAll("li.message").Count));

        // What chat.js sends for a click on a message's button: the message id and the button's data-action.
        Assert.Equal("edit", pane.Find($"#message-{mine.Id} button[aria-label='Edit message']").GetAttribute("data-action"));
        await pane.InvokeAsync(() => pane.Instance.OnMessageActionAsync(theirs.Id, "edit"));
        Assert.Empty(pane.FindAll("textarea[aria-label='Edit message']"));
        await pane.InvokeAsync(() => pane.Instance.OnMessageActionAsync(mine.Id, "edit"));

        pane.WaitForAssertion(() => Assert.Equal("mine", pane.Find($"#message-{mine.Id} textarea[aria-label='Edit message']").GetAttribute("value")));
    }

    [Fact]
    public async Task UnreadMessages_ShowDividerBeforeFirstUnread()
    {
        await ArrangeAsync();
        var read = await Messages.SendAsync(ben.Id, general.Id, "old news", Guid.NewGuid());
        await Messages.SendAsync(ben.Id, general.Id, "fresh", Guid.NewGuid());

        var pane = Render<MessagePane>(ps => ps.Add(p => p.Channel, general).Add(p => p.LastReadMessageId, read.Id));

        pane.WaitForAssertion(() => Assert.NotNull(pane.Find("[data-unread-divider]")));
        var items = pane.FindAll("ol.message-list > li");
        Assert.Equal(["message", "unread-divider", "message"], items.Select(i => i.ClassList.Contains("unread-divider") ? "unread-divider" : "message"));
    }

    [Fact]
    public async Task Typing_ByAnotherMember_IsShown()
    {
        await ArrangeAsync();
        var pane = Render<MessagePane>(ps => ps.Add(p => p.Channel, general));

        await Messages.NotifyTypingAsync(ben.Id, general.Id);

        pane.WaitForAssertion(() => Assert.Contains($"{ben.DisplayName} is typing", pane.Find(".typing").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task UserProfileChanged_OfAnAuthor_UpdatesTheirNameAndPictureLive()
    {
        await ArrangeAsync();
        await Messages.SendAsync(ben.Id, general.Id, "first", Guid.NewGuid());
        await Messages.SendAsync(ana.Id, general.Id, "second", Guid.NewGuid());
        var pane = Render<MessagePane>(ps => ps.Add(p => p.Channel, general));
        pane.WaitForAssertion(() => Assert.Equal(2, pane.FindAll("li.message .author").Count));

        await Profiles.UpdateAsync(ben.Id, "Benjamin", null);
        var version = await Profiles.SetAvatarAsync(ben.Id, TestImages.Png(8, 8));

        pane.WaitForAssertion(() =>
        {
            Assert.Equal(["Benjamin", "ana"], pane.FindAll("li.message .author").Select(a => a.TextContent));
            Assert.Equal($"avatars/{ben.Id}/{version}", pane.Find("li.message img.avatar").GetAttribute("src"));
        });
        Assert.Single(pane.FindAll("li.message img.avatar"));
    }

    [Fact]
    public async Task Highlight_OfAMessageBeyondTheNewestPage_LoadsItAndMarksIt()
    {
        await ArrangeAsync();
        long firstId;
        await using (var db = await Database.CreateContextAsync())
        {
            db.Messages.AddRange(Enumerable.Range(0, 130).Select(i => new Chat.Domain.Messages.Message
            {
                ChannelId = general.Id,
                AuthorId = ben.Id,
                Content = $"message {i}",
                CreatedAt = DateTime.UtcNow.AddMinutes(i - 130),
                Nonce = Guid.NewGuid(),
            }));
            await db.SaveChangesAsync();
            firstId = db.Messages.Where(m => m.ChannelId == general.Id).Min(m => m.Id);
        }

        var pane = Render<MessagePane>(ps => ps.Add(p => p.Channel, general).Add(p => p.HighlightMessageId, firstId));

        pane.WaitForAssertion(() => Assert.Equal("message 0", pane.Find($"#message-{firstId}.highlight .content").TextContent.Trim()));
    }

    [Fact]
    public async Task NewMessage_DrawsOnlyItsOwnItem_NotTheWholeList()
    {
        await ArrangeAsync();
        await SeedAsync(40);
        var pane = Render<MessagePane>(ps => ps.Add(p => p.Channel, general));
        pane.WaitForAssertion(() => Assert.Equal(40, pane.FindAll("li.message").Count));
        var before = pane.FindComponents<MessageItem>().ToDictionary(i => i.Instance.Message.Id, i => i.RenderCount);
        var blocksBefore = pane.FindComponents<MessageBlock>().Select(b => b.RenderCount).ToList();

        var sent = await Messages.SendAsync(ana.Id, general.Id, "one more", Guid.NewGuid());

        pane.WaitForAssertion(() => Assert.Equal(41, pane.FindAll("li.message").Count));
        var items = pane.FindComponents<MessageItem>();
        Assert.All(items.Where(i => i.Instance.Message.Id != sent.Id), i => Assert.Equal(before[i.Instance.Message.Id], i.RenderCount));
        Assert.Equal(1, items.Single(i => i.Instance.Message.Id == sent.Id).RenderCount);
        // Of the blocks that were there, only the last one (where the message went) was drawn again.
        var blocksAfter = pane.FindComponents<MessageBlock>().Select(b => b.RenderCount).ToList();
        Assert.Equal(blocksBefore[..^1], blocksAfter[..(blocksBefore.Count - 1)]);
    }

    [Fact]
    public async Task LongLiveStream_KeepsABoundedNumberOfMessages_AndOffersTheOlderOnes()
    {
        await ArrangeAsync();
        var pane = Render<MessagePane>(ps => ps.Add(p => p.Channel, general));
        pane.WaitForAssertion(() => Assert.Contains("No messages yet", pane.Find("[role='log']").TextContent, StringComparison.Ordinal));

        var seeded = await SeedAsync(300);
        foreach (var message in seeded)
        {
            await Hub.PublishAsync(new MessagePosted(general.CommunityId, message));
        }

        pane.WaitForAssertion(() => Assert.Equal("message 299", pane.FindAll("li.message .content")[^1].TextContent.Trim()));
        Assert.InRange(pane.FindAll("li.message").Count, MessagePane.MaxMessages, MessagePane.MaxMessages + 16);
        Assert.Empty(pane.FindAll(".history-note"));
    }

    // Straight into the database (the send rate limit would refuse a burst this long), oldest first.
    private async Task<List<MessageView>> SeedAsync(int count)
    {
        await using (var db = await Database.CreateContextAsync())
        {
            db.Messages.AddRange(Enumerable.Range(0, count).Select(i => new Message
            {
                ChannelId = general.Id,
                AuthorId = i % 3 == 0 ? ana.Id : ben.Id,
                Content = $"message {i}",
                CreatedAt = DateTime.UtcNow.AddMinutes(i - count),
                Nonce = Guid.NewGuid(),
            }));
            await db.SaveChangesAsync();
        }

        var views = new List<MessageView>();
        for (var page = await Messages.GetLatestAsync(general.CommunityId, general.Id, ana.Id); page.Count > 0;
             page = await Messages.GetOlderAsync(general.CommunityId, general.Id, ana.Id, page[0].Id))
        {
            views.InsertRange(0, page);
        }

        return views;
    }

    [Fact]
    public async Task StreamOfMessages_WritesTheReadMarkerOnceAfterAWhile_NotPerMessage()
    {
        await ArrangeAsync();
        using var markers = new EventRecorder(Hub, Topics.User(ana.Id));
        var pane = Render<MessagePane>(ps => ps.Add(p => p.Channel, general));
        pane.WaitForAssertion(() => Assert.Contains("No messages yet", pane.Find("[role='log']").TextContent, StringComparison.Ordinal));

        var sent = new List<MessageView>();
        for (var i = 0; i < 10; i++)
        {
            sent.Add(await Messages.SendAsync(ben.Id, general.Id, $"message {i}", Guid.NewGuid()));
        }

        pane.WaitForAssertion(() => Assert.Equal(10, pane.FindAll("li.message").Count));
        Assert.Empty(markers.Of<ReadStateChanged>());
        clock.Advance(TimeSpan.FromSeconds(10));
        // The marker is written after the render, from the timer: poll the events rather than wait for a render.
        await Wait.UntilAsync(() => markers.Of<ReadStateChanged>().Count > 0, "the read marker to be written");
        Assert.Equal(sent[^1].Id, Assert.Single(markers.Of<ReadStateChanged>()).LastReadMessageId);
        Assert.False(Assert.Single(await ReadState.GetUnreadAsync(ana.Id, general.CommunityId)).HasUnread);
    }

    [Fact]
    public async Task MessageNamingTheReader_IsMarkedReadAtOnce()
    {
        await ArrangeAsync();
        using var markers = new EventRecorder(Hub, Topics.User(ana.Id));
        var pane = Render<MessagePane>(ps => ps.Add(p => p.Channel, general));
        pane.WaitForAssertion(() => Assert.Contains("No messages yet", pane.Find("[role='log']").TextContent, StringComparison.Ordinal));

        var mention = await Messages.SendAsync(ben.Id, general.Id, "@ana, look at this", Guid.NewGuid());

        await Wait.UntilAsync(() => markers.Of<ReadStateChanged>().Count > 0, "the read marker to be written");
        Assert.Equal(mention.Id, Assert.Single(markers.Of<ReadStateChanged>()).LastReadMessageId);
        Assert.Equal(0, Assert.Single(await ReadState.GetUnreadAsync(ana.Id, general.CommunityId)).MentionCount);
    }

    [Fact]
    public async Task LeavingTheChannel_WritesTheReadMarkerThatWasDue()
    {
        await ArrangeAsync();
        var pane = Render<MessagePane>(ps => ps.Add(p => p.Channel, general));
        pane.WaitForAssertion(() => Assert.Contains("No messages yet", pane.Find("[role='log']").TextContent, StringComparison.Ordinal));
        var sent = await Messages.SendAsync(ben.Id, general.Id, "see you", Guid.NewGuid());
        pane.WaitForAssertion(() => Assert.Single(pane.FindAll("li.message")));
        Assert.True(Assert.Single(await ReadState.GetUnreadAsync(ana.Id, general.CommunityId)).HasUnread);

        await DisposeComponentsAsync();

        Assert.Equal(sent.Id, Assert.Single(await ReadState.GetUnreadAsync(ana.Id, general.CommunityId)).LastReadMessageId);
    }

    [Fact]
    public async Task Dispose_LeavesNoSubscribers()
    {
        await ArrangeAsync();
        Render<MessagePane>(ps => ps.Add(p => p.Channel, general));
        Assert.Equal(1, Hub.SubscriberCount(Topics.Community(general.CommunityId)));

        await DisposeComponentsAsync();

        Assert.Equal(0, Hub.SubscriberCount(Topics.Community(general.CommunityId)));
    }

    [Fact]
    public async Task NewMessage_LeavesThePagesHeaderComponentsUndrawn_UntilThePageHandsDownNewOnes()
    {
        await ArrangeAsync();
        var page = Render<PaneHost>(ps => ps.Add(h => h.Channel, general).Add(h => h.Version, 1));
        page.WaitForAssertion(() => Assert.Contains("No messages yet", page.Find("[role='log']").TextContent, StringComparison.Ordinal));
        var probe = page.FindComponent<HeaderProbe>();
        var drawn = probe.RenderCount;

        await Messages.SendAsync(ben.Id, general.Id, "one", Guid.NewGuid());
        await Messages.SendAsync(ben.Id, general.Id, "two", Guid.NewGuid());
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("li.message").Count));
        Assert.Equal(drawn, probe.RenderCount);

        // The page drew again (the server was renamed, say): what it hands down is drawn.
        page.Render(ps => ps.Add(h => h.Version, 2));
        page.WaitForAssertion(() => Assert.Equal(drawn + 1, probe.RenderCount));
    }

    /// <summary>A page around the pane, as ChannelPage is: each drawing hands the pane a new header fragment.</summary>
    private sealed class PaneHost : Microsoft.AspNetCore.Components.ComponentBase
    {
        // One object all along, as the page's server is between its changes; a field, so that each drawing makes a
        // new fragment (a lambda that reads nothing of the page would be one cached delegate).
        private readonly object server = new();

        [Microsoft.AspNetCore.Components.Parameter]
        public ChannelView? Channel { get; set; }

        /// <summary>Changed to make the page draw again.</summary>
        [Microsoft.AspNetCore.Components.Parameter]
        public int Version { get; set; }

        protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder)
        {
            builder.OpenComponent<MessagePane>(0);
            builder.AddAttribute(1, nameof(MessagePane.Channel), Channel);
            builder.AddAttribute(2, nameof(MessagePane.HeaderActions), (Microsoft.AspNetCore.Components.RenderFragment)(header =>
            {
                header.OpenComponent<HeaderProbe>(0);
                header.AddAttribute(1, nameof(HeaderProbe.Server), server);
                header.CloseComponent();
            }));
            builder.CloseComponent();
        }
    }

    /// <summary>Stands for the header's drawers: an object parameter, so Blazor redraws it whenever its parent does.</summary>
    private sealed class HeaderProbe : Microsoft.AspNetCore.Components.ComponentBase
    {
        [Microsoft.AspNetCore.Components.Parameter]
        public object? Server { get; set; }
    }
}
