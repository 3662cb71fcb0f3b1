using BenchmarkDotNet.Attributes;
using Chat.Domain.Channels;
using Chat.Domain.Communities;
using Chat.Domain.Messages;
using Chat.Domain.Messages.Search;
using Microsoft.EntityFrameworkCore;

namespace Chat.Benchmarks;

/// <summary>
/// Message search in one server of 1,000,000 messages (20,000 with --quick) over 10 channels, in English and
/// Spanish, beside opening a channel of that server (its newest 50 messages, the baseline). One-word searches, first
/// page (20 newest): a word in 1% of the messages ("cancion", written "canción"), one in 0.1% ("zanahoria"), and one
/// in none. Read the Median column: it is the p50.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class MessageSearchBenchmarks : DatabaseBenchmark
{
    private const int Chunk = 5_000;
    private const int Channels = 10;
    private const string ServerName = "Search";

    private static readonly string[] Words =
    [
        "the", "meeting", "is", "at", "noon", "see", "you", "there", "thanks", "for", "the", "link", "let's", "ship",
        "it", "tomorrow", "hola", "equipo", "la", "reunión", "es", "mañana", "gracias", "por", "todo", "nos", "vemos",
        "después", "del", "almuerzo", "build", "failed", "again", "fixed", "review", "please", "café", "música",
    ];

    private MessageService messages = null!;
    private MessageSearchService search = null!;
    private string readerId = "";
    private int communityId;
    private int channelId;

    // Seeding a million messages takes minutes on each database; the four benchmarks only read.
    protected override bool SeedOnce => true;

    protected override async Task FindSeededAsync()
    {
        messages = Database.Get<MessageService>();
        search = Database.Get<MessageSearchService>();
        await using var db = await Database.CreateContextAsync();
        communityId = await db.Communities.Where(c => c.Name == ServerName).Select(c => c.Id).SingleAsync();
        readerId = await db.Memberships.Where(m => m.CommunityId == communityId && m.Role == MemberRole.Owner)
            .Select(m => m.UserId).SingleAsync();
        channelId = await db.Channels.Where(c => c.CommunityId == communityId).OrderBy(c => c.Position).Select(c => c.Id).FirstAsync();
    }

    protected override async Task SeedAsync()
    {
        messages = Database.Get<MessageService>();
        search = Database.Get<MessageSearchService>();
        var users = await Database.CreateUsersAsync("talker", 20);
        readerId = users[0].Id;
        var community = await Database.Get<CommunityService>().CreateAsync(readerId, ServerName, null, isPublic: true);
        communityId = community.Id;
        var channelIds = new List<int> { community.FirstChannelId!.Value };
        await using (var db = await Database.CreateContextAsync())
        {
            var more = Enumerable.Range(1, Channels - 1)
                .Select(i => new Channel { CommunityId = communityId, Name = $"room-{i}", Position = i, CreatedAt = DateTime.UtcNow })
                .ToList();
            db.Channels.AddRange(more);
            await db.SaveChangesAsync();
            channelIds.AddRange(more.Select(c => c.Id));
        }

        channelId = channelIds[0];
        var authors = users.Select(u => u.Id).ToList();
        var total = Scale.SearchServerMessages;
        var start = DateTime.UtcNow.AddDays(-60);
        for (var offset = 0; offset < total; offset += Chunk)
        {
            var batch = new List<Message>(Chunk);
            for (var i = offset; i < Math.Min(offset + Chunk, total); i++)
            {
                batch.Add(new Message
                {
                    ChannelId = channelIds[i % Channels],
                    AuthorId = authors[i % authors.Count],
                    Content = Line(i),
                    CreatedAt = start.AddSeconds(i * 5),
                    Nonce = Guid.NewGuid(),
                });
            }

            await using var db = await Database.CreateContextAsync();
            db.Messages.AddRange(batch);
            await db.SaveChangesAsync();
        }

        await Database.AnalyzeAsync();
    }

    [Benchmark(Baseline = true, Description = "open a channel (newest 50)")]
    public Task<IReadOnlyList<MessageView>> OpenChannel() => messages.GetLatestAsync(communityId, channelId, readerId);

    [Benchmark(Description = "one word in 1% of messages")]
    public Task<MessageSearchPage> Search_OnePercent() => search.SearchAsync(readerId, communityId, "cancion");

    [Benchmark(Description = "one word in 0.1% of messages")]
    public Task<MessageSearchPage> Search_OnePerThousand() => search.SearchAsync(readerId, communityId, "zanahoria");

    [Benchmark(Description = "one word in no message")]
    public Task<MessageSearchPage> Search_NoMatch() => search.SearchAsync(readerId, communityId, "zzyzx");

    /// <summary>Eight words of a small mixed vocabulary; every 100th line has "canción", every 1,000th "zanahoria".</summary>
    private static string Line(int i)
    {
        var words = Enumerable.Range(0, 8).Select(k => Words[(i * 7 + k * 13 + i / 3) % Words.Length]).ToList();
        if (i % 100 == 50)
        {
            words[3] = "canción";
        }

        if (i % 1000 == 500)
        {
            words[5] = "zanahoria";
        }

        return string.Join(' ', words) + $" #{i}";
    }
}
