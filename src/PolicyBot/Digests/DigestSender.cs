using System.Globalization;
using Microsoft.Extensions.Logging;
using PolicyBot.Alerting;
using PolicyBot.Data;
using PolicyBot.Subscriptions;

namespace PolicyBot.Digests;

/// <summary>
/// One scheduled digest: for the period that ends at the scheduled time and starts where the last digest ended (or one
/// day / week earlier), builds the digest and, in one transaction, queues it in the outbox (the dispatcher delivers it)
/// and records the period as covered. Running the same scheduled time again queues nothing: the period is covered,
/// and the outbox's dedupe key would refuse it anyway.
/// </summary>
public sealed partial class DigestSender(
    SqliteDatabase database,
    SubscriptionStore subscriptions,
    DigestStatementStore statements,
    DigestBuilder builder,
    AlertOutbox outbox,
    TimeProvider timeProvider,
    ILogger<DigestSender> logger)
{
    /// <summary>
    /// How long before a period's end a statement must have been recorded to be in it. A poll stamps its statements
    /// before it commits them; a statement stamped just before the digest and committed just after lands in the next
    /// digest instead of in neither. Consecutive periods still meet exactly, shifted by this much.
    /// </summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMinutes(5);

    /// <summary>Runs the digest of subscription <paramref name="subscriptionId"/> due at <paramref name="scheduledAt"/>.</summary>
    public async Task<DigestOutcome> SendAsync(long subscriptionId, DateTimeOffset scheduledAt, CancellationToken cancellationToken)
    {
        var end = scheduledAt.ToUniversalTime();
        await using var session = await database.BeginAsync(cancellationToken);
        var subscription = (await subscriptions.ListAsync(session, cancellationToken)).FirstOrDefault(s => s.Id == subscriptionId);
        if (subscription?.Digest is not { } schedule)
        {
            Log.NotSubscribed(logger, subscriptionId);
            return new DigestOutcome(DigestOutcomeKind.NotSubscribed);
        }

        var period = new DigestPeriod(subscription.LastDigestAt ?? DigestCron.DefaultStart(schedule, end), end);
        if (period.IsEmpty)
        {
            Log.AlreadyCovered(logger, subscriptionId, end, period.From);
            return new DigestOutcome(DigestOutcomeKind.AlreadyCovered, period);
        }

        var recorded = await statements.RecordedAsync(session, period.From - Settle, period.To - Settle, cancellationToken);
        var digest = builder.Build(subscription, period, recorded);
        var outcome = new DigestOutcome(DigestOutcomeKind.Empty, period);
        if (digest is not null)
        {
            var key = $"digest:{subscription.Id}:{end.ToString("O", CultureInfo.InvariantCulture)}";
            var queued = await outbox.AddMessageAsync(session, subscription.Channel.Key, digest, key, timeProvider.GetUtcNow(), cancellationToken);
            var count = recorded.Count(s => subscription.Accepts(s.Alert));
            outcome = queued ? new DigestOutcome(DigestOutcomeKind.Queued, period, count) : new DigestOutcome(DigestOutcomeKind.AlreadyCovered, period);
        }

        await subscriptions.MarkDigestSentAsync(session, subscription.Id, end, cancellationToken);
        await session.CommitAsync(cancellationToken);
        Log.Ran(logger, subscriptionId, subscription.Channel.Key, outcome.Kind, outcome.Statements, period.From, period.To);
        return outcome;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Digest of subscription {SubscriptionId} for {Channel}: {Outcome}, {Statements} statement(s) in ({From}, {To}]")]
        public static partial void Ran(ILogger logger, long subscriptionId, string channel, DigestOutcomeKind outcome, int statements, DateTimeOffset from, DateTimeOffset to);

        [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Digest of subscription {SubscriptionId}: the subscription is gone or no longer wants digests")]
        public static partial void NotSubscribed(ILogger logger, long subscriptionId);

        [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Digest of subscription {SubscriptionId} due {ScheduledAt}: already covered up to {CoveredTo}")]
        public static partial void AlreadyCovered(ILogger logger, long subscriptionId, DateTimeOffset scheduledAt, DateTimeOffset coveredTo);
    }
}
