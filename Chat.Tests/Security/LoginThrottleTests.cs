using Chat.App.Security;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Chat.Tests.Security;

public sealed class LoginThrottleTests
{
    private const string Account = "account-1";
    private const string Address = "203.0.113.1";

    private readonly FakeTimeProvider clock = new();
    private readonly LoginThrottle throttle;

    public LoginThrottleTests() => throttle = new LoginThrottle(
        Options.Create(new LoginLockoutOptions { LoginFailuresAllowed = 5, LoginLockout = TimeSpan.FromMinutes(5) }), clock);

    [Fact]
    public void RecordFailure_FifthTime_LocksThatAccountForThatAddressOnly()
    {
        Fail(4);
        var afterFour = throttle.IsLocked(Account, Address);

        Fail(1);

        Assert.False(afterFour);
        Assert.True(throttle.IsLocked(Account, Address));
        Assert.False(throttle.IsLocked(Account, "203.0.113.2"));
        Assert.False(throttle.IsLocked("account-2", Address));
    }

    [Fact]
    public void IsLocked_AfterTheLockoutTime_IsFalseAgain()
    {
        Fail(5);

        clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        var justBefore = throttle.IsLocked(Account, Address);
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.True(justBefore);
        Assert.False(throttle.IsLocked(Account, Address));
    }

    [Fact]
    public void RecordFailure_FurtherApartThanTheLockoutTime_DoNotAddUp()
    {
        for (var i = 0; i < 5; i++)
        {
            Fail(1);
            clock.Advance(TimeSpan.FromMinutes(6));
        }

        Assert.False(throttle.IsLocked(Account, Address));
    }

    [Fact]
    public void RecordSuccess_ForgetsEarlierFailures()
    {
        Fail(4);

        throttle.RecordSuccess(Account, Address);
        Fail(4);

        Assert.False(throttle.IsLocked(Account, Address));
    }

    private void Fail(int times)
    {
        for (var i = 0; i < times; i++)
        {
            throttle.RecordFailure(Account, Address);
        }
    }
}
