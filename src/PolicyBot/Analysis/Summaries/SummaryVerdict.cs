namespace PolicyBot.Analysis.Summaries;

/// <summary>What <see cref="SummaryScreen"/> made of a model's output: the summary to use, or why there is none.</summary>
/// <param name="Summary">The accepted summary (whitespace collapsed, perhaps cut to whole sentences), or null.</param>
/// <param name="Rejection">Why the output was rejected (safe to log: never contains the output), or null when accepted.</param>
internal sealed record SummaryVerdict(string? Summary, string? Rejection)
{
    public static SummaryVerdict Accept(string summary) => new(summary, null);

    public static SummaryVerdict Reject(string reason) => new(null, reason);
}
