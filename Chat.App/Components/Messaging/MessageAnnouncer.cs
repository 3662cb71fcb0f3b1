using System.Globalization;
using Chat.App.Localization;
using Chat.Domain.Messages;
using Microsoft.Extensions.Localization;

namespace Chat.App.Components.Messaging;

/// <summary>
/// What the open channel's polite live region says about other people's new messages: the message itself when it
/// comes alone, and at most one announcement per <see cref="Interval"/>; what arrives in between is summed up in
/// the next one ("3 new messages from Ana and Luis"). The whole log is no live region: a busy channel would talk
/// over itself, and loading history would read it all out.
/// </summary>
/// <param name="onDue">Called from a timer when a held summary is due; the pane calls <see cref="Flush"/> on its
/// own dispatcher then, and draws.</param>
public sealed class MessageAnnouncer(TimeProvider clock, Action onDue) : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    // A long message is cut: the reader can go to the log for the rest.
    private const int MaxExcerpt = 140;

    // Looked up when a summary is made, in the circuit's language (MessageAnnouncer.resx).
    private static readonly IStringLocalizer Words = StaticLocalizer.For(typeof(MessageAnnouncer));

    private readonly List<MessageView> held = [];
    private DateTimeOffset lastAt = DateTimeOffset.MinValue;
    private ITimer? timer;
    private bool timerSet;

    /// <summary>What the live region shows now.</summary>
    public string Text { get; private set; } = "";

    /// <summary>Goes up with each announcement, so saying the same words twice still changes the region.</summary>
    public int Count { get; private set; }

    /// <summary>A new message of someone else in the open channel. True when <see cref="Text"/> changed at once.</summary>
    public bool Add(MessageView message)
    {
        ArgumentNullException.ThrowIfNull(message);
        held.Add(message);
        var wait = lastAt + Interval - clock.GetUtcNow();
        if (wait <= TimeSpan.Zero)
        {
            Flush();
            return true;
        }

        if (!timerSet)
        {
            timerSet = true;
            timer ??= clock.CreateTimer(_ => onDue(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            timer.Change(wait, Timeout.InfiniteTimeSpan);
        }

        return false;
    }

    /// <summary>Says what is held, if anything.</summary>
    public void Flush()
    {
        timerSet = false;
        if (held.Count == 0)
        {
            return;
        }

        Text = Summary(held);
        Count++;
        held.Clear();
        lastAt = clock.GetUtcNow();
    }

    /// <summary>Another channel: nothing held is said, and nothing said stays.</summary>
    public void Reset()
    {
        held.Clear();
        timerSet = false;
        timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Text = "";
    }

    internal static string Summary(IReadOnlyList<MessageView> messages)
    {
        if (messages is [{ Kind: MessageKind.Pinned } line])
        {
            return Words["PinnedAMessage", line.AuthorDisplayName];
        }

        if (messages.Count == 1)
        {
            var text = MessageMarkdown.ToPlainText(messages[0].Content);
            return $"{messages[0].AuthorDisplayName}: {(text.Length > MaxExcerpt ? text[..MaxExcerpt] + "…" : text)}";
        }

        var names = messages.Select(m => m.AuthorDisplayName).Distinct().ToList();
        string from = names.Count switch
        {
            1 => names[0],
            2 => Words["TwoNames", names[0], names[1]],
            3 => Words["ThreeNames", names[0], names[1], names[2]],
            _ => Words["ManyNames", names[0], names[1], (names.Count - 2).ToString(CultureInfo.CurrentCulture)],
        };
        return Words["NewMessagesFrom", messages.Count.ToString(CultureInfo.CurrentCulture), from];
    }

    public void Dispose() => timer?.Dispose();
}
