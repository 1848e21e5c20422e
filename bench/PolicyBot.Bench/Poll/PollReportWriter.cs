using System.Globalization;

namespace PolicyBot.Bench.Poll;

/// <summary>Writes the poll benchmark's results as Markdown (ready to paste into docs/performance.md).</summary>
internal sealed class PollReportWriter(TextWriter output)
{
    public async Task WriteAsync(IReadOnlyList<ProfileResult> results, PollSetup setup)
    {
        var rounds = results[0].Cycles.Count;
        await Line($"### {setup.Sources:N0} sources, {rounds} measured cycles per profile{(setup.ServerDelayMilliseconds > 0 ? $", {setup.ServerDelayMilliseconds} ms server delay" : "")}");
        await Line();
        await Line($"- Command: `{setup.Command}`");
        await Line($"- Machine: {MachineInfo.Describe()}; 1-minute load average at start / end: "
            + $"{Load(setup.LoadAverageAtStart)} / {Load(MachineInfo.LoadAverage())} (above ~2 on 2 cores, other processes competed for the CPU)");
        await Line($"- Feeds: {setup.Sources:N0} on {setup.Hosts} loopback host(s) in the same process, HTTP/1.1, no TLS, gzip, "
            + (setup.ServerDelayMilliseconds > 0 ? $"every response held back {setup.ServerDelayMilliseconds} ms. " : "no added latency. ")
            + $"Half answer 304 to their ETag; half change every cycle (1 new and 2 edited of {setup.ItemsPerFeed} items, fresh ETag), "
            + $"mean {results[0].MeanFullFeedBytes / 1024:F1} KiB uncompressed; RSS 2.0 and Atom alternate.");
        await Line("- Each profile: a fresh database, the sources added, one baseline cycle (every source's first poll), then the measured cycles. "
            + (results[0].Profile == PollProfile.ColdProcess
                ? "The cold-process profile ran first in a fresh process (JIT cold); the others after it."
                : "Before the profiles, an untimed run over 100 sources compiled the pipeline (JIT), so no profile pays for it."));
        await Line();
        await Line("| Profile | Concurrency / per host | Median cycle | Min | Max | Sources/s (median) | CPU per cycle¹ | Allocated per cycle | GC pause per cycle | Alerts / revisions per cycle | Failures |");
        await Line("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var result in results)
        {
            var cycles = result.Cycles;
            await Line($"| {result.Profile.Name} | {result.Concurrency} / {result.PerHostConcurrency} | {Seconds(result.MedianElapsed)} | "
                + $"{Seconds(cycles.Min(c => c.Elapsed))} | {Seconds(cycles.Max(c => c.Elapsed))} | "
                + $"{setup.Sources / result.MedianElapsed.TotalSeconds:N0} | {Seconds(Median(cycles.Select(c => c.ProcessorTime)))} | "
                + $"{AllocatedMedian(cycles)} | {Milliseconds(Median(cycles.Select(c => c.GcPause)))} | "
                + $"{Range(cycles.Select(c => c.Alerts))} / {Range(cycles.Select(c => c.Revisions))} | {result.Failures} |");
        }

        await Line();
        await Line("| Profile | Baseline cycle | Baseline sources/s | Baseline new items / alerts / revisions | Adding the sources | Peak working set² | GC committed (max at cycle end) | Database after |");
        await Line("|---|---|---|---|---|---|---|---|");
        foreach (var result in results)
        {
            var all = result.Cycles.Prepend(result.Warmup).ToList();
            await Line($"| {result.Profile.Name} | {Seconds(result.Warmup.Elapsed)} | {result.Warmup.SourcesPerSecond:N0} | "
                + $"{result.Warmup.NewItems:N0} / {result.Warmup.Alerts:N0} / {result.Warmup.Revisions:N0} | {Seconds(result.AddSourcesElapsed)} | "
                + $"{Mebibytes(result.PeakWorkingSetBytes)}{(result.PeakIsPerProfile ? "" : " (process high-water mark)")} | "
                + $"{Mebibytes(all.Max(c => c.GcCommittedBytes))} | {Mebibytes(result.DatabaseBytes)} |");
        }

        await Line();
        await Line("Every cycle (seconds; sources updated / unchanged / failed; new / changed items; alerts / revisions (statements stored); server 200 / 304 / other; allocated; GCs gen0 / gen1 / gen2; thread-pool threads at the end):");
        await Line();
        foreach (var result in results)
        {
            foreach (var cycle in result.Cycles.Prepend(result.Warmup))
            {
                await Line($"- {result.Profile.Name}, {(cycle.Round == 0 ? "baseline" : "cycle " + cycle.Round.ToString(CultureInfo.InvariantCulture))}: "
                    + $"{cycle.Elapsed.TotalSeconds:F2} s; {cycle.Updated} / {cycle.Unchanged} / {cycle.Failed}; {cycle.NewItems} / {cycle.ChangedItems}; "
                    + $"{cycle.Alerts} / {cycle.Revisions} ({cycle.StatementsStored:N0}); {cycle.ServedFull} / {cycle.ServedNotModified} / {cycle.ServedOther}; "
                    + $"{(cycle.AllocatedBytes is { } bytes ? Mebibytes(bytes) : "n/a")}; "
                    + $"{cycle.Gen0Collections} / {cycle.Gen1Collections} / {cycle.Gen2Collections}; {cycle.ThreadPoolThreads}");
                foreach (var error in cycle.Errors)
                {
                    await Line($"  - error: {error}");
                }
            }
        }

        await Line();
        await Line("¹ Process CPU time: PolicyBot plus the in-process feed server (which only copies pre-rendered bytes).");
        await Line($"² Process-wide: PolicyBot, the harness and the feed server, which holds {Mebibytes(results[0].ServerRetainedBytes)} of pre-rendered gzip bodies. "
            + "Reset before each profile where the OS allows it (Linux), so each profile reports its own peak.");
    }

    private static T Median<T>(IEnumerable<T> values)
    {
        var sorted = values.Order().ToList();
        return sorted[(sorted.Count - 1) / 2];
    }

    private static string AllocatedMedian(IReadOnlyList<CycleMeasurement> cycles)
    {
        var known = cycles.Where(c => c.AllocatedBytes is not null).Select(c => c.AllocatedBytes!.Value).ToList();
        return known.Count == 0 ? "n/a" : Mebibytes(Median(known)) + (known.Count < cycles.Count ? $" ({known.Count} of {cycles.Count})" : "");
    }

    private static string Range(IEnumerable<int> values)
    {
        var list = values.ToList();
        return list.Min() == list.Max() ? list[0].ToString("N0", CultureInfo.InvariantCulture) : $"{list.Min():N0}–{list.Max():N0}";
    }

    private static string Load(double? load) => load?.ToString("F2", CultureInfo.InvariantCulture) ?? "unknown";

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture) + " s";

    private static string Milliseconds(TimeSpan value) => value.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture) + " ms";

    private static string Mebibytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("F1", CultureInfo.InvariantCulture) + " MiB";

    private Task Line(string text = "") => output.WriteLineAsync(text);
}
