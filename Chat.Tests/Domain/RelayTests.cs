using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Chat.Domain.Channels;
using Chat.Domain.Data;
using Chat.Domain.Diagnostics;
using Chat.Domain.Messages;
using Chat.Domain.Realtime;
using Chat.Domain.Realtime.Relay;
using Chat.Tests.Support;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Npgsql;

namespace Chat.Tests.Domain;

/// <summary>
/// Several instances of the app on one PostgreSQL database (each a <see cref="RelayInstance"/> in this process):
/// what one publishes reaches the subscribers of the others, once, even across a database restart.
/// </summary>
public sealed class RelayTests
{
    [Theory, OnPostgres]
    public async Task Changes_OnOneInstance_ReachSubscribersOnBoth_OnceInOrder(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db, isPublic: true);
        await using var a = await RelayInstance.StartAsync(db.ConnectionString, "a");
        await using var b = await RelayInstance.StartAsync(db.ConnectionString, "b");
        var topic = Topics.Community(cast.CommunityId);
        using var onA = new EventRecorder(a.Hub, topic);
        using var onB = new EventRecorder(b.Hub, topic);
        var messages = a.Get<MessageService>();

        var sent = await messages.SendAsync(cast.Member.Id, cast.ChannelId, "hello", Guid.NewGuid());
        await messages.EditAsync(cast.Member.Id, sent.Id, "hello again", sent.Version);
        await messages.DeleteAsync(cast.Member.Id, sent.Id);
        await Wait.UntilAsync(() => onB.Events.Count == 3, "b to receive a's three changes");
        // The other way round. It commits after a's rows, so by the time it reaches a, so has any echo of a's own.
        await b.Get<ChannelService>().CreateAsync(cast.Admin.Id, cast.CommunityId, "random");
        await Wait.UntilAsync(() => onA.Events.Count >= 4, "a to receive b's change");

