namespace PolicyBot.History;

/// <summary>An item already in history, as needed to tell new from changed from unchanged.</summary>
public sealed record StoredItem(long Id, string Guid, string? Link, string Fingerprint, string Text);
