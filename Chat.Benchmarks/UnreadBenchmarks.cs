using BenchmarkDotNet.Attributes;
using Chat.Domain.Channels;
using Chat.Domain.Communities;
using Chat.Domain.Data;
using Chat.Domain.Messages;
using Microsoft.EntityFrameworkCore;

namespace Chat.Benchmarks;

/// <summary>
/// A user's unread state across a server of 100 channels, as the channel sidebar asks for it when a server opens
/// (<see cref="ReadStateService.GetUnreadAsync"/>: unread or not, and unread mentions, per channel) and as the
/// server rail asks for its mention badges (<see cref="ReadStateService.GetMentionCountsAsync"/>). The baseline is
/// the least the question needs: one indexed read of the user's 100 read markers.
/// Each channel holds 1,000 messages (20 with --quick), every 25th mentioning the reader. One reader is behind by
/// the last 10% of every channel; the other has read everything.
/// </summary>
[MemoryDiagnoser]
public class UnreadBenchmarks : DatabaseBenchmark
{
    public const int Channels = 100;

    private const int Chunk = 5_000;

    private IDbContextFactory<ChatDbContext> dbFactory = null!;
    private ReadStateService readState = null!;
    private string behindId = "";
    private string caughtUpId = "";
    private int communityId;

    protected override async Task SeedAsync()
    {
        dbFactory = Database.Get<IDbContextFactory<ChatDbContext>>();
        readState = Database.Get<ReadStateService>();
        var users = await Database.CreateUsersAsync("unread", 5);
        behindId = users[0].Id;
        caughtUpId = users[1].Id;
        var authors = users.Skip(2).Select(u => u.Id).ToList();
        var communities = Database.Get<CommunityService>();
        var community = await communities.CreateAsync(authors[0], "Unread", null, isPublic: true);
        communityId = community.Id;
        foreach (var user in users.Where(u => u.Id != authors[0]))
        {
            await communities.JoinAsync(user.Id, communityId);
        }

        var channelIds = new List<int> { community.FirstChannelId!.Value };
        await using (var db = await Database.CreateContextAsync())
        {
            var more = Enumerable.Range(1, Channels - 1)
                .Select(i => new Channel { CommunityId = communityId, Name = $"channel-{i}", Position = i, CreatedAt = DateTime.UtcNow })
                .ToList();
            db.Channels.AddRange(more);
            await db.SaveChangesAsync();
            channelIds.AddRange(more.Select(c => c.Id));
        }

        await SeedAsync(channelIds, authors);
        await Database.AnalyzeAsync();
    }


    [Benchmark(Baseline = true, Description = "read markers of 100 channels")]
    public async Task<int> ReadMarkers()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var markers = await db.ChannelReadStates.AsNoTracking()
            .Where(r => r.UserId == behindId)
            .Select(r => new { r.ChannelId, r.LastReadMessageId })
            .ToListAsync();
        return markers.Count;
    }

    [Benchmark(Description = "GetUnreadAsync, 10% unread")]
    public Task<IReadOnlyList<ChannelUnread>> Unread_Behind() => readState.GetUnreadAsync(behindId, communityId);

    [Benchmark(Description = "GetUnreadAsync, all read")]
    public Task<IReadOnlyList<ChannelUnread>> Unread_CaughtUp() => readState.GetUnreadAsync(caughtUpId, communityId);

    [Benchmark(Description = "GetMentionCountsAsync (rail)")]
    public Task<IReadOnlyDictionary<int, int>> MentionCounts_Behind() => readState.GetMentionCountsAsync(behindId);

    /// <summary>Messages round-robin over the channels, so each channel's rows are spread over the whole table.</summary>
    private async Task SeedAsync(List<int> channelIds, List<string> authors)
    {
        var perChannel = Scale.MessagesPerUnreadChannel;
        var total = perChannel * channelIds.Count;
        var start = DateTime.UtcNow.AddDays(-30);
        var behindMarkers = new Dictionary<int, long>();
        var lastIds = new Dictionary<int, long>();
        for (var offset = 0; offset < total; offset += Chunk)
        {
            var batch = new List<Message>(Chunk);
            var mentions = new List<Mention>();
            for (var i = offset; i < Math.Min(offset + Chunk, total); i++)
            {
                var message = new Message
                {
                    ChannelId = channelIds[i % channelIds.Count],
                    AuthorId = authors[i % authors.Count],
                    Content = $"Seeded message number {i}, long enough to look like a real line of chat.",
                    CreatedAt = start.AddSeconds(i),
                    Nonce = Guid.NewGuid(),
                };
                batch.Add(message);
                if (i / channelIds.Count % 25 == 0)
                {
                    mentions.Add(new Mention { Message = message, UserId = behindId, ChannelId = message.ChannelId });
                    mentions.Add(new Mention { Message = message, UserId = caughtUpId, ChannelId = message.ChannelId });
                }
            }

            await using var db = await Database.CreateContextAsync();
            db.Messages.AddRange(batch);
            db.Mentions.AddRange(mentions);
            await db.SaveChangesAsync();
            for (var j = 0; j < batch.Count; j++)
            {
                var message = batch[j];
                if ((offset + j) / channelIds.Count == perChannel * 9 / 10)
                {
                    behindMarkers[message.ChannelId] = message.Id;
                }

                lastIds[message.ChannelId] = message.Id;
            }
        }

        await using var markers = await Database.CreateContextAsync();
        markers.ChannelReadStates.AddRange(channelIds.Select(c => new ChannelReadState
        {
            UserId = behindId, ChannelId = c, LastReadMessageId = behindMarkers[c],
        }));
        markers.ChannelReadStates.AddRange(channelIds.Select(c => new ChannelReadState
        {
            UserId = caughtUpId, ChannelId = c, LastReadMessageId = lastIds[c],
        }));
        await markers.SaveChangesAsync();
    }
}
