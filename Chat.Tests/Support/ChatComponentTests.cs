using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Chat.App.Components.Common;
using Chat.App.Components.Messaging;
using Chat.Domain.Channels;
using Chat.Domain.Communities;
using Chat.Domain.Data;
using Chat.Domain.Invitations;
using Chat.Domain.Messages;
using Chat.Domain.Notifications;
using Chat.Domain.Profiles;
using Chat.Domain.Realtime;
using Chat.Domain.Users;
using Microsoft.AspNetCore.Components;
using MudBlazor.Services;

namespace Chat.Tests.Support;

/// <summary>
/// bunit with the real domain services on a fresh SQLite file and the real hub, so a component test sees what a
/// user would: rows stored by the services, events published after they are committed.
/// </summary>
public abstract class ChatComponentTests : BunitContext, IAsyncLifetime
{
    // bunit's 1 s default is too short on a busy 2-core CI machine (a timer, a database write and a render in a row);
    // a passing wait still returns as soon as its assertion holds.
    static ChatComponentTests() => DefaultWaitTimeout = TimeSpan.FromSeconds(10);

    private BunitAuthorizationContext? authorization;

    protected TestDatabase Database { get; private set; } = default!;

    /// <summary>The clock the components read; set it in a constructor (e.g. a FakeTimeProvider) to move time by hand.</summary>
    protected TimeProvider? ComponentClock { get; set; }

    /// <summary>Registrations over the domain's, e.g. <c>WriteLimits.All(burst: 1)</c>; set it in a constructor.</summary>
    protected Action<IServiceCollection>? DomainServices { get; set; }

    protected ChatHub Hub => Database.Get<ChatHub>();

    protected CommunityService Communities => Database.Get<CommunityService>();

    protected ChannelService Channels => Database.Get<ChannelService>();

    protected MessageService Messages => Database.Get<MessageService>();

    protected ReadStateService ReadState => Database.Get<ReadStateService>();

    protected NotificationService Notifications => Database.Get<NotificationService>();

    protected InvitationService Invitations => Database.Get<InvitationService>();

    protected ProfileService Profiles => Database.Get<ProfileService>();

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, DomainServices ?? (_ => { }));
        Services.AddSingleton(Hub);
        Services.AddSingleton(Communities);
        Services.AddSingleton(Channels);
        Services.AddSingleton(Messages);
        Services.AddSingleton(ReadState);
        Services.AddSingleton(Database.Get<ReactionService>());
        Services.AddSingleton(Database.Get<PinService>());
        Services.AddSingleton(Database.Get<AutocompleteService>());
        Services.AddSingleton(Database.Get<Chat.Domain.Messages.Search.MessageSearchService>());
        // The composer's files (AttachmentTray).
        Services.AddSingleton(Database.Get<Chat.Domain.Attachments.AttachmentService>());
        Services.AddSingleton(Database.Get<Microsoft.Extensions.Options.IOptions<Chat.Domain.Attachments.AttachmentOptions>>());
        Services.AddSingleton(Notifications);
        Services.AddSingleton(Invitations);
        Services.AddSingleton(ComponentClock ?? Database.Get<TimeProvider>());
        Services.AddSingleton(Profiles);
        Services.AddSingleton(Database.Get<ProfileCardService>());
        Services.AddSingleton(Database.Get<PresenceTracker>());
        Services.AddSingleton(Database.Get<MemberDirectory>());
        Services.AddSingleton(Database.Get<Chat.Domain.Direct.DirectMessageService>());
        Services.AddSingleton(Database.Get<Chat.Domain.Direct.PrivacyService>());
        Services.AddScoped<ReaderTimeZone>();
        Services.AddHttpContextAccessor();
        Services.AddScoped<HttpStatus>();
        // The components' words come from their resources, in the test thread's (English) culture.
        Services.AddLocalization();
        authorization = AddAuthorization();
        JSInterop.Mode = JSRuntimeMode.Loose;
        // Dialogs, snackbars and popovers: the components open them through MudBlazor's services.
        Services.AddMudServices();
        // The components' words, from Chat.App's resources in the test thread's culture (Localization/ReaderCulture).
        Services.AddLocalization();
        // Components render as they do in a live circuit, where event handlers and JS interop run.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    /// <summary>Makes <paramref name="user"/> the one whose circuit renders the components.</summary>
    protected void LogIn(ChatUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        authorization!.SetAuthorized(user.UserName!).SetClaims(new Claim(ClaimTypes.NameIdentifier, user.Id));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
    }
}
