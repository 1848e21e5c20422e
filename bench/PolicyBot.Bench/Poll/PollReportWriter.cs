using System.Globalization;

namespace PolicyBot.Bench.Poll;

/// <summary>Writes the poll benchmark's results as Markdown (ready to paste into docs/performance.md).</summary>
internal sealed class PollReportWriter(TextWriter output)
{
    public async Task WriteAsync(IReadOnlyList<ProfileResult> results, int sources, int hosts, int itemsPerFeed, string command)
    {
        var first = results[0];
        await Line($"### Poll cycle: {sources:N0} sources, {first.Cycles.Count} measured cycles");
        await Line();
        await Line($"- Command: `{command}`");
        await Line($"- Machine: {MachineInfo.Describe()}");
        await Line($"- Feeds: {sources:N0} on {hosts} loopback host(s), HTTP/1.1 without TLS, gzip. Half answer 304 to their ETag; "
            + $"half change every round (1 new and 2 edited of {itemsPerFeed} items, fresh ETag): "
            + $"mean {first.MeanFullFeedBytes / 1024:F1} KiB uncompressed. RSS 2.0 and Atom alternate.");
        await Line();
        await Line("| Profile | Concurrency / per host | Median cycle | Min | Max | Sources/s (median) | CPU per cycle (median) | Allocated per cycle (median) | Alerts per cycle | Failures |");
        await Line("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var result in results)
        {
            var cycles = result.Cycles;
            await Line($"| {result.Profile.Name} | {result.Concurrency} / {result.PerHostConcurrency} | {Seconds(result.MedianElapsed)} | "
                + $"{Seconds(cycles.Min(c => c.Elapsed))} | {Seconds(cycles.Max(c => c.Elapsed))} | "
                + $"{sources / result.MedianElapsed.TotalSeconds:N0} | {Seconds(Median(cycles.Select(c => c.ProcessorTime)))} | "
                + $"{Mebibytes(Median(cycles.Select(c => c.AllocatedBytes)))} | {Range(cycles.Select(c => c.Alerts))} | {result.Failures} |");
        }

        await Line();
        await Line("| Profile | Warm-up (baseline) cycle | Warm-up new items / alerts | Adding sources | Peak working set¹ | GC heap / committed after | GC pause % | Database after | Server-held feed bytes² |");
        await Line("|---|---|---|---|---|---|---|---|---|");
        foreach (var result in results)
        {
            await Line($"| {result.Profile.Name} | {Seconds(result.Warmup.Elapsed)} | {result.Warmup.NewItems:N0} / {result.Warmup.Alerts:N0} | "
                + $"{Seconds(result.AddSourcesElapsed)} | {Mebibytes(result.PeakWorkingSetBytes)} | "
                + $"{Mebibytes(result.GcHeapBytes)} / {Mebibytes(result.GcCommittedBytes)} | {result.GcPauseTimePercentage:F1} | "
                + $"{Mebibytes(result.DatabaseBytes)} | {Mebibytes(result.ServerRetainedBytes)} |");
        }

        await Line();
        await Line("Per cycle (profile, cycle: seconds, updated / unchanged / failed, new / changed items, alerts, server 200 / 304 / other, GCs gen0/1/2):");
        await Line();
        foreach (var result in results)
        {
            foreach (var cycle in result.Cycles.Prepend(result.Warmup))
            {
                await Line($"- {result.Profile.Name}, {(cycle.Round == 0 ? "warm-up" : cycle.Round.ToString(CultureInfo.InvariantCulture))}: "
                    + $"{cycle.Elapsed.TotalSeconds:F2} s, {cycle.Updated} / {cycle.Unchanged} / {cycle.Failed}, {cycle.NewItems} / {cycle.ChangedItems}, "
                    + $"{cycle.Alerts}, {cycle.ServedFull} / {cycle.ServedNotModified} / {cycle.ServedOther}, "
                    + $"{cycle.Gen0Collections}/{cycle.Gen1Collections}/{cycle.Gen2Collections}");
                foreach (var error in cycle.Errors)
                {
                    await Line($"  - error: {error}");
                }
            }
        }

        await Line();
        await Line("¹ Process-wide (PolicyBot, the harness and the in-process feed server), and a high-water mark: a profile run after another reports the larger of the two.");
        await Line("² Pre-rendered gzip bodies the feed server holds in the same process (part of the working set, not PolicyBot's).");
    }

    private static T Median<T>(IEnumerable<T> values)
    {
        var sorted = values.Order().ToList();
        return sorted[(sorted.Count - 1) / 2];
    }

    private static string Range(IEnumerable<int> values)
    {
        var list = values.ToList();
        return list.Min() == list.Max() ? list[0].ToString("N0", CultureInfo.InvariantCulture) : $"{list.Min():N0}–{list.Max():N0}";
    }

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture) + " s";

    private static string Mebibytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("F1", CultureInfo.InvariantCulture) + " MiB";

    private Task Line(string text = "") => output.WriteLineAsync(text);
}
