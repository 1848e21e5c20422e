using System.Text.Json.Nodes;

namespace PolicyBot.Slack;

/// <summary>A slash command invocation, from the form Slack posts (or the same fields in a Socket Mode envelope).</summary>
/// <param name="Text">Everything after the command name, e.g. <c>meta</c>; may be empty.</param>
public sealed record SlashCommand(
    string Command,
    string Text,
    string UserId,
    string? UserName,
    string ChannelId,
    string? ChannelName,
    string? ResponseUrl,
    string? TriggerId)
{
    /// <summary>Longest text accepted (Slack's own input limit is lower).</summary>
    public const int MaxText = 4000;

    /// <summary>The command in <paramref name="fields"/>, or null when a required field is missing or malformed.</summary>
    public static SlashCommand? From(IReadOnlyDictionary<string, string> fields)
    {
        string? Field(string name) => fields.TryGetValue(name, out var value) && value.Length <= 3000 ? value : null;

        var command = Field("command");
        var user = Field("user_id");
        var channel = Field("channel_id");
        var text = fields.TryGetValue("text", out var t) ? t : "";
        if (string.IsNullOrWhiteSpace(command) || !command.StartsWith('/') || string.IsNullOrWhiteSpace(user) || string.IsNullOrWhiteSpace(channel)
            || text.Length > MaxText)
        {
            return null;
        }

        return new SlashCommand(command, text, user, Field("user_name"), channel, Field("channel_name"), Field("response_url"), Field("trigger_id"));
    }

    /// <summary>The command in a Socket Mode <c>slash_commands</c> payload (the form's fields as a JSON object).</summary>
    public static SlashCommand? From(JsonObject payload) =>
        From(payload.Where(p => p.Value is JsonValue v && v.TryGetValue<string>(out _))
            .ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal));
}
