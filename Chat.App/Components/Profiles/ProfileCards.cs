using Chat.App.Components.Common;
using Chat.Domain.Profiles;
using MudBlazor;

namespace Chat.App.Components.Profiles;

/// <summary>
/// How every name and picture opens a profile card, so the message list, the member list and whatever comes next
/// open the same card the same way.
/// </summary>
public static class ProfileCards
{
    /// <summary>The "Message" button on the card: opens or starts the direct conversation with that person.</summary>
    private static readonly RenderFragment<ProfileCardView> MessageButton = person => builder =>
    {
        builder.OpenComponent<Direct.MessagePersonButton>(0);
        builder.AddComponentParameter(1, nameof(Direct.MessagePersonButton.UserId), person.UserId);
        builder.CloseComponent();
    };

    /// <summary>
    /// Opens the card of <paramref name="userId"/> in the community, titled with the name the viewer clicked. The
    /// card reads the rest itself, and the domain checks that the viewer may see it.
    /// </summary>
    public static Task<IDialogReference> ShowProfileCardAsync(
        this IDialogService dialogs, int communityId, string userId, string displayName)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        var parameters = new DialogParameters<ProfileCardDialog>
        {
            { d => d.CommunityId, communityId },
            { d => d.UserId, userId },
            { d => d.MessageButton, MessageButton },
        };
        return dialogs.ShowAsync<ProfileCardDialog>(displayName, parameters, ChatDialogs.Options);
    }
}
