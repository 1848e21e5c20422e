using System.Diagnostics;
using PolicyBot.Bench.Feeds;
using PolicyBot.Polling;
using PolicyBot.Sources;

namespace PolicyBot.Bench.Poll;

/// <summary>
/// Measures <see cref="PollCycle.RunAsync"/> over every source: one warm-up cycle (every source's first poll, which
/// records the silent baseline) and then the measured cycles. Before each cycle, untimed, the
/// server switches to the round's pre-rendered feeds, the sources are re-read (so stored ETags are sent) and a full
/// GC runs so one cycle's garbage is not billed to the next. <paramref name="settings"/> are extra PolicyBot settings.
/// </summary>
internal sealed class PollBenchmark(FeedServer server, FeedCatalog catalog, IReadOnlyDictionary<string, string?> settings, TextWriter progress)
{
    private const int ErrorsKept = 5;

    /// <summary>Runs <paramref name="profile"/> over the first <paramref name="sources"/> feeds: a baseline cycle, then <paramref name="rounds"/> measured ones.</summary>
    public async Task<ProfileResult> RunAsync(PollProfile profile, int sources, int rounds, CancellationToken cancellationToken)
    {
        var peakIsPerProfile = PeakWorkingSet.TryReset();
        using var instance = await PolicyBotInstance.StartAsync(profile, settings, cancellationToken);
        var services = instance.Services;
        var store = services.GetRequiredService<SourceStore>();
        var cycle = services.GetRequiredService<PollCycle>();
        var clock = services.GetRequiredService<TimeProvider>();

        var adding = Stopwatch.StartNew();
        for (var feed = 0; feed < sources; feed++)
        {
            var definition = new SourceDefinition { Name = $"Outlet {feed}", Url = server.FeedUrl(feed).AbsoluteUri, Kind = "feed" };
            _ = await store.AddAsync(definition, "cli", clock.GetUtcNow(), cancellationToken)
                ?? throw new InvalidOperationException($"Source {definition.Url} was not added.");
        }

        adding.Stop();
        await progress.WriteLineAsync($"[{profile.Name}] added {sources} sources in {adding.Elapsed.TotalSeconds:F1} s "
            + $"(Concurrency={instance.Polling.Concurrency}, PerHostConcurrency={instance.Polling.PerHostConcurrency})");

        var measured = new List<CycleMeasurement>();
        CycleMeasurement? warmup = null;
        long retained = 0;
        double meanFeedBytes = 0;
        for (var round = 0; round <= rounds; round++)
        {
            var content = catalog.Prepare(round);
            retained = content.RetainedBytes;
            meanFeedBytes = content.MeanFullBodyBytes;
            server.Serve(content);
            var watched = await store.ListAsync(cancellationToken);
            var measurement = await MeasureAsync(cycle, instance, watched, round, cancellationToken);
            await progress.WriteLineAsync($"[{profile.Name}] {(round == 0 ? "warm-up" : $"cycle {round}")}: "
                + $"{measurement.Elapsed.TotalSeconds:F2} s, {measurement.SourcesPerSecond:F0} sources/s, "
                + $"{measurement.Updated} updated, {measurement.Unchanged} unchanged, {measurement.Failed} failed, {measurement.Alerts} alerts, {measurement.Revisions} revisions, {measurement.StatementsStored} statements");
            if (round == 0)
            {
                warmup = measurement;
            }
            else
            {
                measured.Add(measurement);
            }
        }

        return new ProfileResult(
            profile,
            instance.Polling.Concurrency,
            instance.Polling.PerHostConcurrency,
            adding.Elapsed,
            warmup!,
            measured,
            PeakWorkingSet.Read(),
            peakIsPerProfile,
            instance.DatabaseBytes(),
            retained,
            meanFeedBytes);
    }

    private async Task<CycleMeasurement> MeasureAsync(PollCycle cycle, PolicyBotInstance instance, IReadOnlyList<Source> sources, int round, CancellationToken cancellationToken)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var gen0 = GC.CollectionCount(0);
        var gen1 = GC.CollectionCount(1);
        var gen2 = GC.CollectionCount(2);
        var pauseBefore = GC.GetTotalPauseDuration();

        var stopwatch = Stopwatch.StartNew();
        var reports = await cycle.RunAsync(sources, cancellationToken);
        stopwatch.Stop();

        process.Refresh();
        var pause = GC.GetTotalPauseDuration() - pauseBefore;
        var committed = GC.GetGCMemoryInfo(GCKind.Any).TotalCommittedBytes;
        var served = server.Counters;
        return new CycleMeasurement(
            round,
            stopwatch.Elapsed,
            process.TotalProcessorTime - cpuBefore,
            GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore is var allocated and >= 0 ? allocated : null,
            pause,
            committed,
            process.WorkingSet64,
            ThreadPool.ThreadCount,
            GC.CollectionCount(0) - gen0,
            GC.CollectionCount(1) - gen1,
            GC.CollectionCount(2) - gen2,
            reports.Count,
            reports.Count(r => r.Outcome == PollOutcome.Updated),
            reports.Count(r => r.Outcome == PollOutcome.Unchanged),
            reports.Count(r => r.Outcome == PollOutcome.Failed),
            reports.Sum(r => r.NewItems),
            reports.Sum(r => r.ChangedItems),
            reports.Sum(r => r.Alerts.Count),
            reports.Sum(r => r.Revised.Count),
            await instance.CountStatementsAsync(cancellationToken),
            served.Full,
            served.NotModified,
            served.Other,
            reports.Where(r => r.Error is not null).Take(ErrorsKept).Select(r => $"{r.SourceName}: {r.Error}").ToList());
    }
}
