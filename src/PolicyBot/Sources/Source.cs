namespace PolicyBot.Sources;

/// <summary>A watched source with its schedule and health, as stored.</summary>
public sealed record Source
{
    public required long Id { get; init; }

    public required string Name { get; init; }

    public required string Url { get; init; }

    public required SourceKind Kind { get; init; }

    public IReadOnlyList<string> Orgs { get; init; } = [];

    /// <summary>The source's own check interval; null means <c>Polling:Interval</c>.</summary>
    public TimeSpan? Interval { get; init; }

    public string? Selector { get; init; }

    public bool Enabled { get; init; } = true;

    public string Origin { get; init; } = "cli";

    public string? Title { get; init; }

    public string? ETag { get; init; }

    public string? LastModified { get; init; }

    public DateTimeOffset NextCheckAt { get; init; }

    public DateTimeOffset? LastCheckedAt { get; init; }

    public DateTimeOffset? LastSuccessAt { get; init; }

    /// <summary>When the first successful poll recorded the silent baseline; null until then.</summary>
    public DateTimeOffset? BaselineAt { get; init; }

    /// <summary>Consecutive failures.</summary>
    public int ErrorCount { get; init; }

    public string? LastError { get; init; }

    /// <summary>What had to be repaired in the last body read (an ill-formed feed that was still readable).</summary>
    public string? LastWarning { get; init; }

    public static string FormatKind(SourceKind kind) => kind == SourceKind.Feed ? "feed" : "page";

    public static bool TryParseKind(string? text, out SourceKind kind)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "feed" or "rss" or "atom":
                kind = SourceKind.Feed;
                return true;
            case "page" or "html":
                kind = SourceKind.Page;
                return true;
            default:
                kind = SourceKind.Feed;
                return false;
        }
    }
}
