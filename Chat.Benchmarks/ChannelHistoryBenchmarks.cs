using BenchmarkDotNet.Attributes;
using Chat.Domain.Channels;
using Chat.Domain.Communities;
using Chat.Domain.Data;
using Chat.Domain.Messages;

namespace Chat.Benchmarks;

/// <summary>
/// Opening a channel (its newest 50 messages) when the channel holds 100 messages versus 100,000 (2,000 with
/// --quick). Both channels live in one database, their messages interleaved as in a real server, so the only
/// difference is the channel's history. With the (ChannelId, Id) index the cost should not depend on it.
/// </summary>
[MemoryDiagnoser]
public class ChannelHistoryBenchmarks : DatabaseBenchmark
{
    private const int Chunk = 5_000;

    private MessageService messages = null!;
    private string readerId = "";
    private int communityId;
    private int smallChannelId;
    private int largeChannelId;

    protected override async Task SeedAsync()
    {
        messages = Database.Get<MessageService>();
        var users = await Database.CreateUsersAsync("reader", 3);
        readerId = users[0].Id;
        var community = await Database.Get<CommunityService>().CreateAsync(readerId, "History", null, isPublic: true);
        communityId = community.Id;
        smallChannelId = community.FirstChannelId!.Value;
        await using (var db = await Database.CreateContextAsync())
        {
            var large = new Channel { CommunityId = communityId, Name = "large", Position = 1, CreatedAt = DateTime.UtcNow };
            db.Channels.Add(large);
            await db.SaveChangesAsync();
            largeChannelId = large.Id;
        }

        await SeedAsync(users.Select(u => u.Id).ToList());
        await Database.AnalyzeAsync();
    }


    [Benchmark(Baseline = true, Description = "newest 50, small channel")]
    public Task<IReadOnlyList<MessageView>> Newest50_SmallChannel() =>
        messages.GetLatestAsync(communityId, smallChannelId, readerId);

    [Benchmark(Description = "newest 50, large channel")]
    public Task<IReadOnlyList<MessageView>> Newest50_LargeChannel() =>
        messages.GetLatestAsync(communityId, largeChannelId, readerId);

    /// <summary>Batched inserts, a fresh context per chunk so the change tracker stays small.</summary>
    private async Task SeedAsync(List<string> authors)
    {
        var total = Scale.SmallChannelMessages + Scale.LargeChannelMessages;
        var every = total / Scale.SmallChannelMessages; // e.g. each 1,001st message goes to the small channel
        var start = DateTime.UtcNow.AddDays(-30);
        for (var offset = 0; offset < total; offset += Chunk)
        {
            var batch = new List<Message>(Chunk);
            for (var i = offset; i < Math.Min(offset + Chunk, total); i++)
            {
                batch.Add(new Message
                {
                    ChannelId = i % every == every - 1 ? smallChannelId : largeChannelId,
                    AuthorId = authors[i % authors.Count],
                    Content = $"Seeded message number {i}, long enough to look like a real line of chat.",
                    CreatedAt = start.AddSeconds(i),
                    Nonce = Guid.NewGuid(),
                });
            }

            await using var db = await Database.CreateContextAsync();
            db.Messages.AddRange(batch);
            await db.SaveChangesAsync();
        }
    }
}
