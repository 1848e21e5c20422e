using System.Globalization;
using Quartz;

namespace PolicyBot.Digests;

/// <summary>
/// The scheduler's digest run. One durable job; each digest subscription has its own cron trigger on it (kept by
/// <see cref="DigestScheduleJob"/>), whose key names the subscription. The period ends at the trigger's scheduled
/// fire time, so a late run covers the same period a punctual one would have.
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
        if (SubscriptionIdOf(context.Trigger.Key) is { } subscriptionId)
        {
            await sender.SendAsync(subscriptionId, context.ScheduledFireTimeUtc ?? context.FireTimeUtc, cancellationToken);
        }
    }
}
