namespace PolicyBot.History;

/// <summary>One unit of a source's content as the pipeline sees it: a feed entry, or a watched page.</summary>
/// <param name="Guid">Stable identity within the source (entry id, else link, else title; the URL for a page).</param>
/// <param name="Link">The canonical URL, if any.</param>
/// <param name="Text">Plain text, paragraphs separated by blank lines.</param>
public sealed record Document(string Guid, string? Link, string? Title, DateTimeOffset? PublishedAt, string Text);