        string[] expected = ["MessagePosted hello", "MessageEdited hello again", "MessageDeleted", "ChannelCreated random"];
        Assert.Equal(expected, Describe(onA.Events));
        Assert.Equal(expected, Describe(onB.Events));
        Assert.Equal(sent, Assert.IsType<MessagePosted>(onB.Events[0]).Message);
    }

    [Theory, OnPostgres]
    public async Task MessageSentOnOneInstance_IsCountedThere_AndItsRelayLagMeasuredOnTheOther(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db, isPublic: true);
        await using var a = await RelayInstance.StartAsync(db.ConnectionString, "a");
        await using var b = await RelayInstance.StartAsync(db.ConnectionString, "b");
        using var onB = new EventRecorder(b.Hub, Topics.Community(cast.CommunityId));
        using var sentOnA = Collect<long>(a, "chat.messages.sent");
        using var sentOnB = Collect<long>(b, "chat.messages.sent");
        using var lagOnA = Collect<double>(a, "chat.relay.lag");
        using var lagOnB = Collect<double>(b, "chat.relay.lag");

        await a.Get<MessageService>().SendAsync(cast.Member.Id, cast.ChannelId, "measured", Guid.NewGuid());
        await Wait.UntilAsync(() => onB.Events.Count == 1, "b to receive the message");

        Assert.Equal(1, Assert.Single(sentOnA.GetMeasurementSnapshot()).Value);
        Assert.Empty(sentOnB.GetMeasurementSnapshot());
        // a's listener skips a's own rows, so only b measures how long the message took to come over (both also
        // relay each other's presence reports).
        Assert.DoesNotContain(lagOnA.GetMeasurementSnapshot(), IsMessagePosted);
        Assert.InRange(Assert.Single(lagOnB.GetMeasurementSnapshot(), IsMessagePosted).Value, 0, 60);
    }

    private static bool IsMessagePosted(CollectedMeasurement<double> lag) => lag.MatchesTags(new KeyValuePair<string, object?>("chat.event", nameof(MessagePosted)));

    private static MetricCollector<T> Collect<T>(RelayInstance instance, string instrument)
        where T : struct =>
        new(instance.Get<IMeterFactory>(), ChatMetrics.MeterName, instrument);

    [Theory, OnPostgres]
    public async Task EveryEventKind_PublishedOnOneInstance_ArrivesWhole_OnTheOther(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var a = await RelayInstance.StartAsync(db.ConnectionString, "a");
        await using var b = await RelayInstance.StartAsync(db.ConnectionString, "b");
        var samples = EventSamples.EventTypes.Select(type => ChatEventJson.Serialize(EventSamples.Create(type))).ToList();
        var received = new ConcurrentQueue<string>();
        var subscriptions = EventSamples.EventTypes.Select(type => EventSamples.Create(type).Topic).Distinct()
            .Select(topic => b.Hub.Subscribe(topic, e =>
            {
                received.Enqueue(ChatEventJson.Serialize(e));
                return Task.CompletedTask;
            }))
            .ToList();

        foreach (var sample in samples)
        {
            await a.Hub.PublishAsync(ChatEventJson.Deserialize(sample));
        }

        await Wait.UntilAsync(() => samples.All(received.Contains), "every kind of event to reach b");
        // Only the samples: b's presence tracker answers the sample PresenceRequested with a report of its own.
        Assert.All(samples, sample => Assert.Single(received, e => e == sample));
        subscriptions.ForEach(s => s.Dispose());
    }

    [Theory, OnPostgres]
    public async Task ListenerCutOff_EventsCommittedMeanwhile_ArriveWhenItReconnects_OnceEach(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var a = await RelayInstance.StartAsync(db.ConnectionString, "a");
        await using var b = await RelayInstance.StartAsync(db.ConnectionString, "b");
        using var onB = new EventRecorder(b.Hub, Topics.Community(1));
        await a.Hub.PublishAsync(new ChannelDeleted(1, 1));
        await Wait.UntilAsync(() => onB.Events.Count == 1, "the first event to reach b");
        var unpooled = new NpgsqlConnectionStringBuilder(db.ConnectionString) { Pooling = false };
        await using var reader = new NpgsqlConnection(unpooled.ConnectionString);
        await reader.OpenAsync();
        // A database cannot be closed to new connections from inside; from the cluster's "postgres" it can.
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(unpooled.ConnectionString) { Database = "postgres" }.ConnectionString);
        await admin.OpenAsync();
        var allowConnections = $"ALTER DATABASE \"{unpooled.Database}\" ALLOW_CONNECTIONS ";

        // b's relay connection is cut, and b cannot connect again, while a (on a connection it holds) writes on.
        await ExecuteAsync(admin, allowConnections + "false");
        try
        {
            await ExecuteAsync(admin, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                + $"WHERE application_name = '{b.ApplicationName}' AND datname = '{unpooled.Database}'");
            await Wait.UntilAsync(() => !b.Listener.IsListening, "b's relay to notice");
            foreach (var channelId in new[] { 2, 3, 4 })
            {
                await a.Hub.PublishAsync(new ChannelDeleted(1, channelId));
            }

            await Wait.UntilAsync(async () => await CountRowsAsync(reader, a) == 4, "a's events to be committed");
            Assert.Single(onB.Events);
        }
        finally
        {
            await ExecuteAsync(admin, allowConnections + "true");
        }

        await a.Hub.PublishAsync(new ChannelDeleted(1, 5));
        await Wait.UntilAsync(() => onB.Events.Count >= 5, "b to catch up");

        // The catch-up reads back to before the first event too; b knows it has delivered that one.
        Assert.Equal([1, 2, 3, 4, 5], onB.Of<ChannelDeleted>().Select(e => e.ChannelId));
    }

    [Theory, OnPostgres]
    public async Task DatabaseRestart_EventsPublishedWhileItIsDown_ArriveAfterwards_OnceEach(DatabaseProvider provider)
    {
        // A private, durable cluster: stopping the run's shared one would break the other tests.
        await using var cluster = await PostgresCluster.StartAsync(durable: true);
        var connectionString = await MigratedDatabaseAsync(cluster, provider);
        await using var a = await RelayInstance.StartAsync(connectionString, "a");
        await using var b = await RelayInstance.StartAsync(connectionString, "b");
        using var onB = new EventRecorder(b.Hub, Topics.Community(1));
        await a.Hub.PublishAsync(new ChannelDeleted(1, 1));
        await Wait.UntilAsync(() => onB.Events.Count == 1, "the first event to reach b");

        await cluster.StopAsync("immediate");
        await Wait.UntilAsync(() => !a.Listener.IsListening && !b.Listener.IsListening, "both relays to notice");
        foreach (var channelId in new[] { 2, 3, 4 })
        {
            await a.Hub.PublishAsync(new ChannelDeleted(1, channelId));
        }

        await cluster.StartAgainAsync();
        await Wait.UntilAsync(() => onB.Events.Count >= 4, "the events of the outage to reach b");
        await a.Hub.PublishAsync(new ChannelDeleted(1, 5));
        await Wait.UntilAsync(() => onB.Events.Count >= 5, "the event after the outage to reach b");

        Assert.Equal([1, 2, 3, 4, 5], onB.Of<ChannelDeleted>().Select(e => e.ChannelId));
    }

    [Theory, OnPostgres]
    public async Task Presence_TabsOnTwoInstances_UserIsOnlineUntilTheLastOneCloses_OnBoth(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        await using var a = await RelayInstance.StartAsync(db.ConnectionString, "a");
        await using var b = await RelayInstance.StartAsync(db.ConnectionString, "b");
        var topic = Topics.Community(cast.CommunityId);
        using var onA = new EventRecorder(a.Hub, topic);
        using var onB = new EventRecorder(b.Hub, topic);
        var (mia, adam, olga) = (cast.Member.Id, cast.Admin.Id, cast.Owner.Id);

        await a.Presence.ConnectedAsync(mia);
        await Wait.UntilAsync(() => b.Presence.IsOnline(mia), "b to see mia online");
        await b.Presence.ConnectedAsync(mia);
        // adam's tab on b is reported after mia's, so once a sees adam it also knows that mia has a tab on b.
        await b.Presence.ConnectedAsync(adam);
        await Wait.UntilAsync(() => a.Presence.IsOnline(adam), "a to see adam online");
        await a.Presence.DisconnectedAsync(mia);
        await a.Presence.ConnectedAsync(olga);
        await Wait.UntilAsync(() => b.Presence.IsOnline(olga), "b to see olga online");

        Assert.True(a.Presence.IsOnline(mia));
        Assert.True(b.Presence.IsOnline(mia));
        Assert.Equal(["online"], PresenceOf(onA, mia));
        Assert.Equal(["online"], PresenceOf(onB, mia));

        await b.Presence.DisconnectedAsync(mia);
        await Wait.UntilAsync(() => !a.Presence.IsOnline(mia), "a to see mia offline");
        // a's subscribers are told just after a's own view changes.
        await Wait.UntilAsync(() => PresenceOf(onA, mia).LastOrDefault() == "offline", "a's subscribers to hear mia went offline");

        Assert.False(b.Presence.IsOnline(mia));
        Assert.Equal(["online", "offline"], PresenceOf(onA, mia));
        Assert.Equal(["online", "offline"], PresenceOf(onB, mia));
    }

    [Theory, OnPostgres]
    public async Task Presence_InstanceStartedLater_KnowsWhoIsOnline_AndAStoppedOnesUsersGoOffline(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        await using var a = await RelayInstance.StartAsync(db.ConnectionString, "a");
        await a.Presence.ConnectedAsync(cast.Member.Id);

        await using var c = await RelayInstance.StartAsync(db.ConnectionString, "c");
        using var onC = new EventRecorder(c.Hub, Topics.Community(cast.CommunityId));
        await Wait.UntilAsync(() => c.Presence.IsOnline(cast.Member.Id), "c to learn that mia is online");
        await a.StopAsync();
        await Wait.UntilAsync(() => !c.Presence.IsOnline(cast.Member.Id), "c to see mia offline");

        // What c's member lists show last; whether they heard "online" depends on whether c learned it before onC listened.
        await Wait.UntilAsync(() => PresenceOf(onC, cast.Member.Id).LastOrDefault() == "offline", "c's subscribers to hear mia went offline");
    }

    [Theory, OnPostgres]
    public async Task Presence_InstanceThatCrashed_ItsUsersGoOfflineElsewhere_ALiveOnesStayOnline(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        void Fast(IServiceCollection services) => services.Configure<PresenceOptions>(heartbeat =>
        {
            heartbeat.ReportEvery = TimeSpan.FromMilliseconds(250);
            heartbeat.ForgetAfter = TimeSpan.FromSeconds(5);
        });
        await using var a = await RelayInstance.StartAsync(db.ConnectionString, "a", Fast);
        await using var b = await RelayInstance.StartAsync(db.ConnectionString, "b", Fast);
        await using var c = await RelayInstance.StartAsync(db.ConnectionString, "c", Fast);
        var (mia, adam) = (cast.Member.Id, cast.Admin.Id);
        await a.Presence.ConnectedAsync(mia);
        await b.Presence.ConnectedAsync(adam);
        await Wait.UntilAsync(() => c.Presence.IsOnline(mia) && c.Presence.IsOnline(adam), "c to see both online");

        a.Crash();
        await Wait.UntilAsync(() => !c.Presence.IsOnline(mia), "c to forget the crashed instance's users");

        // By now adam's tab opened longer ago than ForgetAfter: b is remembered only because it keeps reporting.
        Assert.True(c.Presence.IsOnline(adam));
    }

    private static async Task<string> MigratedDatabaseAsync(PostgresCluster cluster, DatabaseProvider provider)
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        var services = new ServiceCollection().AddChatDomain(new DatabaseSettings(provider, connectionString)).BuildServiceProvider();
        await using (services)
        {
            await ChatDatabase.MigrateAsync(services);
        }

        return connectionString;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> CountRowsAsync(NpgsqlConnection connection, RelayInstance origin)
    {
        await using var command = new NpgsqlCommand("SELECT count(*) FROM \"OutboxEvents\" WHERE \"Origin\" = @origin AND \"Kind\" = 'ChannelDeleted'", connection);
        command.Parameters.AddWithValue("origin", origin.Get<ChatInstance>().Id);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static IEnumerable<string> Describe(IEnumerable<ChatEvent> events) => events.Select(e => e switch
    {
        MessagePosted p => $"MessagePosted {p.Message.Content}",
        MessageEdited p => $"MessageEdited {p.Message.Content}",
        ChannelCreated p => $"ChannelCreated {p.Channel.Name}",
        _ => e.GetType().Name,
    });

    private static IEnumerable<string> PresenceOf(EventRecorder recorder, string userId) =>
        recorder.Of<PresenceChanged>().Where(p => p.UserId == userId).Select(p => p.Online ? "online" : "offline");
}
