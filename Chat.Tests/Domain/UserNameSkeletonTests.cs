using Chat.Domain.Data;
using Chat.Domain.Users;
using Chat.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Chat.Tests.Domain;

public sealed class UserNameSkeletonTests
{
    [Theory]
    [InlineData("aIice", "alice")] // capital I and small l
    [InlineData("he1lo", "hello")] // digit one and small l
    [InlineData("rnary", "mary")] // r n and m
    [InlineData("b0b", "bOb")] // zero and capital O
    [InlineData("b0b", "bob")] // ... and, case aside, small o
    [InlineData("ALICE", "AlICE")] // case aside, the same name
    [InlineData("Mike", "rnike")] // M is m, case aside
    public void Of_LookalikeNames_AreTheSame(string one, string other)
    {
        var skeletons = (UserNameSkeleton.Of(one), UserNameSkeleton.Of(other));

        Assert.Equal(skeletons.Item1, skeletons.Item2);
    }

    [Theory]
    [InlineData("alice", "alicia")]
    [InlineData("ian", "lan")] // a small i does not look like an l
    [InlineData("mary", "many")]
    [InlineData("bob_1", "bob.1")]
    public void Of_DifferentNames_Differ(string one, string other)
    {
        var skeletons = (UserNameSkeleton.Of(one), UserNameSkeleton.Of(other));

        Assert.NotEqual(skeletons.Item1, skeletons.Item2);
    }

    [Fact]
    public void Of_LongestNameOfTheWidestCharacters_FitsTheColumn()
    {
        var name = new string('m', ChatUser.UserNameMaxLength);

        var skeleton = UserNameSkeleton.Of(name);

        Assert.Equal(UserNameSkeleton.MaxLength, skeleton.Length);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task MigrateAsync_UsersStoredWithoutSkeleton_AreGivenTheirs(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var user = await db.CreateUserAsync("aIice_1");

        await ChatDatabase.MigrateAsync(db.Services);

        await using var context = await db.CreateContextAsync();
        var stored = await context.Users.SingleAsync(u => u.Id == user.Id);
        Assert.Equal("", user.UserNameSkeleton);
        Assert.Equal("alice_l", stored.UserNameSkeleton);
    }
}
