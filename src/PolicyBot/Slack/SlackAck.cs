using System.Text.Json.Nodes;

namespace PolicyBot.Slack;

/// <summary>
/// The answer to one request from Slack, the same over HTTP and Socket Mode: a status (HTTP only; Socket Mode always
/// acknowledges) and an optional JSON body (an inline message, a <c>response_action</c>, a challenge).
/// </summary>
public sealed record SlackAck(int StatusCode, JsonObject? Body = null)
{
    /// <summary>200 with an empty body: received, nothing to show.</summary>
    public static SlackAck Empty { get; } = new(200);

    public static SlackAck Json(JsonObject body) => new(200, body);
}
