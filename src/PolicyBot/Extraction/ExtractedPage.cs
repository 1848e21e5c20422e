namespace PolicyBot.Extraction;

/// <summary>The readable content of one HTML page.</summary>
/// <param name="Text">The main text, paragraphs separated by one blank line, whitespace collapsed.</param>
public sealed record ExtractedPage(
    string? Title,
    string Text,
    string? CanonicalUrl,
    string? Author,
    DateTimeOffset? PublishedAt);
