namespace PolicyBot.Digests;

/// <summary>What one pass of <see cref="DigestScheduleJob"/> changed: subscription ids whose trigger was added,
/// rescheduled (its schedule changed) or removed (subscription gone or now instant), and how many were left alone.</summary>
public sealed record DigestScheduleReport(IReadOnlyList<long> Added, IReadOnlyList<long> Rescheduled, IReadOnlyList<long> Removed, int Unchanged)
{
    /// <summary>Subscriptions whose missed digest this pass sent (or found already covered).</summary>
    public IReadOnlyList<long> CaughtUp { get; init; } = [];
}
