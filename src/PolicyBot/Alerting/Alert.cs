namespace PolicyBot.Alerting;

/// <summary>
/// A platform-neutral alert: who said what about open-source AI, in their own words, and whether it moved.
/// Chat adapters render it; <c>once --json</c> prints it.
/// </summary>
public sealed record Alert
{
    /// <summary>Stored id; 0 until the alert is saved.</summary>
    public long Id { get; init; }

    /// <summary><c>new</c> for a new statement, <c>changed</c> for a changed item or watched page.</summary>
    public required string Kind { get; init; }

    public required string Title { get; init; }

    public required string Url { get; init; }

    /// <summary>The watched source's name.</summary>
    public required string Source { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    public IReadOnlyList<string> Orgs { get; init; } = [];

    /// <summary><c>open</c>, <c>cautious</c>, <c>neutral</c> or <c>mixed</c>.</summary>
    public string Stance { get; init; } = "neutral";

    /// <summary>A change of position such as <c>open → cautious</c>, or null.</summary>
    public string? Shift { get; init; }

    public string Summary { get; init; } = "";

    public IReadOnlyList<AlertQuote> Quotes { get; init; } = [];

    /// <summary>Other outlets' URLs carrying the same statement.</summary>
    public IReadOnlyList<string> AlsoReportedBy { get; init; } = [];

    /// <summary>For a changed item or page: the sentences added and removed.</summary>
    public AlertChange? Change { get; init; }

    /// <summary>Why this alert exists: the topic terms and actors that matched.</summary>
    public IReadOnlyList<string> Matched { get; init; } = [];

    public double Relevance { get; init; }
}

/// <summary>A verbatim quote with its speaker.</summary>
public sealed record AlertQuote(string Text, string? Speaker, string? Org, string Stance);

/// <summary>Sentences a new version added and removed.</summary>
public sealed record AlertChange(IReadOnlyList<string> Added, IReadOnlyList<string> Removed);
