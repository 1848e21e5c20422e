using PolicyBot.Alerting;

namespace PolicyBot.Polling;

/// <summary>How one check of one source ended.</summary>
public enum PollOutcome
{
    /// <summary>The server said 304, or the content held nothing new.</summary>
    Unchanged,
    /// <summary>New or changed items were recorded.</summary>
    Updated,
    /// <summary>The check failed; the error is recorded on the source and it backs off.</summary>
    Failed,
}

/// <summary>The result of checking one source: the alerts it made, and earlier alerts it revised (a later report
/// of a statement already alerted adds "also reported by" instead of alerting again).</summary>
public sealed record PollReport(long SourceId, string SourceName, PollOutcome Outcome, int NewItems, int ChangedItems, IReadOnlyList<Alert> Alerts, string? Error)
{
    public IReadOnlyList<Alert> Revised { get; init; } = [];
}
