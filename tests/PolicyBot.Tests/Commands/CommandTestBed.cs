using PolicyBot.Chat;
using PolicyBot.Commands;
using PolicyBot.Polling;
using PolicyBot.Sources;
using PolicyBot.Tests.Infrastructure;
using PolicyBot.Tests.Polling;

namespace PolicyBot.Tests.Commands;

/// <summary>
/// The command engine over real services and a database of the test's own, with a loopback "web" of feeds.
/// <see cref="SeedStatementsAsync"/> stores statements the way production does: by polling a feed through the pipeline.
/// </summary>
public sealed class CommandTestBed : IAsyncDisposable
{
    public const string SlackAdminId = "U0ADMIN";
    public const string TeamsAdminId = "6F1C2D3E-0000-4000-8000-00000000ABCD";

    private CommandTestBed(TestServices services, LoopbackServer server)
    {
        Services = services;
        Server = server;
    }

    public TestServices Services { get; }

    public LoopbackServer Server { get; }

    public CommandEngine Engine => Services.Get<CommandEngine>();

    public static CommandContext Cli { get; } = new("cli", "tester", "Tester", null);

    public static ChatChannel General { get; } = new("slack", "C0GENERAL", "general");

    public static CommandContext SlackMember { get; } = new("slack", "U0MEMBER", "Member", General);

    public static CommandContext SlackAdmin { get; } = new("slack", SlackAdminId, "Admin", General);

    public static async Task<CommandTestBed> CreateAsync(IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Admins:SlackUserIds:0"] = SlackAdminId,
            ["Admins:TeamsUserIds:0"] = TeamsAdminId,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var server = await LoopbackServer.StartAsync();
        return new CommandTestBed(await TestServices.CreateAsync(values), server);
    }

    public Task<Reply> RunAsync(string text, CommandContext? context = null) => Engine.ExecuteAsync(text, context ?? Cli, CancellationToken.None);

    /// <summary>Serves an RSS feed at <paramref name="path"/> and returns its URL.</summary>
    public string ServeFeed(string path, params TestFeeds.Item[] items)
    {
        Server.Map(path, LoopbackServer.Respond(200, TestFeeds.Rss(items), "application/rss+xml"));
        return Server.Url(path).ToString();
    }

    /// <summary>
    /// Polls one feed carrying Meta's cautious statement (Zuckerberg's quote; a shift from Meta's known open position)
    /// and three statements by fictitious labs; returns how many alerts the poll made.
    /// </summary>
    public async Task<int> SeedStatementsAsync()
    {
        var now = Services.Clock.GetUtcNow();
        var url = ServeFeed("/wire.xml",
            TestFeeds.Relevant("meta-letter", now.AddHours(-2)),
            TestFeeds.Distinct("fernhollow", now.AddHours(-3), 0),
            TestFeeds.Distinct("northgate", now.AddHours(-4), 1),
            TestFeeds.Distinct("consortium", now.AddHours(-5), 2));
        var source = await Services.Get<SourceStore>().AddAsync(new SourceDefinition { Name = "Test Wire", Url = url, Kind = "feed" }, "cli", now, CancellationToken.None);
        var report = await Services.Get<SourcePoller>().PollAsync(source!, CancellationToken.None);
        return report.Alerts.Count;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
