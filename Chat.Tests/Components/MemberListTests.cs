using Bunit;
using Chat.App.Components.Messaging;
using Chat.Domain.Communities;
using Chat.Domain.Realtime;
using Chat.Domain.Users;
using Chat.Tests.Support;

namespace Chat.Tests.Components;

public sealed class MemberListTests : ChatComponentTests
{
    private const int Crowd = 3_000;

    [Fact]
    public async Task ServerOfThousands_RendersOnlyAWindowOfRows_AndShowsWhoComesOnline()
    {
        var owner = await Database.CreateUserAsync("olga");
        var club = await Communities.CreateAsync(owner.Id, "Stadium", null, isPublic: true);
        var crowd = await AddMembersAsync(club.Id, Crowd);
        LogIn(owner);
        var community = await Communities.GetAsync(club.Id, owner.Id);

        var list = Render<MemberList>(ps => ps.Add(p => p.Community, community));

        list.WaitForAssertion(() => Assert.Contains("Members — 3000", list.Markup, StringComparison.Ordinal));
        var rendered = list.FindAll("li.member").Count;
        Assert.InRange(rendered, 20, 200);
        Assert.Empty(list.FindAll("li.member.online"));
        // The last of the crowd by name: far outside the rendered window until they come online (online first).
        var latecomer = crowd[^1];
        Assert.DoesNotContain(latecomer.DisplayName, list.Markup, StringComparison.Ordinal);

        await Database.Get<PresenceTracker>().ConnectedAsync(latecomer.Id);

        list.WaitForAssertion(
            () => Assert.Equal(latecomer.DisplayName, list.Find("li.member.online .member-name").TextContent),
            TimeSpan.FromSeconds(10));
        Assert.Equal(rendered, list.FindAll("li.member").Count);
        Assert.Contains($"({Crowd + 1 - rendered} not shown)", list.Find("button.show-more").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MemberJoining_AppearsLive_AndDisposeStopsWatching()
    {
        var owner = await Database.CreateUserAsync("olga");
        var ben = await Database.CreateUserAsync("ben");
        var club = await Communities.CreateAsync(owner.Id, "Book club", null, isPublic: true);
        LogIn(owner);
        var list = Render<MemberList>(ps => ps.Add(p => p.Community, Communities.GetAsync(club.Id, owner.Id).Result));
        list.WaitForAssertion(() => Assert.Single(list.FindAll("li.member")));

        await Communities.JoinAsync(ben.Id, club.Id);

        list.WaitForAssertion(() => Assert.Contains("Members — 1", list.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Equal(["olga", "ben"], list.FindAll("li.member .member-name").Select(n => n.TextContent));
        await DisposeComponentsAsync();
        Assert.Equal(0, Hub.SubscriberCount(Topics.Community(club.Id)));
    }

    [Fact]
    public async Task KickedMember_WhoStaysOnThePage_GetsNoMoreUpdates()
    {
        var owner = await Database.CreateUserAsync("olga");
        var ben = await Database.CreateUserAsync("ben");
        var cleo = await Database.CreateUserAsync("cleo");
        var club = await Communities.CreateAsync(owner.Id, "Book club", null, isPublic: true);
        await Communities.JoinAsync(ben.Id, club.Id);
        LogIn(ben);
        var list = Render<MemberList>(ps => ps.Add(p => p.Community, Communities.GetAsync(club.Id, ben.Id).Result));
        list.WaitForAssertion(() => Assert.Equal(2, list.FindAll("li.member").Count));
        // The owner's tab, watching after Ben's: a roster handed to it was handed to Ben's list first.
        var ownerSaw = new TaskCompletionSource();
        using var ownerTab = Database.Get<MemberDirectory>().Watch(club.Id, owner.Id, roster =>
        {
            if (roster.Contains(cleo.Id))
            {
                ownerSaw.TrySetResult();
            }

            return Task.CompletedTask;
        });

        // Ben's tab ignores the redirect away and keeps the list on screen.
        await Communities.KickAsync(owner.Id, club.Id, ben.Id);
        await Communities.JoinAsync(cleo.Id, club.Id);
        await Database.Get<PresenceTracker>().ConnectedAsync(owner.Id);

        await ownerSaw.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await list.InvokeAsync(() => { });
        Assert.DoesNotContain("cleo", list.FindAll("li.member .member-name").Select(n => n.TextContent));
        Assert.Empty(list.FindAll("li.member.online"));
        // Only the shared roster's own subscription is left, for the owner's watch.
        Assert.Equal(1, Hub.SubscriberCount(Topics.Community(club.Id)));
    }

    // Straight into the database in one save: 3,000 accounts through the services would take longer than the test.
    private async Task<List<ChatUser>> AddMembersAsync(int communityId, int count)
    {
        var users = Enumerable.Range(0, count).Select(i =>
        {
            var name = $"fan{i:D4}";
            return new ChatUser
            {
                Id = Guid.NewGuid().ToString(),
                UserName = name,
                NormalizedUserName = name.ToUpperInvariant(),
                Email = $"{name}@example.test",
                NormalizedEmail = $"{name}@EXAMPLE.TEST",
                DisplayName = name,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                CreatedAt = DateTime.UtcNow,
            };
        }).ToList();
        await using var db = await Database.CreateContextAsync();
        db.Users.AddRange(users);
        db.Memberships.AddRange(users.Select(u => new Membership
        {
            CommunityId = communityId, UserId = u.Id, Role = MemberRole.Member, JoinedAt = DateTime.UtcNow,
        }));
        await db.SaveChangesAsync();
        return users;
    }
}
