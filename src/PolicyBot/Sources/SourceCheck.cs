namespace PolicyBot.Sources;

/// <summary>What a successful check of a source changes in its stored state.</summary>
public sealed record SourceCheck(
    long SourceId,
    string? ETag,
    string? LastModified,
    string? Title,
    DateTimeOffset CheckedAt,
    DateTimeOffset NextCheckAt);
