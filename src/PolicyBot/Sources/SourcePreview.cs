namespace PolicyBot.Sources;

/// <summary>What one fetch of a candidate source found, shown before it is saved.</summary>
public sealed record SourcePreview(string Url, SourceKind? Kind, string? Title, int ItemCount, string? LatestTitle, DateTimeOffset? LatestPublishedAt, string? Error)
{
    public bool Succeeded => Error is null;
}
