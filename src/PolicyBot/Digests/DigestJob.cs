using System.Globalization;
using Quartz;

namespace PolicyBot.Digests;

/// <summary>
/// The scheduler's digest run. One durable job; each digest subscription has its own cron trigger on it (kept by
/// <see cref="DigestScheduleJob"/>), whose key names the subscription. The period ends at the scheduled time the run
/// is for (the latest time on the schedule at or before the trigger's scheduled fire time), so a late or misfired run
/// covers the same period a punctual one would have.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DigestJob(DigestSender sender) : IJob
{
    public static readonly JobKey Key = new("digest", "policybot");

    /// <summary>The group of the per-subscription triggers.</summary>
    public const string TriggerGroup = "digests";

    private const string TriggerPrefix = "subscription-";

    /// <summary>The trigger key of a subscription's digest.</summary>
    public static TriggerKey TriggerKeyFor(long subscriptionId) =>
        new(TriggerPrefix + subscriptionId.ToString(CultureInfo.InvariantCulture), TriggerGroup);

    /// <summary>The subscription a digest trigger belongs to; null for a key that is not one.</summary>
    public static long? SubscriptionIdOf(TriggerKey key) =>
        key.Group == TriggerGroup && key.Name.StartsWith(TriggerPrefix, StringComparison.Ordinal)
        && long.TryParse(key.Name.AsSpan(TriggerPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (SubscriptionIdOf(context.Trigger.Key) is not { } subscriptionId)
        {
            return;
        }

        var scheduled = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        var due = context.Trigger is ICronTrigger { CronExpressionString: { } expression } cron
            ? LatestDue(expression, cron.TimeZone, scheduled - LongestGap, scheduled) ?? scheduled
            : scheduled;
        await sender.SendAsync(subscriptionId, due, cancellationToken);
    }

    /// <summary>More than the longest time between two digest fire times (a week and a daylight-saving hour).</summary>
    public static readonly TimeSpan LongestGap = TimeSpan.FromDays(8);

    /// <summary>The latest fire time of <paramref name="expression"/> (in <paramref name="zone"/>) in <c>(after, until]</c>, or null.
    /// Looks back at most <see cref="LongestGap"/> from <paramref name="until"/>, which is enough for daily and weekly schedules.</summary>
    public static DateTimeOffset? LatestDue(string expression, TimeZoneInfo zone, DateTimeOffset after, DateTimeOffset until)
    {
        var cron = CronExpression.Parse(expression).WithTimeZone(zone);
        var from = after > until - LongestGap ? after : until - LongestGap;
        DateTimeOffset? latest = null;
        for (var next = cron.GetNextValidTimeAfter(from); next is { } at && at <= until; next = cron.GetNextValidTimeAfter(at))
        {
            latest = at.ToUniversalTime();
        }

        return latest;
    }
}
