using System.Globalization;
using Chat.App.Components.Messaging;
using Chat.App.Localization;
using Chat.Domain.Invitations;
using Chat.Domain.Realtime;
using Microsoft.JSInterop;
using MudBlazor;

namespace Chat.App.Components.Invitations;

public sealed partial class InviteDialog : IAsyncDisposable
{
    private List<InviteLinkView> links = [];
    private InviteLinkView? created;
    private ElementReference newLinkInput;
    private IJSObjectReference? module;
    private IDisposable? subscription;
    private string userName = "";
    private readonly UserAction invite = new();
    private readonly UserAction linkAction = new();
    private string? userId;
    private int lifetimeIndex = 3;
    private int maxUsesIndex = InviteLinkOptions.MaxUses.Count - 1;

    [Inject]
    private InvitationService Invitations { get; set; } = default!;

    [Inject]
    private ChatHub Hub { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ReaderTimeZone TimeZone { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Parameter, EditorRequired]
    public CommunityDetail Community { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        userId = (await AuthenticationState).UserId();
        if (Community.MyRole >= MemberRole.Admin)
        {
            // Someone joining may have used a link: its use count changes while the list is on screen.
            subscription = Hub.Subscribe(Topics.Community(Community.Id), userId, e => e is MemberJoined
                ? InvokeAsync(async () =>
                {
                    await linkAction.RunAsync(LoadLinksAsync);
                    StateHasChanged();
                })
                : Task.CompletedTask);
            await linkAction.RunAsync(LoadLinksAsync);
        }
    }

    private async Task LoadLinksAsync() => links = [.. await Invitations.ListLinksAsync(userId, Community.Id)];

    private async Task InviteAsync() => await invite.RunAsync(async () =>
    {
        await Invitations.InviteAsync(userId, Community.Id, userName);
        // A short-lived result: the field is empty again for the next name, and a refusal stays beside it.
        Snackbar.Add(L["InvitationSent", userName.Trim().TrimStart('@')], Severity.Success);
        userName = "";
    });

    private async Task CreateLinkAsync() => await linkAction.RunAsync(async () =>
    {
        created = await Invitations.CreateLinkAsync(userId, Community.Id,
            InviteLinkOptions.Lifetimes[lifetimeIndex], InviteLinkOptions.MaxUses[maxUsesIndex]);
        await LoadLinksAsync();
    });

    private async Task RevokeAsync(InviteLinkView link) => await linkAction.RunAsync(async () =>
    {
        await Invitations.RevokeLinkAsync(userId, link.Code);
        if (created?.Code == link.Code)
        {
            created = null;
        }

        await LoadLinksAsync();
    });

    private async Task CopyAsync(string code)
    {
        try
        {
            module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/chat.js");
            if (await module.InvokeAsync<bool>("copyText", Url(code)))
            {
                Snackbar.Add(L["LinkCopied"], Severity.Success);
            }
            else
            {
                // The clipboard is not allowed here: the link gets selected, ready for Ctrl+C.
                await newLinkInput.FocusAsync();
                Snackbar.Add(L["PressCtrlC"], Severity.Info);
            }
        }
        catch (JSDisconnectedException)
        {
        }
    }

    // Selected on focus, so that Ctrl+C copies it where the clipboard API is not allowed.
    private async Task SelectAllAsync()
    {
        try
        {
            module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/chat.js");
            await module.InvokeVoidAsync("selectAll", newLinkInput);
        }
        catch (JSDisconnectedException)
        {
        }
    }

    private string Url(string code) => Navigation.ToAbsoluteUri("invite/" + code).ToString();

    private bool IsUsable(InviteLinkView link) =>
        !link.IsRevoked && !(link.ExpiresAt <= Clock.GetUtcNow().UtcDateTime) && !(link.Uses >= link.MaxUses);

    private string LifetimeText(TimeSpan? lifetime) => lifetime switch
    {
        null => L["Never"],
        { TotalDays: >= 1 } t => Plurals.Of(Plurals.Days, (long)t.TotalDays),
        { TotalHours: >= 1 } t => Plurals.Of(Plurals.Hours, (long)t.TotalHours),
        { } t => Plurals.Of(Plurals.Minutes, (long)t.TotalMinutes),
    };

    private string MaxUsesText(int? maxUses) => maxUses switch
    {
        null => L["NoLimit"],
        { } n => Plurals.Of(Plurals.Uses, n),
    };

    private static string UsesText(InviteLinkView link) => link.MaxUses is { } max
        ? Plurals.Of(Plurals.UsesOf, max, link.Uses)
        : Plurals.Of(Plurals.Uses, link.Uses);

    private string ExpiryText(InviteLinkView link)
    {
        if (link.ExpiresAt is not { } expires)
        {
            return L["NeverExpires"];
        }

        var when = ChatTime.DayAndTime(TimeZone.ToLocal(expires));
        return expires <= Clock.GetUtcNow().UtcDateTime ? L["ExpiredAt", when] : L["ExpiresAt", when];
    }

    private void Close() => Dialog.Close();

    public async ValueTask DisposeAsync()
    {
        subscription?.Dispose();
        await module.DisposeQuietlyAsync();
    }
}
