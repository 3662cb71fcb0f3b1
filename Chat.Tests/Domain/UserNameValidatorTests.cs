using Chat.Domain.Users;
using Microsoft.AspNetCore.Identity;

namespace Chat.Tests.Domain;

public sealed class UserNameValidatorTests
{
    [Theory]
    [InlineData("ana")]
    [InlineData("a_b.c")]
    [InlineData("Ana_1984")]
    [InlineData("abcdefghijklmnopqrstuvwxyz012345")]
    public async Task ValidateAsync_WellFormedName_Succeeds(string userName)
    {
        var user = new ChatUser { UserName = userName };

        var result = await ValidateAsync(user);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task ValidateAsync_TheLengthLimitsShownToUsers_AreTheOnesEnforced()
    {
        string[] fits = [new('a', ChatUser.UserNameMinLength), new('a', ChatUser.UserNameMaxLength)];
        string[] misses = [new('a', ChatUser.UserNameMinLength - 1), new('a', ChatUser.UserNameMaxLength + 1)];

        var accepted = await Task.WhenAll(fits.Concat(misses).Select(async n => (await ValidateAsync(new ChatUser { UserName = n })).Succeeded));

        Assert.Equal([true, true, false, false], accepted);
    }

    [Theory]
    [InlineData("an")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456")]
    [InlineData("ana maria")]
    [InlineData(" ana")]
    [InlineData("ana!")]
    [InlineData("jos\u00e9")]
    [InlineData("\u0430n\u0430")] // Cyrillic a: looks like "ana", so it could impersonate her.
    [InlineData("ana\n")]
    [InlineData("")]
    [InlineData(null)]
    public async Task ValidateAsync_MalformedName_FailsWithRule(string? userName)
    {
        var user = new ChatUser { UserName = userName };

        var result = await ValidateAsync(user);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ChatIdentityErrorDescriber.InvalidUserNameShapeCode, error.Code);
    }

    // The validator never uses the manager, and building a real UserManager would need the whole Identity stack.
    private static Task<IdentityResult> ValidateAsync(ChatUser user) => new UserNameValidator().ValidateAsync(null!, user);
}
