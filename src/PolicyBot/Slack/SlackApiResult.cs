using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace PolicyBot.Slack;

/// <summary>
/// How one Slack Web API call (or <c>response_url</c> post) ended: <c>ok</c> with the response body, or an error code —
/// Slack's own (<c>channel_not_found</c>), <c>ratelimited</c> with the wait Slack asked for, or a transport failure
/// (<c>http_503</c>, <c>timeout</c>, <c>connection_failed</c>, <c>invalid_response</c>).
/// </summary>
public sealed record SlackApiResult(bool Ok, string? Error, JsonObject? Body, TimeSpan? RetryAfter = null)
{
    /// <summary>Errors a later attempt can get past; every other <c>ok:false</c> code is final.</summary>
    private static readonly FrozenSet<string> Transient = FrozenSet.ToFrozenSet(
    [
        "ratelimited", "rate_limited", "internal_error", "fatal_error", "service_unavailable", "request_timeout",
        "timeout", "connection_failed", "invalid_response", "team_added_to_org",
    ], StringComparer.Ordinal);

    /// <summary>Errors that mean the bot can no longer post to that channel. (<c>not_in_channel</c> is not one of them:
    /// an invitation fixes it, and the channel must then still be subscribed.)</summary>
    private static readonly FrozenSet<string> ChannelGone = FrozenSet.ToFrozenSet(["channel_not_found", "is_archived"], StringComparer.Ordinal);

    /// <summary>Errors that mean the bot token no longer works anywhere.</summary>
    private static readonly FrozenSet<string> AuthGone = FrozenSet.ToFrozenSet(["invalid_auth", "token_revoked", "not_authed", "account_inactive", "token_expired"], StringComparer.Ordinal);

    /// <summary>Whether trying again later can succeed (rate limits, 5xx, timeouts), as opposed to a definite refusal.</summary>
    public bool Retryable => !Ok && Error is not null && (Transient.Contains(Error) || Error.StartsWith("http_5", StringComparison.Ordinal));

    /// <summary>The channel is gone for the bot: deleted or archived.</summary>
    public bool IsChannelGone => Error is not null && ChannelGone.Contains(Error);

    /// <summary>The token is revoked or invalid.</summary>
    public bool IsAuthGone => Error is not null && AuthGone.Contains(Error);

    /// <summary>A string property of the body, e.g. <c>ts</c>.</summary>
    public string? Get(string name) => Body?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static SlackApiResult Success(JsonObject body) => new(true, null, body);

    public static SlackApiResult Failure(string error, TimeSpan? retryAfter = null, JsonObject? body = null) => new(false, error, body, retryAfter);
}
