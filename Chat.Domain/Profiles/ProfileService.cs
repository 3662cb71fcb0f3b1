using System.Linq.Expressions;
using Chat.Domain.Pictures;
using Chat.Domain.RateLimiting;
using Chat.Domain.Realtime;
using Chat.Domain.Text;
using Chat.Domain.Users;

namespace Chat.Domain.Profiles;

public sealed record ProfileView(string UserId, string UserName, string DisplayName, string? Bio, string? Email, int AvatarVersion);

public sealed record AvatarImage(byte[] Bytes, string ContentType, int Version);

/// <summary>
/// What others see of a user: display name, bio and picture. Email and password stay with Identity on the
/// profile page, because they need the current password.
/// </summary>
public sealed class ProfileService(IDbContextFactory<ChatDbContext> dbFactory, ChatHub hub, WriteRateLimiter rateLimiter)
{
    private static readonly PictureLimits AvatarLimits = new(
        UserAvatar.MaxSide, (long)UserAvatar.MaxSide * UserAvatar.MaxSide, UserAvatar.MaxSide, ThumbnailSide: null);

    public async Task<ProfileView> GetAsync(string? userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new ProfileView(u.Id, u.UserName!, u.DisplayName, u.Bio, u.Email, u.AvatarVersion))
            .SingleOrDefaultAsync(ct) ?? throw DomainErrors.LogInFirst();
    }

    /// <summary>Display name 1 to 32 characters, bio up to 190, nothing invisible (<see cref="VisibleText"/>); open message and member lists update live.</summary>
    public async Task UpdateAsync(string? userId, string displayName, string? bio, CancellationToken ct = default)
    {
        displayName = (displayName ?? "").Trim();
        bio = string.IsNullOrWhiteSpace(bio) ? null : bio.Trim();
        if (displayName.Length is 0 or > ChatUser.DisplayNameMaxLength)
        {
            throw DomainErrors.DisplayNameLength(ChatUser.DisplayNameMaxLength);
        }

        if (bio?.Length > ChatUser.BioMaxLength)
        {
            throw DomainErrors.BioTooLong(ChatUser.BioMaxLength);
        }

        VisibleText.RequireName(displayName, TextSubject.DisplayName, "displayName");
        VisibleText.RequireVisible(bio, multiline: true, TextSubject.Bio, "bio");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct)
            ?? throw DomainErrors.LogInFirst();
        rateLimiter.Acquire(WriteAction.ChangeProfile, userId);
        user.DisplayName = displayName;
        user.Bio = bio;
        await db.SaveChangesAsync(ct);
        await PublishAsync(db, user, ct);
    }

    /// <summary>Saves how the app looks for the user; nobody else sees it, so nothing is published.</summary>
    public async Task SetThemeAsync(string? userId, ThemeChoice theme, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(theme))
        {
            throw DomainErrors.ThemeUnknown();
        }

        await SaveOwnSettingAsync(userId, u => u.Theme, theme, ct);
    }

    /// <summary>The user's own language setting, for the profile page's chooser.</summary>
    public async Task<LanguageChoice> GetLanguageAsync(string? userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => (LanguageChoice?)u.Language)
            .SingleOrDefaultAsync(ct) ?? throw DomainErrors.LogInFirst();
    }

    /// <summary>Saves the language of the interface for the user; like the theme, nobody else sees it.</summary>
    public async Task SetLanguageAsync(string? userId, LanguageChoice language, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(language))
        {
            throw DomainErrors.LanguageUnknown();
        }

        await SaveOwnSettingAsync(userId, u => u.Language, language, ct);
    }

    // A setting of the user's own that nobody else sees (theme, language): one column, nothing published.
    private async Task SaveOwnSettingAsync<TValue>(
        string? userId, Expression<Func<ChatUser, TValue>> setting, TValue value, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var updated = await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(u => u.SetProperty(setting, value), ct);
        if (updated == 0)
        {
            throw DomainErrors.LogInFirst();
        }
    }

    /// <summary>
    /// Stores a new picture. The browser has already shrunk it, but nothing it sends is trusted: the size is
    /// capped, and <see cref="PictureDecoder"/> refuses what is no whole PNG, JPEG, GIF or WebP image or declares more
    /// than <see cref="UserAvatar.MaxSide"/> pixels a side, then stores the pixels re-encoded, without metadata.
    /// </summary>
    public async Task<int> SetAvatarAsync(string? userId, byte[] bytes, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0)
        {
            throw DomainErrors.AvatarEmpty();
        }

        if (bytes.Length > UserAvatar.MaxBytes)
        {
            throw DomainErrors.AvatarTooBig(UserAvatar.MaxBytes / 1024);
        }

        DecodedPicture picture;
        try
        {
            picture = PictureDecoder.Decode(bytes, AvatarLimits);
        }
        catch (PictureRefusedException refused) when (refused.Refusal == PictureRefusal.TooLarge)
        {
            throw DomainErrors.AvatarTooLarge(UserAvatar.MaxSide, refused.Declared.Width, refused.Declared.Height);
        }
        catch (PictureRefusedException)
        {
            throw DomainErrors.AvatarNotAnImage();
        }

        var (contentType, stored) = (picture.ContentType, picture.Bytes);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct)
            ?? throw DomainErrors.LogInFirst();
        rateLimiter.Acquire(WriteAction.ChangeProfile, userId);
        var avatar = await db.Avatars.SingleOrDefaultAsync(a => a.UserId == userId, ct);
        if (avatar is null)
        {
            db.Avatars.Add(new UserAvatar { UserId = user.Id, Bytes = stored, ContentType = contentType });
        }
        else
        {
            avatar.Bytes = stored;
            avatar.ContentType = contentType;
        }

        // Never reuses a number, not even after a removal, so a cached picture is never shown for a new one.
        user.AvatarVersion = Math.Abs(user.AvatarVersion) + 1;
        await db.SaveChangesAsync(ct);
        await PublishAsync(db, user, ct);
        return user.AvatarVersion;
    }

    public async Task RemoveAvatarAsync(string? userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct)
            ?? throw DomainErrors.LogInFirst();
        rateLimiter.Acquire(WriteAction.ChangeProfile, userId);
        await db.Avatars.Where(a => a.UserId == userId).ExecuteDeleteAsync(ct);
        // Zero or negative means "no picture"; the number is kept so that the next upload gets a fresh URL.
        user.AvatarVersion = -Math.Abs(user.AvatarVersion);
        await db.SaveChangesAsync(ct);
        await PublishAsync(db, user, ct);
    }

    /// <summary>A user's picture, for any logged-in viewer (pictures are as public as display names).</summary>
    public async Task<AvatarImage?> GetAvatarAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Avatars.AsNoTracking().Where(a => a.UserId == userId)
            .Select(a => new AvatarImage(a.Bytes, a.ContentType, a.User!.AvatarVersion))
            .SingleOrDefaultAsync(ct);
    }

    private async Task PublishAsync(ChatDbContext db, ChatUser user, CancellationToken ct)
    {
        var communities = await db.Memberships.Where(m => m.UserId == user.Id).Select(m => m.CommunityId).ToListAsync(ct);
        foreach (var communityId in communities)
        {
            await hub.PublishAsync(new UserProfileChanged(communityId, user.Id, user.DisplayName, user.AvatarVersion));
        }
    }
}
