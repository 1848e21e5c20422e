using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using System.Diagnostics.Metrics;
using PolicyBot.Sources;

namespace PolicyBot.Polling;

/// <summary>Checks a set of sources concurrently (the fetcher bounds global and per-host concurrency);
/// one source's failure never touches the others.</summary>
public sealed partial class PollCycle(
    SourcePoller poller,
    SourceStore sources,
    IMeterFactory meterFactory,
    IOptions<PollingOptions> options,
    TimeProvider timeProvider,
    ILogger<PollCycle> logger)
{
    private const int BatchSize = 500;

    private readonly Counter<long> _checks = meterFactory.Create("PolicyBot").CreateCounter<long>("policybot.source.checks", description: "Source checks by outcome");
    private readonly Counter<long> _alerts = meterFactory.Create("PolicyBot").CreateCounter<long>("policybot.alerts", description: "Alerts created, and earlier alerts revised by later reports");

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
        {
            var report = await poller.PollAsync(batch[index], token);
            _checks.Add(1, new KeyValuePair<string, object?>("outcome", report.Outcome.ToString().ToLowerInvariant()));
            _alerts.Add(report.Alerts.Count, new KeyValuePair<string, object?>("kind", "created"));
            _alerts.Add(report.Revised.Count, new KeyValuePair<string, object?>("kind", "revised"));
            reports[index] = report;
        });

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
