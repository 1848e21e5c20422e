namespace PolicyBot.Teams;

/// <summary>An outbound bearer token, or why none could be obtained.</summary>
/// <param name="Value">The access token; null when unauthenticated (no app id) or on failure.</param>
/// <param name="Error">Why the token request failed (secret-free); null on success.</param>
/// <param name="Retryable">Whether trying again later may help (5xx, 429, network) rather than a configuration error.</param>
public sealed record ConnectorToken(string? Value, string? Error = null, bool Retryable = true, TimeSpan? RetryAfter = null)
{
    public static ConnectorToken None { get; } = new(Value: null);

    public bool Failed => Error is not null;
}
