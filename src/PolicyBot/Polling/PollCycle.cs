using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Sources;

namespace PolicyBot.Polling;

/// <summary>Checks a set of sources concurrently (the fetcher bounds global and per-host concurrency);
/// one source's failure never touches the others.</summary>
public sealed partial class PollCycle(SourcePoller poller, SourceStore sources, IOptions<PollingOptions> options, TimeProvider timeProvider, ILogger<PollCycle> logger)
{
    private const int BatchSize = 500;

    /// <summary>Checks every source that is due now, batch after batch, until none is left.</summary>
    public async Task<IReadOnlyList<PollReport>> RunDueAsync(CancellationToken cancellationToken)
    {
        var reports = new List<PollReport>();
        while (!cancellationToken.IsCancellationRequested)
        {
            var due = await sources.DueAsync(timeProvider.GetUtcNow(), BatchSize, cancellationToken);
            reports.AddRange(await RunAsync(due, cancellationToken));
            if (due.Count < BatchSize)
            {
                break;
            }
        }

        return reports;
    }

    /// <summary>Checks the given sources, due or not.</summary>
    public async Task<IReadOnlyList<PollReport>> RunAsync(IReadOnlyList<Source> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return [];
        }

        var reports = new PollReport[batch.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.Concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, batch.Count), parallel, async (index, token) =>
            reports[index] = await poller.PollAsync(batch[index], token));

        Log.CycleDone(
            logger,
            batch.Count,
            reports.Count(r => r.Outcome == PollOutcome.Updated),
            reports.Count(r => r.Outcome == PollOutcome.Failed),
            reports.Sum(r => r.Alerts.Count));
        return reports;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Checked {Sources} source(s): {Updated} updated, {Failed} failed, {Alerts} alert(s)")]
        public static partial void CycleDone(ILogger logger, int sources, int updated, int failed, int alerts);
    }
}
