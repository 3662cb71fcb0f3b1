using Chat.Domain;
using Chat.Domain.Data;
using Chat.Domain.Messages;
using Chat.Tests.Support;

namespace Chat.Tests.Domain;

/// <summary>
/// The shared opening of member-only methods (MemberScope, Access.RequireCallerAsync) checks in one fixed order:
/// the channel first, then the login, then the community and the membership. A refusal's code depends on that
/// order, so it is pinned here through the services that use the opening.
/// </summary>
public sealed class MemberScopeTests
{
    private const int Missing = int.MaxValue;

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task Refusals_ChannelThenLoginThenCommunityThenMembership(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var messages = db.Get<MessageService>();
        var readState = db.Get<ReadStateService>();

        var anonymousOnMissingChannel = await Record.ExceptionAsync(() => readState.MarkReadAsync(null, Missing, 1));
        var anonymousOnChannel = await Record.ExceptionAsync(() => messages.NotifyTypingAsync(null, cast.ChannelId));
        var anonymousOnMissingCommunity = await Record.ExceptionAsync(() => readState.GetUnreadAsync("", Missing));
        var memberOnMissingCommunity = await Record.ExceptionAsync(() => readState.GetUnreadAsync(cast.Member.Id, Missing));
        var nonMember = await Record.ExceptionAsync(
            () => messages.GetLatestAsync(cast.CommunityId, cast.ChannelId, cast.NonMember.Id));

        Assert.Equal(nameof(DomainErrors.ChannelNotFound), Assert.IsType<NotFoundException>(anonymousOnMissingChannel).Code);
        Assert.Equal(nameof(DomainErrors.LogInFirst), Assert.IsType<ForbiddenException>(anonymousOnChannel).Code);
        Assert.Equal(nameof(DomainErrors.LogInFirst), Assert.IsType<ForbiddenException>(anonymousOnMissingCommunity).Code);
        Assert.Equal(nameof(DomainErrors.ServerNotFound), Assert.IsType<NotFoundException>(memberOnMissingCommunity).Code);
        Assert.Equal(nameof(DomainErrors.NotAMember), Assert.IsType<ForbiddenException>(nonMember).Code);
    }
}
