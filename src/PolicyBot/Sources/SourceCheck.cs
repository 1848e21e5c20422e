namespace PolicyBot.Sources;

/// <summary>What a successful check of a source changes in its stored state. <paramref name="Modified"/> is false
/// for a 304, which keeps the warning of the body last read.</summary>
public sealed record SourceCheck(
    long SourceId,
    string? ETag,
    string? LastModified,
    string? Title,
    DateTimeOffset CheckedAt,
    DateTimeOffset NextCheckAt,
    bool Modified,
    string? Warning);
