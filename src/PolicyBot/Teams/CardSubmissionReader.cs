using System.Text.Json;

namespace PolicyBot.Teams;

/// <summary>
/// Reads an <c>Action.Submit</c> press: the button's data is <c>{"command": "sources pause 12"}</c>, optionally with
/// <c>"appendInput": "&lt;input id&gt;"</c> naming a card input whose typed value completes the command
/// (<c>sources add</c> + the URL typed). Returns null for anything else; never throws.
/// </summary>
public static class CardSubmissionReader
{
    public static string? CommandText(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } data
            || !data.TryGetProperty("command", out var command) || command.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var text = OneLine(command.GetString()!);
        if (data.TryGetProperty("appendInput", out var inputId) && inputId.ValueKind == JsonValueKind.String
            && inputId.GetString() is { Length: > 0 } id && id != "command" && id != "appendInput"
            && data.TryGetProperty(id, out var input) && input.ValueKind == JsonValueKind.String)
        {
            text = $"{text} {OneLine(input.GetString()!)}".Trim();
        }

        return text.Length is > 0 and <= MentionStripper.MaxChars ? text : null;
    }

    private static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
