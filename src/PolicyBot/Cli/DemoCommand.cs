using System.CommandLine;
using PolicyBot.Alerting;
using PolicyBot.Demo;
using PolicyBot.Hosting;
using PolicyBot.Polling;
using PolicyBot.Sources;

namespace PolicyBot.Cli;

/// <summary>
/// <c>demo</c>: the main job, offline, on a fresh database. Serves the bundled sample site on loopback (two outlets
/// reporting the same statement, a feed listing them, a policy page that changes), watches it, runs the pipeline
/// twice — day one and day two — and prints the alerts.
/// </summary>
public static class DemoCommand
{
    private const string DatabasePath = "data/demo.db";

    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("demo", "Run PolicyBot offline against a bundled sample site and print its alerts.");
        command.SetAction((_, token) => RunAsync(environment, token));
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment environment, CancellationToken cancellationToken)
    {
        foreach (var file in new[] { "", "-wal", "-shm" }.Select(suffix => DatabasePath + suffix).Where(File.Exists))
        {
            File.Delete(file);
        }

        await using var site = await DemoSite.StartAsync(TimeProvider.System, cancellationToken);
        var settings = new Dictionary<string, string?>(environment.Settings)
        {
            ["Storage:ConnectionString"] = $"Data Source={DatabasePath}",
            ["Polling:AllowPrivateAddresses"] = "true",
        };
        using var host = await PolicyBotHost.StartCliHostAsync(environment with { Settings = settings }, seedSources: false, cancellationToken);
        var services = host.Services;
        var store = services.GetRequiredService<SourceStore>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        await store.AddAsync(new SourceDefinition { Name = "Policy Wire (demo feed)", Url = site.FeedUrl.ToString(), Kind = "feed" }, "cli", now, cancellationToken);
        await store.AddAsync(new SourceDefinition { Name = "Fernhollow AI Lab: model release policy (demo page)", Url = site.PolicyPageUrl.ToString(), Kind = "page", Orgs = ["Fernhollow AI Lab"] }, "cli", now, cancellationToken);
        var sources = await store.ListAsync(cancellationToken);

        var output = environment.Out;
        var printer = new AlertPrinter(environment, services.GetRequiredService<AlertTextFormatter>());
        var cycle = services.GetRequiredService<PollCycle>();
        await output.WriteLineAsync($"PolicyBot demo: a sample site is served on {site.BaseUrl} and watched through {sources.Count} sources.");
        await output.WriteLineAsync($"  feed: {site.FeedUrl}\n  page: {site.PolicyPageUrl}\n  database: {DatabasePath}\n");

        await output.WriteLineAsync("Day 1: first check. A new source records a silent baseline; items published in the last days still alert.\n");
        var first = await cycle.RunAsync(sources, cancellationToken);
        await printer.PrintAsync(first, json: false, cancellationToken);
        await printer.SummarizeAsync(first, cancellationToken);

        site.PublishSecondDay();
        await output.WriteLineAsync("\nDay 2: a second outlet reports the statement, and the watched policy page is revised.\n");
        var second = await cycle.RunAsync(await store.ListAsync(cancellationToken), cancellationToken);
        await printer.PrintAsync(second, json: false, cancellationToken);
        await printer.SummarizeAsync(second, cancellationToken);

        var total = first.Concat(second).Sum(r => r.Alerts.Count);
        var updates = first.Concat(second).Sum(r => r.Revised.Count);
        await output.WriteLineAsync($"\nDemo finished: {total} alert(s), {updates} update(s). Inspect them with `sqlite3 {DatabasePath}` or run `dotnet test` for the test suite.");
        return total > 0 ? 0 : 1;
    }
}
