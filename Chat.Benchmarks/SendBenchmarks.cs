using BenchmarkDotNet.Attributes;
using Chat.Domain.Communities;
using Chat.Domain.Data;
using Chat.Domain.Messages;
using Chat.Domain.Realtime;
using Microsoft.EntityFrameworkCore;

namespace Chat.Benchmarks;

/// <summary>
/// Sending one message through MessageService (validate, membership check, nonce lookup, insert, read back the
/// view, publish to the community's subscribers) against the bare cost of storing one Message row with EF Core.
/// </summary>
[MemoryDiagnoser]
public class SendBenchmarks : DatabaseBenchmark
{
    /// <summary>Open tabs of the community's members that receive the MessagePosted event.</summary>
    public const int Subscribers = 5;

    private const string Content = "Hello everyone, this is an ordinary chat message of ordinary length.";

    private readonly List<IDisposable> subscriptions = [];
    private IDbContextFactory<ChatDbContext> dbFactory = null!;
    private MessageService messages = null!;
    private string authorId = "";
    private int channelId;
    private long delivered;

    protected override async Task SeedAsync()
    {
        dbFactory = Database.Get<IDbContextFactory<ChatDbContext>>();
        messages = Database.Get<MessageService>();
        var users = await Database.CreateUsersAsync("sender", Subscribers);
        authorId = users[0].Id;
        var community = await Database.Get<CommunityService>().CreateAsync(authorId, "Benchmark", null, isPublic: true);
        channelId = community.FirstChannelId!.Value;
        foreach (var member in users.Skip(1))
        {
            await Database.Get<CommunityService>().JoinAsync(member.Id, community.Id);
        }

        var hub = Database.Get<ChatHub>();
        for (var i = 0; i < Subscribers; i++)
        {
            // A circuit's handler hands the event to its renderer and returns; counting stands in for that.
            subscriptions.Add(hub.Subscribe(Topics.Community(community.Id), _ =>
            {
                Interlocked.Increment(ref delivered);
                return Task.CompletedTask;
            }));
        }
    }

    protected override async Task CleanupAsync()
    {
        subscriptions.ForEach(s => s.Dispose());
        await base.CleanupAsync();
    }

    [Benchmark(Baseline = true, Description = "EF insert of a Message row")]
    public async Task<long> BareInsert()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var message = new Message
        {
            ChannelId = channelId,
            AuthorId = authorId,
            Content = Content,
            CreatedAt = DateTime.UtcNow,
            Nonce = Guid.NewGuid(),
        };
        db.Messages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    [Benchmark(Description = "MessageService.SendAsync")]
    public async Task<long> Send()
    {
        var view = await messages.SendAsync(authorId, channelId, Content, Guid.NewGuid());
        return view.Id;
    }
}
