namespace PolicyBot.Positions;

/// <summary>An actor's stance toward openly releasing AI models, when it was stated and where.</summary>
public sealed record Position(string Actor, string Stance, DateTimeOffset StatedAt, string Source);
