using System.CommandLine;
using PolicyBot.Bench.Feeds;

namespace PolicyBot.Bench.Poll;

/// <summary><c>poll [--sources 1000] [--rounds 5] [--profile both] [--hosts 1] [--server-delay-ms 0] [--set Key=Value]… [--cold]</c>: times PolicyBot's poll cycle against a loopback feed server.</summary>
internal static class PollCommand
{
    private const int ItemsPerFeed = 20;
    private const int JitWarmupSources = 100;

    public static Command Create()
    {
        var sources = new Option<int>("--sources") { Description = "Feeds served and sources watched.", DefaultValueFactory = _ => 1000 };
        var rounds = new Option<int>("--rounds") { Description = "Measured cycles after the warm-up cycle.", DefaultValueFactory = _ => 5 };
        var profile = new Option<string>("--profile")
        {
            Description = "default (PolicyBot's concurrency defaults), wide (16 / 16 per host) or both.",
            DefaultValueFactory = _ => "both",
        };
        profile.AcceptOnlyFromAmong("default", "wide", "both");
        var delay = new Option<int>("--server-delay-ms") { Description = "Hold every response back this long (simulated latency); 0 = loopback speed.", DefaultValueFactory = _ => 0 };
        delay.Validators.Add(r => { if (r.GetValue(delay) is < 0 or > 10_000) { r.AddError("--server-delay-ms must be 0–10000."); } });
        var settings = new Option<string[]>("--set")
        {
            Description = "A PolicyBot setting for every profile, Key=Value (repeatable), e.g. --set Alerting:ClusterWindow=00:00:00.",
            AllowMultipleArgumentsPerToken = false,
        };
        settings.Validators.Add(r =>
        {
            foreach (var setting in r.GetValue(settings) ?? [])
            {
                if (!setting.Contains('=', StringComparison.Ordinal) || setting.StartsWith('='))
                {
                    r.AddError($"--set {setting}: expected Key=Value.");
                }
            }
        });
        var cold = new Option<bool>("--cold") { Description = "Also measure a full run in the fresh process first (JIT cold, as a one-shot `once` pays it)." };
        var hosts = new Option<int>("--hosts") { Description = "Loopback addresses (127.0.0.1 …) the feeds are spread over; each is a host to PolicyBot.", DefaultValueFactory = _ => 1 };
        sources.Validators.Add(r => { if (r.GetValue(sources) is < 2 or > 100_000) { r.AddError("--sources must be 2–100000."); } });
        rounds.Validators.Add(r => { if (r.GetValue(rounds) is < 1 or > 100) { r.AddError("--rounds must be 1–100."); } });
        hosts.Validators.Add(r => { if (r.GetValue(hosts) is < 1 or > 200) { r.AddError("--hosts must be 1–200."); } });

        var command = new Command("poll", "Time poll cycles over many feeds served from loopback.") { sources, rounds, profile, hosts, delay, settings, cold };
        command.SetAction((result, token) => RunAsync(
            result.GetValue(sources), result.GetValue(rounds), result.GetValue(profile)!, result.GetValue(hosts), result.GetValue(delay), result.GetValue(settings) ?? [], result.GetValue(cold), token));
        return command;
    }

    private static async Task<int> RunAsync(int sources, int rounds, string profileName, int hosts, int delayMilliseconds, string[] settings, bool cold, CancellationToken cancellationToken)
    {
        var progress = Console.Error;
        var load = MachineInfo.LoadAverage();
        await using var server = await FeedServer.StartAsync(hosts, TimeSpan.FromMilliseconds(delayMilliseconds), cancellationToken);
        var anchor = DateTimeOffset.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds());
        var catalog = new FeedCatalog(sources, ItemsPerFeed, anchor);
        await progress.WriteLineAsync($"Serving {sources} feeds from {string.Join(", ", Enumerable.Range(0, server.Hosts).Select(i => server.FeedUrl(i).Authority))}");

        var overrides = settings.Select(s => s.Split('=', 2)).ToDictionary(p => p[0].Trim(), p => (string?)p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var benchmark = new PollBenchmark(server, catalog, overrides, progress);
        var results = new List<ProfileResult>();
        if (cold)
        {
            results.Add(await benchmark.RunAsync(PollProfile.ColdProcess, sources, rounds, cancellationToken));
        }
        else
        {
            // Without it, the first profile would pay for JIT compilation and the second would not.
            _ = await benchmark.RunAsync(PollProfile.JitWarmup, Math.Min(JitWarmupSources, sources), 2, cancellationToken);
        }

        foreach (var profile in PollProfile.Parse(profileName))
        {
            results.Add(await benchmark.RunAsync(profile, sources, rounds, cancellationToken));
        }

        var command = $"dotnet run -c Release --project bench/PolicyBot.Bench -- poll --sources {sources} --rounds {rounds} --profile {profileName} --hosts {hosts} --server-delay-ms {delayMilliseconds}"
            + (cold ? " --cold" : "") + string.Concat(settings.Select(s => $" --set {s}"));
        await new PollReportWriter(Console.Out).WriteAsync(results, new PollSetup(sources, server.Hosts, ItemsPerFeed, delayMilliseconds, command, load));
        var failures = results.Sum(r => r.Failures);
        if (failures > 0)
        {
            await progress.WriteLineAsync($"{failures} poll(s) failed: the figures above are not valid.");
            return 1;
        }

        return 0;
    }
}
