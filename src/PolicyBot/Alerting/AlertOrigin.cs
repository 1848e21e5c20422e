namespace PolicyBot.Alerting;

/// <summary>The stored history an alert came from.</summary>
public sealed record AlertOrigin(long SourceId, long ItemId, long? ChangeId);
