using BenchmarkDotNet.Attributes;
using Chat.Domain.Communities;
using Chat.Domain.Data;

namespace Chat.Benchmarks;

/// <summary>
/// Server search (page 0) among 10,000 public servers (200 with --quick) with 1 to 7 members each: a term that matches nothing
/// (baseline) versus one that matches 1% of the names, plus browsing with an empty query (every server matches).
/// </summary>
[MemoryDiagnoser]
public class ServerSearchBenchmarks : DatabaseBenchmark
{
    private const int Chunk = 5_000;
    private const int Users = 200;

    private static readonly string[] Adjectives = ["Cozy", "Loud", "Quiet", "Daily", "Retro", "Cosmic", "Pixel", "Urban", "Lazy", "Brave"];
    private static readonly string[] Nouns = ["Gamers", "Readers", "Coders", "Painters", "Hikers", "Bakers", "Runners", "Writers", "Lounge", "Guild"];

    private CommunityService communities = null!;
    private string searcherId = "";

    protected override async Task SeedAsync()
    {
        communities = Database.Get<CommunityService>();
        var users = (await Database.CreateUsersAsync("member", Users)).Select(u => u.Id).ToList();
        searcherId = users[0];
        var now = DateTime.UtcNow;
        for (var offset = 0; offset < Scale.Servers; offset += Chunk)
        {
            var batch = new List<Community>(Chunk);
            for (var i = offset; i < Math.Min(offset + Chunk, Scale.Servers); i++)
            {
                // Every 100th server is a chess club: the term "chess" matches 1% of the names, nothing else.
                var name = i % 100 == 0
                    ? $"Chess Club {i}"
                    : $"{Adjectives[i % Adjectives.Length]} {Nouns[i / Adjectives.Length % Nouns.Length]} {i}";
                var memberCount = 1 + (i % 7);
                batch.Add(new Community
                {
                    Name = name,
                    Description = "A public server seeded for the search benchmark.",
                    IsPublic = true,
                    CreatedAt = now,
                    Memberships = Enumerable.Range(0, memberCount).Select(m => new Membership
                    {
                        UserId = users[(i + (m * 37)) % Users],
                        Role = m == 0 ? MemberRole.Owner : MemberRole.Member,
                        JoinedAt = now,
                    }).ToList(),
                });
            }

            await using var db = await Database.CreateContextAsync();
            db.Communities.AddRange(batch);
            await db.SaveChangesAsync();
        }

        await Database.AnalyzeAsync();
    }


    [Benchmark(Baseline = true, Description = "term matching nothing")]
    public Task<CommunitySearchPage> Search_NoMatch() => communities.SearchAsync(searcherId, "zzyzx", 0);

    [Benchmark(Description = "term matching 1%")]
    public Task<CommunitySearchPage> Search_OnePercent() => communities.SearchAsync(searcherId, "chess", 0);

    [Benchmark(Description = "empty query (all servers)")]
    public Task<CommunitySearchPage> Search_Browse() => communities.SearchAsync(searcherId, "", 0);
}
