namespace PolicyBot.Bench.Feeds;

/// <summary>One item of a synthetic feed: its identity, metadata and HTML body.</summary>
internal sealed record SyntheticArticle(long Sequence, string Guid, string Title, string Link, DateTimeOffset Published, string Html, bool AboutPolicy);
