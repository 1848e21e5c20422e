namespace PolicyBot.Alerting;

/// <summary>One pending delivery of an alert to a channel.</summary>
public sealed record OutboxEntry(long Id, string Channel, int Attempts, Alert Alert);
