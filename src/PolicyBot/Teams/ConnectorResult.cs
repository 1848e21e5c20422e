namespace PolicyBot.Teams;

/// <summary>How one Connector call ended.</summary>
/// <param name="Status">The HTTP status, or 0 when no response came (refused URL, network error, no token).</param>
/// <param name="ActivityId">The id the Connector gave the activity (absent on 202).</param>
/// <param name="Error">Why it failed, secret-free; null on success.</param>
/// <param name="Retryable">Whether a later retry may succeed (429, 5xx, network).</param>
/// <param name="RetryAfter">The delay the Connector asked for (429 Retry-After).</param>
/// <param name="ConversationGone">The conversation is unreachable for the bot (403/404: removed, uninstalled, blocked).</param>
public sealed record ConnectorResult(int Status, string? ActivityId, string? Error, bool Retryable = false, TimeSpan? RetryAfter = null, bool ConversationGone = false)
{
    public bool Succeeded => Error is null;
}
