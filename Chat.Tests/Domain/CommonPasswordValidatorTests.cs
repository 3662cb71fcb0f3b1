using Chat.Domain.Users;
using Microsoft.AspNetCore.Identity;

namespace Chat.Tests.Domain;

public sealed class CommonPasswordValidatorTests
{
    [Fact]
    public void Count_TheShippedList_HoldsTenThousandPasswords()
    {
        Assert.Equal(CommonPasswordValidator.ListSize, CommonPasswordValidator.Count);
    }

    [Theory]
    [InlineData("password12")]
    [InlineData("PASSWORD12")]
    [InlineData("1234567890")]
    [InlineData("qwertyuiop")]
    public async Task ValidateAsync_CommonPassword_Fails(string password)
    {
        var result = await new CommonPasswordValidator().ValidateAsync(null!, new ChatUser(), password);

        var error = Assert.Single(result.Errors);
        Assert.Equal(CommonPasswordValidator.ErrorCode, error.Code);
    }

    [Theory]
    [InlineData("correct horse battery")]
    [InlineData("a brand new passphrase")]
    public async Task ValidateAsync_UncommonPassword_Succeeds(string password)
    {
        var result = await new CommonPasswordValidator().ValidateAsync(null!, new ChatUser(), password);

        Assert.Equal(IdentityResult.Success, result);
    }
}
