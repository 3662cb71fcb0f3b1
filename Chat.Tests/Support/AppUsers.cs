using Chat.Domain.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Tests.Support;

/// <summary>Looks at the accounts of a running app through its own UserManager.</summary>
public static class AppUsers
{
    public static async Task<ChatUser?> FindUserAsync(this WebApplicationFactory<Program> app, string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<ChatUser>>().FindByNameAsync(userName);
    }

    /// <summary>Rows whose username or email matches, so a refused registration can be shown to have left none.</summary>
    public static async Task<int> CountUsersAsync(this WebApplicationFactory<Program> app, TestAccount account)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ChatUser>>();
        var userName = users.NormalizeName(account.UserName);
        var email = users.NormalizeEmail(account.Email);
        return await users.Users.CountAsync(u => u.NormalizedUserName == userName || u.NormalizedEmail == email);
    }

    /// <summary>A user that never logs in: no password, so no PBKDF2 round.</summary>
    public static async Task<ChatUser> CreateUserWithoutPasswordAsync(this WebApplicationFactory<Program> app, string prefix = "user")
    {
        var account = TestAccount.New(prefix);
        await using var scope = app.Services.CreateAsyncScope();
        var user = new ChatUser { UserName = account.UserName, Email = account.Email, DisplayName = account.DisplayName };
        var result = await scope.ServiceProvider.GetRequiredService<UserManager<ChatUser>>().CreateAsync(user);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return user;
    }
}
