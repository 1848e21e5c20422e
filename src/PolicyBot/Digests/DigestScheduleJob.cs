using Microsoft.Extensions.Logging;
using PolicyBot.Subscriptions;
using Quartz;

namespace PolicyBot.Digests;

/// <summary>
/// Keeps the scheduler's digest triggers in step with the subscriptions, at start-up and every
/// <see cref="SyncInterval"/>: a cron trigger per digest subscription (see <see cref="DigestCron"/>), added when one
/// appears, replaced when its schedule changes, removed when the subscription goes or turns instant. It also catches
/// up: a digest whose scheduled time passed without it (the process was down, or the run failed) is sent once, for
/// the latest scheduled time — never once per missed day.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class DigestScheduleJob(SubscriptionStore subscriptions, DigestSender sender, ILogger<DigestScheduleJob> logger) : IJob
{
    public static readonly JobKey Key = new("digest-schedule", "policybot");

    /// <summary>How soon a subscription's new or changed schedule reaches the scheduler; also how long a scheduled
    /// digest is left to its own trigger before a catch-up sends it.</summary>
    public static readonly TimeSpan SyncInterval = TimeSpan.FromMinutes(1);

    /// <summary>Registers the digest job (durable, triggered per subscription) and this job, run at start and every <see cref="SyncInterval"/>.</summary>
    public static void Configure(IQuartzBuilder quartz)
    {
        quartz.AddJob<DigestJob>(job => job.WithIdentity(DigestJob.Key).StoreDurably(true));
        quartz.AddJob<DigestScheduleJob>(job => job.WithIdentity(Key));
        quartz.AddTrigger(trigger => trigger.ForJob(Key).StartNow().WithSimpleSchedule(s => s.WithInterval(SyncInterval).RepeatForever()));
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await SyncAsync(context.Scheduler, cancellationToken);

    /// <summary>Brings the digest triggers of <paramref name="scheduler"/> in line with the stored subscriptions, and
    /// sends the digests they missed.</summary>
    public async Task<DigestScheduleReport> SyncAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        var wanted = (await subscriptions.ListAsync(cancellationToken)).Where(s => s.Digest is not null).ToDictionary(s => s.Id);
        var existing = (await scheduler.QueryTriggers(
            new TriggerQuery { Group = GroupMatcher<TriggerKey>.GroupEquals(DigestJob.TriggerGroup), Take = PagedQuery.All }, cancellationToken)).Items;

        var removed = new List<long>();
        var current = new Dictionary<long, string?>();
        foreach (var trigger in existing)
        {
            if (DigestJob.SubscriptionIdOf(trigger.Key) is { } id && wanted.ContainsKey(id))
            {
                current[id] = trigger.Description;
                continue;
            }

            await scheduler.UnscheduleJob(trigger.Key, cancellationToken);
            removed.Add(DigestJob.SubscriptionIdOf(trigger.Key) ?? 0);
            Log.Removed(logger, trigger.Key.Name);
        }

        var added = new List<long>();
        var rescheduled = new List<long>();
        var caughtUp = new List<long>();
        var unchanged = 0;
        var now = scheduler.TimeProvider.GetUtcNow();
        foreach (var subscription in wanted.Values)
        {
            var schedule = subscription.Digest!;
            var zone = DigestCron.Zone(schedule, out var known);
            var fingerprint = DigestCron.Fingerprint(schedule);
            var isCurrent = current.TryGetValue(subscription.Id, out var description);
            if (isCurrent && description == fingerprint)
            {
                unchanged++;
            }
            else
            {
                if (!known)
                {
                    Log.UnknownZone(logger, subscription.Id, schedule.TimeZone);
                }

                await scheduler.ScheduleJob(TriggerFor(subscription.Id, schedule, zone, scheduler.TimeProvider), ScheduleJobOptions.Replacing, cancellationToken);
                (isCurrent ? rescheduled : added).Add(subscription.Id);
                Log.Scheduled(logger, subscription.Id, fingerprint, isCurrent);
            }

            var since = subscription.LastDigestAt ?? subscription.CreatedAt;
            if (DigestJob.LatestDue(DigestCron.Expression(schedule), zone, since, now - SyncInterval) is { } missed
                && await CatchUpAsync(subscription.Id, missed, cancellationToken))
            {
                caughtUp.Add(subscription.Id);
            }
        }

        return new DigestScheduleReport(added, rescheduled, removed, unchanged) { CaughtUp = caughtUp };
    }

    /// <summary>Sends a missed digest; a failure is logged and left for the next pass, so one bad subscription never stops the others.</summary>
    private async Task<bool> CatchUpAsync(long subscriptionId, DateTimeOffset missed, CancellationToken cancellationToken)
    {
        Log.CatchingUp(logger, subscriptionId, missed);
        try
        {
            await sender.SendAsync(subscriptionId, missed, cancellationToken);
            return true;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            Log.CatchUpFailed(logger, exception, subscriptionId, missed);
            return false;
        }
    }

    /// <summary>The subscription's cron trigger, described by its schedule's fingerprint. A run the scheduler itself
    /// misses (it was busy) fires once late (<see cref="CronTriggerMisfireInstruction.FireAndProceed"/>), for the
    /// same period.</summary>
    private static ITrigger TriggerFor(long subscriptionId, DigestSchedule schedule, TimeZoneInfo zone, TimeProvider clock) =>
        TriggerBuilder.Create(clock)
            .WithIdentity(DigestJob.TriggerKeyFor(subscriptionId))
            .WithDescription(DigestCron.Fingerprint(schedule))
            .ForJob(DigestJob.Key)
            .StartNow()
            .WithCronSchedule(DigestCron.Expression(schedule), cron => cron.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Digest trigger of subscription {SubscriptionId}: {Schedule} (changed: {Changed})")]
        public static partial void Scheduled(ILogger logger, long subscriptionId, string schedule, bool changed);

        [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Digest trigger {Trigger} removed: its subscription is gone or no longer wants digests")]
        public static partial void Removed(ILogger logger, string trigger);

        [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Subscription {SubscriptionId} names time zone {TimeZone}, which this machine does not know; its digest runs on UTC")]
        public static partial void UnknownZone(ILogger logger, long subscriptionId, string timeZone);

        [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Digest of subscription {SubscriptionId} due {Due} was not sent; sending it now")]
        public static partial void CatchingUp(ILogger logger, long subscriptionId, DateTimeOffset due);

        [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "Digest of subscription {SubscriptionId} due {Due} failed; the next pass tries again")]
        public static partial void CatchUpFailed(ILogger logger, Exception exception, long subscriptionId, DateTimeOffset due);
    }
}
