using Chat.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>
/// Chat as someone hosting it on MySQL starts it: the app's own process with <c>Database__Provider=MySql</c> on an
/// empty MariaDB database, which it must fill with its schema by itself before anyone can register.
/// </summary>
public sealed class MySqlAppTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [BrowserFactOnMySql]
    public async Task App_OnAnEmptyMariaDbDatabase_UsersRegisterCreateAServerAndTalk()
    {
        var connectionString = await SharedMariaDb.CreateEmptyDatabaseAsync();
        try
        {
            await using var app = await AppProcess.StartAsync(new Dictionary<string, string>
            {
                ["Database__Provider"] = "MySql",
                ["ConnectionStrings__MySql"] = connectionString,
            });

            // Registers both, A creates a server, B finds it through search and joins.
            await using var users = await TwoUsers.InNewServerAsync(() => chromium.NewContextOnFreshProcessAsync(app.BaseUrl.ToString()));
            var (pageA, pageB) = (users.PageA, users.PageB);

            // Emoji need MySQL's 4-byte utf8mb4 all the way, from the connection to the column.
            const string hello = "Hello from MariaDB 🦭, anyone here?";
            const string answer = "Here! Tables made themselves 👍";
            await pageA.SendMessageAsync(hello);
            await Expect(pageB.Message(hello)).ToBeVisibleAsync();
            await pageB.SendMessageAsync(answer);
            await Expect(pageA.Message(answer)).ToBeVisibleAsync();

            // After a reload the history comes back from the database, not from the circuit's memory.
            await pageB.ReloadAsync();
            await Expect(pageB.Message(hello)).ToContainTextAsync(users.A.DisplayName);
            await Expect(pageB.Message(answer)).ToContainTextAsync(users.B.DisplayName);
            await Expect(pageB.MessageLog().GetByText(hello)).ToHaveCountAsync(1);
        }
        finally
        {
            await SharedMariaDb.DropDatabaseAsync(connectionString);
        }
    }
}
