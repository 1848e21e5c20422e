namespace PolicyBot.Commands;

/// <summary>One admin command as audited: who, when, where, what (credentials redacted), how it ended, and why.</summary>
/// <param name="Outcome"><c>ok</c>, <c>error</c> or <c>refused</c>.</param>
/// <param name="Channel">The channel key, or null on the command line.</param>
public sealed record AuditEntry(
    DateTimeOffset At, string Platform, string UserId, string? UserName, string? Channel, string Command, string Outcome, string? Detail);
