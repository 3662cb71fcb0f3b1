using Chat.Domain;
using Chat.Domain.Communities;
using Chat.Domain.Data;
using Chat.Domain.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chat.Load.Setup;

/// <summary>The users, the server and its channel that a run needs, and how to log in as each user.</summary>
internal sealed record SeededCommunity(int CommunityId, int ChannelId, IReadOnlyList<string> UserNames, string Password)
{
    public string ChannelPath => $"servers/{CommunityId}/channels/{ChannelId}";
}

/// <summary>
/// Writes the run's data straight into the database through the domain's model before the app starts: setup, not
/// what is measured. Every user gets the same password hash, computed once (PBKDF2 with the app's 210,000
/// iterations, so logging in needs no rehash), which keeps seeding thousands of users cheap.
/// </summary>
internal static class Seeding
{
    private const string Password = "load-test-password";

    public static async Task<SeededCommunity> SeedAsync(DatabaseSettings settings, int users, CancellationToken ct)
    {
        await using var services = new ServiceCollection().AddChatDomain(settings).BuildServiceProvider();
        await ChatDatabase.MigrateAsync(services, ct);

        var hasher = new PasswordHasher<ChatUser>(Options.Create(new PasswordHasherOptions { IterationCount = 210_000 }));
        var hash = hasher.HashPassword(new ChatUser(), Password);
        var now = DateTime.UtcNow;
        var accounts = Enumerable.Range(0, users).Select(i => NewUser($"load{i:D5}", hash, now)).ToList();
        var factory = services.GetRequiredService<IDbContextFactory<ChatDbContext>>();
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            db.Users.AddRange(accounts);
            await db.SaveChangesAsync(ct);
        }

        var community = await services.GetRequiredService<CommunityService>()
            .CreateAsync(accounts[0].Id, "Load test", "Where Chat.Load talks.", isPublic: true, ct);
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            db.Memberships.AddRange(accounts.Skip(1).Select(u => new Membership
            {
                CommunityId = community.Id,
                UserId = u.Id,
                Role = MemberRole.Member,
                JoinedAt = now,
            }));
            await db.SaveChangesAsync(ct);
            if (settings.Provider == DatabaseProvider.Postgres)
            {
                // The planner's statistics after a bulk insert, as autovacuum would have them a minute later.
                await db.Database.ExecuteSqlRawAsync("ANALYZE", ct);
            }

            // MySQL: InnoDB recalculates a table's statistics by itself once 10% of it changed, within seconds,
            // long before the logins that follow are over; nothing to do.
        }

        return new SeededCommunity(
            community.Id, community.FirstChannelId!.Value, [.. accounts.Select(u => u.UserName!)], Password);
    }

    private static ChatUser NewUser(string userName, string passwordHash, DateTime now) => new()
    {
        Id = Guid.NewGuid().ToString(),
        UserName = userName,
        NormalizedUserName = userName.ToUpperInvariant(),
        Email = $"{userName}@example.test",
        NormalizedEmail = $"{userName}@example.test".ToUpperInvariant(),
        DisplayName = userName,
        PasswordHash = passwordHash,
        SecurityStamp = Guid.NewGuid().ToString("N"),
        ConcurrencyStamp = Guid.NewGuid().ToString(),
        LockoutEnabled = true,
        CreatedAt = now,
    };
}
