using System.ComponentModel.DataAnnotations;
using Chat.App.Localization;
using Chat.Domain;
using Chat.Domain.Profiles;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;
using DomainValidationException = Chat.Domain.ValidationException;

namespace Chat.App.Components.Pages;

/// <summary>
/// The user's own display name, bio and picture. Every refusal is shown next to its field and changes nothing;
/// a saved change reaches the open message and member lists through the hub.
/// </summary>
public sealed partial class ProfilePage
{
    // The browser may hang on a file it cannot decode (its image never loads); do not wait for it forever.
    private static readonly TimeSpan ShrinkTimeout = TimeSpan.FromSeconds(20);

    private readonly ProfileInput input = new();
    private EditContext editContext = default!;
    private ValidationMessageStore domainMessages = default!;
    private ProfileView? profile;
    private string? userId;
    private bool saving;
    private bool saved;
    private string? saveError;
    private bool uploading;
    private string? avatarError;
    private string? avatarStatus;

    [Inject]
    private ProfileService Profiles { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    // The prerendered page cannot take a file or a submit yet; its controls wait for the live circuit.
    private bool Live => RendererInfo.IsInteractive;

    protected override async Task OnInitializedAsync()
    {
        editContext = new EditContext(input);
        domainMessages = new ValidationMessageStore(editContext);
        // The server's verdict on a field stands until that field is edited or the form is checked again.
        editContext.OnFieldChanged += OnFieldChanged;
        editContext.OnValidationRequested += OnValidationRequested;

        userId = (await AuthenticationState).UserId();
        profile = await Profiles.GetAsync(userId);
        input.DisplayName = profile.DisplayName;
        input.Bio = profile.Bio;
    }

    private async Task SaveAsync()
    {
        saving = true;
        avatarStatus = null;
        saveError = null;
        try
        {
            await Profiles.UpdateAsync(userId, input.DisplayName, input.Bio);
            profile = await Profiles.GetAsync(userId);
            input.DisplayName = profile.DisplayName;
            input.Bio = profile.Bio;
            saved = true;
        }
        catch (DomainValidationException e)
        {
            domainMessages.Add(FieldOf(e.Field), e.Describe());
            editContext.NotifyValidationStateChanged();
        }
        catch (DomainException e)
        {
            // Not about a field (too fast, say): shown beside Save, and the form keeps what was typed.
            saveError = e.Describe();
        }
        finally
        {
            saving = false;
        }
    }

    private FieldIdentifier FieldOf(string? field) => field switch
    {
        "bio" => editContext.Field(nameof(ProfileInput.Bio)),
        _ => editContext.Field(nameof(ProfileInput.DisplayName)),
    };

    private async Task UploadAvatarAsync(InputFileChangeEventArgs e)
    {
        avatarError = null;
        avatarStatus = null;
        saved = false;
        uploading = true;
        try
        {
            var version = await Profiles.SetAvatarAsync(userId, await ReadShrunkAsync(e.File));
            profile = profile! with { AvatarVersion = version };
            avatarStatus = L["PictureSaved"];
        }
        catch (DomainException ex)
        {
            avatarError = ex.Describe();
        }
        catch (IOException)
        {
            // Read with a cap: a bigger stream than announced, or a connection lost half-way.
            avatarError = L["PictureTooLarge", UserAvatar.MaxBytes / 1024];
        }
        finally
        {
            uploading = false;
        }
    }

    /// <summary>
    /// The picture as the browser shrank it, read with a size cap. What the browser sends is checked again by
    /// the service; this only refuses early what cannot be a picture, with a message the user can act on.
    /// </summary>
    private static async Task<byte[]> ReadShrunkAsync(IBrowserFile file)
    {
        // Only a PNG, JPEG, GIF or WebP goes to the browser's canvas: an SVG or an HTML page is refused here, by
        // its leading bytes, whatever its name or declared type says.
        if (!await StartsLikeAnImageAsync(file))
        {
            throw DomainErrors.AvatarFileRefused();
        }

        IBrowserFile shrunk;
        try
        {
            shrunk = await file.RequestImageFileAsync("image/png", 256, 256).AsTask().WaitAsync(ShrinkTimeout);
        }
        catch (Exception e) when (e is JSException or TimeoutException)
        {
            throw DomainErrors.AvatarUnreadable();
        }

        if (shrunk.Size > UserAvatar.MaxBytes)
        {
            throw new IOException("The shrunk picture is over the cap.");
        }

        await using var stream = shrunk.OpenReadStream(UserAvatar.MaxBytes);
        using var buffer = new MemoryStream((int)shrunk.Size);
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private static async Task<bool> StartsLikeAnImageAsync(IBrowserFile file)
    {
        var header = new byte[ImageSniffer.SignatureLength];
        await using var stream = file.OpenReadStream(Math.Max(file.Size, 1));
        var read = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false);
        return ImageSniffer.HasImageSignature(header.AsSpan(0, read));
    }

    private async Task RemoveAvatarAsync()
    {
        avatarError = null;
        avatarStatus = null;
        saved = false;
        try
        {
            await Profiles.RemoveAvatarAsync(userId);
        }
        catch (DomainException e)
        {
            avatarError = e.Describe();
            return;
        }

        profile = profile! with { AvatarVersion = 0 };
        avatarStatus = L["PictureRemoved"];
    }

    private void OnFieldChanged(object? sender, FieldChangedEventArgs e)
    {
        domainMessages.Clear(e.FieldIdentifier);
        saved = false;
    }

    private void OnValidationRequested(object? sender, ValidationRequestedEventArgs e)
    {
        domainMessages.Clear();
        saved = false;
    }

    public void Dispose()
    {
        if (editContext is not null)
        {
            editContext.OnFieldChanged -= OnFieldChanged;
            editContext.OnValidationRequested -= OnValidationRequested;
        }
    }

    private sealed class ProfileInput
    {
        [Required(ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.DisplayNameRequired))]
        [StringLength(ChatUser.DisplayNameMaxLength,
            ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.DisplayNameLength))]
        public string DisplayName { get; set; } = "";

        [StringLength(ChatUser.BioMaxLength,
            ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.BioLength))]
        public string? Bio { get; set; }
    }
}
