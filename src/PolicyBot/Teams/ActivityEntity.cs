namespace PolicyBot.Teams;

/// <summary>An entity attached to an activity; PolicyBot reads <c>mention</c> entities.</summary>
/// <param name="Text">The mention markup as it appears in the text, e.g. <c>&lt;at&gt;PolicyBot&lt;/at&gt;</c>.</param>
public sealed record ActivityEntity(string? Type, string? Text = null, ChannelAccount? Mentioned = null);
