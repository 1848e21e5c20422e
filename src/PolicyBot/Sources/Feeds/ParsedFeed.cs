namespace PolicyBot.Sources.Feeds;

/// <summary>A feed in PolicyBot's format-neutral model (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed 1.x).</summary>
/// <param name="Format">e.g. "rss2.0", "rss1.0", "rss0.91", "atom1.0", "atom0.3", "json1.1".</param>
/// <param name="IsWellFormed">False when the document had to be recovered from malformed input ("bozo").</param>
/// <param name="Problem">What was ill-formed, when <paramref name="IsWellFormed"/> is false.</param>
public sealed record ParsedFeed(
    string Format,
    string? Title,
    string? Link,
    string? Description,
    string? Language,
    DateTimeOffset? Updated,
    IReadOnlyList<FeedEntry> Entries,
    bool IsWellFormed,
    string? Problem);

/// <summary>One item / entry of a feed. Text fields are decoded (entities resolved); HTML fields keep markup.</summary>
/// <param name="Id">guid / id / JSON id, verbatim.</param>
/// <param name="Link">The entry's permalink, absolute (resolved against xml:base / the feed URL).</param>
/// <param name="SummaryHtml">description / summary / summary_html (or summary_text escaped).</param>
/// <param name="ContentHtml">content:encoded / atom:content / content_html (or content_text escaped).</param>
public sealed record FeedEntry(
    string? Id,
    string? Title,
    string? Link,
    string? Author,
    DateTimeOffset? Published,
    DateTimeOffset? Updated,
    string? SummaryHtml,
    string? ContentHtml);

/// <summary>The outcome of parsing a body as a feed: a feed, or a clear reason it is not one.</summary>
public sealed record FeedParseResult(ParsedFeed? Feed, string? Error)
{
    public static FeedParseResult Success(ParsedFeed feed) => new(feed, null);

    public static FeedParseResult Failure(string error) => new(null, error);
}
