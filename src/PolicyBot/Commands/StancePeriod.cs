namespace PolicyBot.Commands;

/// <summary>One run of an actor's stance in a timeline: the stance, and when it was first stated in that run.</summary>
public sealed record StancePeriod(string Stance, DateTimeOffset Since);
