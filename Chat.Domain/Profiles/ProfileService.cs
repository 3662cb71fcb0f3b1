using Chat.Domain.Data;
using Chat.Domain.RateLimiting;
using Chat.Domain.Realtime;
using Chat.Domain.Text;
using Chat.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Chat.Domain.Profiles;

public sealed record ProfileView(string UserId, string UserName, string DisplayName, string? Bio, string? Email, int AvatarVersion);

public sealed record AvatarImage(byte[] Bytes, string ContentType, int Version);

/// <summary>
/// What others see of a user: display name, bio and picture. Email and password stay with Identity on the
/// profile page, because they need the current password.
/// </summary>
public sealed class ProfileService(IDbContextFactory<ChatDbContext> dbFactory, ChatHub hub, WriteRateLimiter rateLimiter)
{
    public async Task<ProfileView> GetAsync(string? userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new ProfileView(u.Id, u.UserName!, u.DisplayName, u.Bio, u.Email, u.AvatarVersion))
            .SingleOrDefaultAsync(ct) ?? throw new ForbiddenException("You need to log in first.");
    }

    /// <summary>Display name 1 to 32 characters, bio up to 190, nothing invisible (<see cref="VisibleText"/>); open message and member lists update live.</summary>
    public async Task UpdateAsync(string? userId, string displayName, string? bio, CancellationToken ct = default)
    {
        displayName = (displayName ?? "").Trim();
        bio = string.IsNullOrWhiteSpace(bio) ? null : bio.Trim();
        if (displayName.Length is 0 or > ChatUser.DisplayNameMaxLength)
        {
            throw new ValidationException($"A display name is 1 to {ChatUser.DisplayNameMaxLength} characters.", "displayName");
        }

        if (bio?.Length > ChatUser.BioMaxLength)
        {
            throw new ValidationException($"A bio is at most {ChatUser.BioMaxLength} characters.", "bio");
        }

        VisibleText.RequireName(displayName, "A display name", "displayName");
        VisibleText.RequireVisible(bio, multiline: true, "A bio", "bio");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct)
            ?? throw new ForbiddenException("You need to log in first.");
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
            throw new ValidationException("Choose dark, light or the system's setting.", "theme");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var updated = await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Theme, theme), ct);
        if (updated == 0)
        {
            throw new ForbiddenException("You need to log in first.");
        }
    }

    /// <summary>
    /// Stores a new picture. The browser has already shrunk it, but nothing it sends is trusted: the size is
    /// capped, the bytes must be a whole PNG, JPEG, GIF or WebP image, and its declared pixel size is capped too.
    /// </summary>
    public async Task<int> SetAvatarAsync(string? userId, byte[] bytes, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0)
        {
            throw new ValidationException("That file is empty.", "avatar");
        }

        if (bytes.Length > UserAvatar.MaxBytes)
        {
            throw new ValidationException($"A picture is at most {UserAvatar.MaxBytes / 1024} KB.", "avatar");
        }

        var contentType = ImageSniffer.ContentTypeOf(bytes);
        if (contentType is null || ImageSize.Of(bytes) is not { } size)
        {
            throw new ValidationException("That is not a complete PNG, JPEG, GIF or WebP image.", "avatar");
        }

        if (size.Width > UserAvatar.MaxSide || size.Height > UserAvatar.MaxSide)
        {
            throw new ValidationException(
                $"A picture is at most {UserAvatar.MaxSide} × {UserAvatar.MaxSide} pixels; this one is {size.Width} × {size.Height}.", "avatar");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct)
            ?? throw new ForbiddenException("You need to log in first.");
        rateLimiter.Acquire(WriteAction.ChangeProfile, userId);
        var avatar = await db.Avatars.SingleOrDefaultAsync(a => a.UserId == userId, ct);
        if (avatar is null)
        {
            db.Avatars.Add(new UserAvatar { UserId = user.Id, Bytes = bytes, ContentType = contentType });
        }
        else
        {
            avatar.Bytes = bytes;
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
            ?? throw new ForbiddenException("You need to log in first.");
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
