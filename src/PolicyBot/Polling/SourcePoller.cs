using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Alerting;
using PolicyBot.Clustering;
using PolicyBot.Data;
using PolicyBot.Fetching;
using PolicyBot.History;
using PolicyBot.Sources;

namespace PolicyBot.Polling;

/// <summary>
/// Checks one source, top to bottom: fetch → read → compare with history → analyse → store history, alerts,
/// outbox rows and the source's new state in one transaction. Every failure ends as a recorded error on that
/// source with a backed-off next check; nothing here throws for bad input or a bad server.
/// </summary>
public sealed partial class SourcePoller(
    HttpFetcher fetcher,
    SourceReader reader,
    SourceStore sources,
    StatementRecorder recorder,
    HistoryComparer comparer,
    AlertComposer composer,
    ArticleFollower follower,
    SqliteDatabase database,
    SchedulePlanner planner,
    AdminNotices notices,
    IOptions<AlertingOptions> alerting,
    IOptions<PollingOptions> options,
    TimeProvider timeProvider,
    ILogger<SourcePoller> logger)
{
    public async Task<PollReport> PollAsync(Source source, CancellationToken cancellationToken)
    {
        try
        {
            var report = await CheckAsync(source, cancellationToken);
            if (report.Outcome != PollOutcome.Failed && source.ErrorCount >= alerting.Value.SourceFailureNoticeAfter)
            {
                await notices.QueueAsync(StreakKey(source, "recovered"), AdminNotices.SourceRecovered(source.Id, source.Name, source.ErrorCount), cancellationToken);
            }

            return report;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            Log.Crashed(logger, exception, source.Id, source.Url);
            return await FailAsync(source, $"internal error: {exception.GetType().Name}: {exception.Message}", null, CancellationToken.None);
        }
    }

    private async Task<PollReport> CheckAsync(Source source, CancellationToken cancellationToken)
    {
        var fetch = await fetcher.FetchAsync(new FetchRequest(new Uri(source.Url), source.ETag, source.LastModified), cancellationToken);
        if (fetch.Outcome == FetchOutcome.Failed)
        {
            return await FailAsync(source, fetch.Error ?? "fetch failed", fetch.RetryAfter, cancellationToken);
        }

        var now = timeProvider.GetUtcNow();
        if (fetch.Outcome == FetchOutcome.NotModified)
        {
            await using var unchanged = await database.BeginAsync(cancellationToken);
            await sources.RecordSuccessAsync(unchanged, Check(source, fetch, null, null, now), cancellationToken);
            await unchanged.CommitAsync(cancellationToken);
            return new PollReport(source.Id, source.Name, PollOutcome.Unchanged, 0, 0, [], null);
        }

        var reading = reader.Read(source, fetch.Body, fetch.ContentType, fetch.FinalUrl);
        if (reading.Error is not null)
        {
            return await FailAsync(source, reading.Error, null, cancellationToken);
        }

        var comparison = await comparer.CompareAsync(source.Id, reading.Documents, cancellationToken);
        var isBaseline = source.BaselineAt is null;
        var backfillFrom = now - options.Value.BackfillWindow;
        var candidates = new List<(Comparison.Entry Entry, ComposedAlert Alert)>();
        var budget = follower.NewBudget();
        foreach (var entry in comparison.Entries)
        {
            var wanted = entry.Change is not null
                || (entry.IsNew && (!isBaseline || entry.Document.PublishedAt >= backfillFrom));
            if (wanted && await composer.ComposeAsync(source, entry.Document, entry.Change, budget, cancellationToken) is { } alert)
            {
                candidates.Add((entry, alert));
            }
        }

        var alerts = new Dictionary<long, Alert>();
        var revised = new Dictionary<long, Alert>();
        await using (var session = await database.BeginAsync(cancellationToken))
        {
            var alertByEntry = candidates.ToDictionary(c => c.Entry, c => c.Alert);
            foreach (var entry in comparison.Entries)
            {
                var (itemId, changeId) = await comparer.StoreAsync(session, source.Id, entry, now, cancellationToken);
                if (alertByEntry.TryGetValue(entry, out var composed))
                {
                    var (recorded, isRevision) = await recorder.RecordAsync(session, new AlertOrigin(source.Id, itemId, changeId), composed.Alert, composed.Signature, now, cancellationToken);
                    if (alerts.ContainsKey(recorded.Id) || !isRevision)
                    {
                        alerts[recorded.Id] = recorded;
                    }
                    else
                    {
                        revised[recorded.Id] = recorded;
                    }
                }
            }

            await sources.RecordSuccessAsync(session, Check(source, fetch, reading.Title, reading.Warning, now), cancellationToken);
            await session.CommitAsync(cancellationToken);
        }

        var report = new PollReport(
            source.Id,
            source.Name,
            comparison.NewCount + comparison.ChangedCount > 0 ? PollOutcome.Updated : PollOutcome.Unchanged,
            comparison.NewCount,
            comparison.ChangedCount,
            alerts.Values.ToList(),
            null)
        {
            Revised = revised.Values.ToList(),
        };
        Log.Checked(logger, source.Id, report.NewItems, report.ChangedItems, alerts.Count, isBaseline);
        return report;
    }

    private SourceCheck Check(Source source, FetchResult fetch, string? title, string? warning, DateTimeOffset now) =>
        new(source.Id, fetch.ETag, fetch.LastModified, title, now, planner.AfterSuccess(source, now), fetch.Outcome == FetchOutcome.Fetched, warning);

    private async Task<PollReport> FailAsync(Source source, string error, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var errors = source.ErrorCount + 1;
        var next = planner.AfterFailure(source, errors, retryAfter, now);
        await sources.RecordFailureAsync(source.Id, error, now, next, cancellationToken);
        Log.Failed(logger, source.Id, source.Url, errors, error, next);
        if (errors == alerting.Value.SourceFailureNoticeAfter)
        {
            await notices.QueueAsync(StreakKey(source, "failing"), AdminNotices.SourceFailing(source.Id, source.Name, UrlPolicy.Redact(new Uri(source.Url)), errors, error), cancellationToken);
        }

        return new PollReport(source.Id, source.Name, PollOutcome.Failed, 0, 0, [], error);
    }

    /// <summary>Names one failure streak of a source (they are told apart by the last success before them).</summary>
    private static string StreakKey(Source source, string what) =>
        $"source:{source.Id}:{what}:{source.LastSuccessAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "never"}";

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Source {SourceId}: {NewItems} new, {ChangedItems} changed, {Alerts} alert(s) (baseline: {IsBaseline})")]
        public static partial void Checked(ILogger logger, long sourceId, int newItems, int changedItems, int alerts, bool isBaseline);

        [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Source {SourceId} ({Url}) failed {ErrorCount} time(s) in a row: {Error}; next check {NextCheckAt}")]
        public static partial void Failed(ILogger logger, long sourceId, string url, int errorCount, string error, DateTimeOffset nextCheckAt);

        [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Source {SourceId} ({Url}) hit an unexpected error")]
        public static partial void Crashed(ILogger logger, Exception exception, long sourceId, string url);
    }
}
