namespace PolicyBot.Teams;

/// <summary>Whether an inbound request's bearer token is acceptable, and if not, why (secret-free, for logs).</summary>
public sealed record TokenValidationOutcome(bool Valid, string? Error)
{
    public static TokenValidationOutcome Accepted { get; } = new(true, null);

    public static TokenValidationOutcome Rejected(string error) => new(false, error);
}
