using Chat.Domain.Attachments;
using Chat.Domain.Data;
using Chat.Domain.Messages;
using Chat.Domain.RateLimiting;
using Chat.Tests.Browser;
using Chat.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using MySql.Data.MySqlClient;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Faults;

/// <summary>
/// The app process is killed (SIGKILL) while two people are sending, then started again on the same database:
/// nothing a sender saw confirmed is lost, and sending the unconfirmed drafts again stores each one once. Meanwhile
/// Ann uploads a large file in another tab: the kill leaves no half-stored file, and the sweep removes what is left pending.
/// </summary>
public sealed class AppKillTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private static readonly TimeSpan Sending = TimeSpan.FromSeconds(2.5);

    [BrowserFact]
    public async Task KillApp_WhileTwoUsersSend_OnSqlite_KeepsConfirmedAndResendsOnce()
    {
        var folder = Directory.CreateTempSubdirectory("chat-kill-tests-").FullName;
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "chat.db") }.ToString();
        try
        {
            await KillWhileSendingAsync(DatabaseProvider.Sqlite, connectionString);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [BrowserFactOnPostgres]
    public async Task KillApp_WhileTwoUsersSend_OnPostgres_KeepsConfirmedAndResendsOnce()
    {
        var connectionString = await SharedPostgres.CreateDatabaseAsync();
        try
        {
            await KillWhileSendingAsync(DatabaseProvider.Postgres, connectionString);
        }
        finally
        {
            await SharedPostgres.DropDatabaseAsync(connectionString);
        }
    }

    [BrowserFactOnMySql]
    public async Task KillApp_WhileTwoUsersSend_OnMySql_KeepsConfirmedAndResendsOnce()
    {
        var connectionString = await SharedMariaDb.CreateDatabaseAsync();
        try
        {
            await KillWhileSendingAsync(DatabaseProvider.MySql, connectionString);
        }
        finally
        {
            await SharedMariaDb.DropDatabaseAsync(connectionString);
        }
    }

    private async Task KillWhileSendingAsync(DatabaseProvider provider, string connectionString)
    {
        var app = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["Database__Provider"] = provider.ToString(),
            [$"ConnectionStrings__{provider}"] = connectionString,
        });
        try
        {
            await using var users = await TwoUsers.InNewServerAsync(() => chromium.NewContextOnFreshProcessAsync(app.BaseUrl.ToString()));
            var channelAddress = users.PageA.Url;
            var (_, channelId) = users.PageA.ChannelIds();
            var run = Guid.NewGuid().ToString("N")[..6];
            Sender[] senders = [new(users.PageA, $"ann{run}"), new(users.PageB, $"bob{run}")];

            var uploadTab = await users.ContextA.NewPageAsync();
            await uploadTab.GotoAsync(channelAddress);
            await uploadTab.ExpectShellAsync();
            await Expect(uploadTab.Locator("input[type=file][data-tray=ready]")).ToHaveCountAsync(1);
            var uploader = new Uploader(uploadTab);

            using var killed = new CancellationTokenSource();
            var sending = senders.Select(s => s.RunAsync(killed.Token)).ToList();
            await Task.Delay(Sending);
            await EachConfirmedOnceAsync(senders);
            // Then Ann's other tab starts uploading (only now, so its load cannot hold back the first confirmations on a
            // busy machine), and the kill comes while a file is on its way.
            sending.Add(uploader.RunAsync(killed.Token));
            await uploader.WaitUntilInFlightAsync();
            await app.KillAsync();
            await killed.CancelAsync();
            await Task.WhenAll(sending);
            Assert.All(senders, s => Assert.NotEmpty(s.Confirmed));
            Assert.True(uploader.Started > uploader.Stored, $"an upload was in flight at the kill ({uploader.Started} started, {uploader.Stored} stored)");

            await using var domain = DomainOn(provider, connectionString);
            await AssertIntactAsync(provider, connectionString);
            await AssertUploadsWholeThenSweptAsync(provider, connectionString);

            // Every message whose sender saw it confirmed survived the crash, once.
            var afterCrash = await StoredAsync(domain, channelId);
            foreach (var text in senders.SelectMany(s => s.Confirmed))
            {
                Assert.Single(afterCrash, m => m.Content == text);
            }

            // The browsers' sessions died with the process; the pages are closed and opened again later.
            await users.PageA.CloseAsync();
            await users.PageB.CloseAsync();
            await uploadTab.CloseAsync();
            app = await app.StartAgainAsync();

            // Each sender sends the unconfirmed drafts again with their nonces, twice (a retry and an impatient
            // second retry). The browser's copy of the nonce died with the circuit, so the test, which read each
            // draft's nonce off the composer, sends for it. A draft never submitted has no nonce yet.
            var messages = domain.GetRequiredService<MessageService>();
            foreach (var sender in senders)
            {
                var authorId = await UserIdAsync(domain, sender == senders[0] ? users.A.UserName : users.B.UserName);
                foreach (var text in sender.Unconfirmed)
                {
                    var nonce = sender.Nonces.TryGetValue(text, out var recorded) ? recorded : Guid.NewGuid();
                    await messages.SendAsync(authorId, channelId, text, nonce);
                    await messages.SendAsync(authorId, channelId, text, nonce);
                }

                // A confirmed one whose confirmation got lost on the way would be retried the same way.
                var last = sender.Confirmed[^1];
                await messages.SendAsync(authorId, channelId, last, sender.Nonces[last]);
            }

            var afterResend = await StoredAsync(domain, channelId);
            var expected = senders.SelectMany(s => s.All).ToList();
            Assert.Equal(expected.Order(StringComparer.Ordinal), afterResend.Select(m => m.Content).Order(StringComparer.Ordinal));

            // Back in the browsers: the history is there once, each sender's messages in the order sent, and the
            // restarted app takes new messages live.
            var pageA = await users.ContextA.NewPageAsync();
            var pageB = await users.ContextB.NewPageAsync();
            await Task.WhenAll(pageA.GotoAsync(channelAddress), pageB.GotoAsync(channelAddress));
            // The history is prerendered; the shell's check waits for the live circuit as well.
            await Task.WhenAll(pageA.ExpectShellAsync(), pageB.ExpectShellAsync());
            foreach (var sender in senders)
            {
                await pageA.ExpectInOrderAsync(sender.All.ToList());
            }

            await pageB.SendMessageAsync($"bob{run} back after the restart");
            await Expect(pageA.Message($"bob{run} back after the restart")).ToBeVisibleAsync();

            await AssertIntactAsync(provider, connectionString);
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException($"{e.Message}\nApp output:\n{app.Output}", e);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    /// <summary>
    /// The kill comes while both are sending and after each has seen a message confirmed: on a loaded machine the
    /// first send of a fresh process can take longer than <see cref="Sending"/>.
    /// </summary>
    private static async Task EachConfirmedOnceAsync(Sender[] senders)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (senders.Any(s => s.Confirmed.Count == 0) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }

    private static ServiceProvider DomainOn(DatabaseProvider provider, string connectionString) =>
        new ServiceCollection()
            .AddChatDomain(new DatabaseSettings(provider, connectionString))
            // Resending is what this checks, not the send rate limit.
            .Configure<WriteRateLimitOptions>(options => options.Send = new(1_000, TimeSpan.FromMilliseconds(1)))
            .BuildServiceProvider();

    /// <summary>
    /// Every stored upload is whole (its bytes all there, as long as its row says), none belongs to a message (none
    /// was sent), and once older than the pending lifetime, the sweep deletes each, bytes and all.
    /// </summary>
    private static async Task AssertUploadsWholeThenSweptAsync(DatabaseProvider provider, string connectionString)
    {
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow + new AttachmentOptions().PendingLifetime + TimeSpan.FromMinutes(1));
        await using var domain = new ServiceCollection()
            .AddChatDomain(new DatabaseSettings(provider, connectionString))
            .AddSingleton<TimeProvider>(later)
            .BuildServiceProvider();
        var factory = domain.GetRequiredService<IDbContextFactory<ChatDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            var stored = await db.Attachments.AsNoTracking()
                .Select(a => new { a.Id, a.MessageId, a.Size, Length = (long?)db.AttachmentContents.Where(c => c.AttachmentId == a.Id).Select(c => c.Bytes.Length).FirstOrDefault() })
                .ToListAsync();
            Assert.All(stored, a => Assert.Equal((null, a.Size), (a.MessageId, a.Length)));
        }

        await domain.GetRequiredService<AttachmentService>().SweepPendingAsync();

        await using var after = await factory.CreateDbContextAsync();
        Assert.False(await after.Attachments.AnyAsync(), "a pending upload outlived the sweep");
        Assert.False(await after.AttachmentContents.AnyAsync(), "bytes outlived their upload");
    }

    private sealed record StoredMessage(string AuthorId, string Content, Guid Nonce);

    private static async Task<List<StoredMessage>> StoredAsync(IServiceProvider domain, int channelId)
    {
        await using var db = await domain.GetRequiredService<IDbContextFactory<ChatDbContext>>().CreateDbContextAsync();
        return await db.Messages.AsNoTracking().Where(m => m.ChannelId == channelId)
            .Select(m => new StoredMessage(m.AuthorId, m.Content, m.Nonce)).ToListAsync();
    }

    private static async Task<string> UserIdAsync(IServiceProvider domain, string userName)
    {
        await using var db = await domain.GetRequiredService<IDbContextFactory<ChatDbContext>>().CreateDbContextAsync();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    /// <summary>SQLite's integrity_check, or MariaDB's CHECK TABLE of the messages; PostgreSQL has no such check.</summary>
    private static async Task AssertIntactAsync(DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check;";
            Assert.Equal("ok", (string)(await command.ExecuteScalarAsync())!);
        }
        else if (provider == DatabaseProvider.MySql)
        {
            await using var connection = new MySqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new MySqlCommand("CHECK TABLE Messages, Attachments, AttachmentContents", connection);
            await using var reader = await command.ExecuteReaderAsync();
            var checkedTables = 0;
            while (await reader.ReadAsync())
            {
                checkedTables++;
                Assert.Equal("OK", reader.GetString(reader.GetOrdinal("Msg_text")));
            }

            Assert.Equal(3, checkedTables);
        }
    }
}
