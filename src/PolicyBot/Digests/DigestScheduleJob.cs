using Microsoft.Extensions.Logging;
using PolicyBot.Subscriptions;
using Quartz;

namespace PolicyBot.Digests;

/// <summary>
/// Keeps the scheduler's digest triggers in step with the subscriptions, at start-up and every
/// <see cref="SyncInterval"/>: a cron trigger per digest subscription (see <see cref="DigestCron"/>), added when one
/// appears, replaced when its schedule changes, removed when the subscription goes or turns instant. A digest missed
/// while the process was down (the last one, or the subscription, predates a scheduled time already past) fires once
/// at start-up, never once per missed day; the same policy covers a scheduler that falls behind.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class DigestScheduleJob(SubscriptionStore subscriptions, ILogger<DigestScheduleJob> logger) : IJob
{
    public static readonly JobKey Key = new("digest-schedule", "policybot");

    /// <summary>How soon a subscription's new or changed schedule reaches the scheduler.</summary>
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

    /// <summary>Brings the digest triggers of <paramref name="scheduler"/> in line with the stored subscriptions.</summary>
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
        var unchanged = 0;
        foreach (var subscription in wanted.Values)
        {
            var fingerprint = DigestCron.Fingerprint(subscription.Digest!);
            var isCurrent = current.TryGetValue(subscription.Id, out var description);
            if (isCurrent && description == fingerprint)
            {
                unchanged++;
                continue;
            }

            var trigger = TriggerFor(subscription, scheduler.TimeProvider);
            await scheduler.ScheduleJob(trigger, ScheduleJobOptions.Replacing, cancellationToken);
            (isCurrent ? rescheduled : added).Add(subscription.Id);
            Log.Scheduled(logger, subscription.Id, fingerprint, trigger.StartTimeUtc, isCurrent);
        }

        return new DigestScheduleReport(added, rescheduled, removed, unchanged);
    }

    /// <summary>
    /// The subscription's cron trigger, described by its fingerprint. It starts now, or — when a scheduled time has
    /// passed since the last digest (or since subscribing) — at that time, so the scheduler sees it as missed and
    /// fires it once at once (<see cref="CronTriggerMisfireInstruction.FireAndProceed"/>).
    /// </summary>
    private ITrigger TriggerFor(Subscription subscription, TimeProvider clock)
    {
        var schedule = subscription.Digest!;
        var zone = DigestCron.Zone(schedule, out var known);
        if (!known)
        {
            Log.UnknownZone(logger, subscription.Id, schedule.TimeZone);
        }

        var expression = DigestCron.Expression(schedule);
        var now = clock.GetUtcNow();
        var missed = CronExpression.Parse(expression).WithTimeZone(zone).GetNextValidTimeAfter(subscription.LastDigestAt ?? subscription.CreatedAt);
        return TriggerBuilder.Create(clock)
            .WithIdentity(DigestJob.TriggerKeyFor(subscription.Id))
            .WithDescription(DigestCron.Fingerprint(schedule))
            .ForJob(DigestJob.Key)
            .StartAt(missed is { } at && at < now ? at : now)
            .WithCronSchedule(expression, cron => cron.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Digest trigger of subscription {SubscriptionId}: {Schedule}, starting {StartAt} (changed: {Changed})")]
        public static partial void Scheduled(ILogger logger, long subscriptionId, string schedule, DateTimeOffset startAt, bool changed);

        [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Digest trigger {Trigger} removed: its subscription is gone or no longer wants digests")]
        public static partial void Removed(ILogger logger, string trigger);

        [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Subscription {SubscriptionId} names time zone {TimeZone}, which this machine does not know; its digest runs on UTC")]
        public static partial void UnknownZone(ILogger logger, long subscriptionId, string timeZone);
    }
}
