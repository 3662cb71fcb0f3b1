using System.Text.RegularExpressions;
using Chat.Tests.Browser;
using Microsoft.Playwright;

namespace Chat.Tests.Faults;

/// <summary>
/// A user who keeps sending numbered messages until told to stop, and remembers which ones the page confirmed
/// (the composer emptied, which it does only once the message is stored) and which one was still in flight,
/// with the nonce of each draft (the composer shows it as data-nonce), as a client that retries would keep it.
/// </summary>
internal sealed partial class Sender(IPage page, string prefix)
{
    private static readonly TimeSpan ConfirmTimeout = TimeSpan.FromSeconds(10);

    public IPage Page { get; } = page;

    public List<string> Confirmed { get; } = [];

    public List<string> Unconfirmed { get; } = [];

    public IEnumerable<string> All => Confirmed.Concat(Unconfirmed);

    /// <summary>The nonce of each draft that was submitted.</summary>
    public Dictionary<string, Guid> Nonces { get; } = [];

    /// <summary>Sends until <paramref name="stop"/> fires; a few per second, under the send rate limit.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var composer = Page.ComposerBox();
        // Text typed into the prerendered box, before the circuit wires it, never reaches the server (CI once
        // saw the page still loading when the senders started): the box says when its keys are wired.
        await composer.ExpectKeysReadyAsync();
        for (var i = 1; !stop.IsCancellationRequested; i++)
        {
            var text = $"{prefix}-{i:D3}";
            try
            {
                await composer.FillAsync(text);
                await Assertions.Expect(composer).ToHaveAttributeAsync("data-nonce", AnyNonce());
                Nonces[text] = Guid.Parse((await composer.GetAttributeAsync("data-nonce"))!);
                await composer.PressAsync("Enter");
                if (!await ConfirmedAsync(composer, stop))
                {
                    Unconfirmed.Add(text);
                    return;
                }
            }
            catch (PlaywrightException) when (stop.IsCancellationRequested)
            {
                Unconfirmed.Add(text);
                return;
            }

            Confirmed.Add(text);
            await Task.Delay(250, CancellationToken.None);
        }
    }

    [GeneratedRegex("^[0-9a-f-]{36}$")]
    private static partial Regex AnyNonce();

    /// <summary>True once the composer is empty; false if <paramref name="stop"/> fired first.</summary>
    private static async Task<bool> ConfirmedAsync(ILocator composer, CancellationToken stop)
    {
        var deadline = DateTime.UtcNow + ConfirmTimeout;
        while (true)
        {
            if (await composer.InputValueAsync() == "")
            {
                return true;
            }

            if (stop.IsCancellationRequested)
            {
                return false;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The composer still holds its text after {ConfirmTimeout.TotalSeconds:0} s.");
            }

            await Task.Delay(30, CancellationToken.None);
        }
    }
}

internal static partial class FaultPages
{
    /// <summary>The texts of the open channel's messages, top to bottom.</summary>
    public static async Task<IReadOnlyList<string>> MessageTextsAsync(this IPage page) =>
        await page.MessageLog().GetByRole(AriaRole.Listitem).AllInnerTextsAsync();

    /// <summary>Asserts that every one of <paramref name="expected"/> is on the page once, in this order.</summary>
    public static async Task ExpectInOrderAsync(this IPage page, IReadOnlyList<string> expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        foreach (var text in expected)
        {
            await Assertions.Expect(page.Message(text)).ToHaveCountAsync(1);
        }

        var texts = await page.MessageTextsAsync();
        var positions = expected.Select(text => texts.ToList().FindIndex(t => t.Contains(text, StringComparison.Ordinal))).ToList();
        Assert.Equal(positions.Order(), positions);
    }

    /// <summary>The ids in a channel address, e.g. /servers/3/channels/7.</summary>
    public static (int ServerId, int ChannelId) ChannelIds(this IPage page)
    {
        var match = ChannelAddress().Match(page.Url);
        Assert.True(match.Success, $"Not a channel address: {page.Url}");
        return (int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"/servers/(\d+)/channels/(\d+)")]
    private static partial Regex ChannelAddress();
}
