using System.Text.Json.Nodes;

namespace PolicyBot.Slack;

/// <summary>
/// Reading Slack's JSON without trusting its shape: each step checks the node is an object before looking inside, so a
/// payload with a string or an array where an object belongs reads as "absent" instead of throwing
/// (<see cref="JsonNode"/>'s indexer throws on a node of the wrong kind).
/// </summary>
internal static class SlackJson
{
    /// <summary>The object at <paramref name="path"/> under <paramref name="node"/>, or null when any step is missing or
    /// not an object.</summary>
    public static JsonObject? Object(JsonNode? node, params ReadOnlySpan<string> path)
    {
        var current = node as JsonObject;
        foreach (var name in path)
        {
            current = current?[name] as JsonObject;
        }

        return current;
    }

    /// <summary>The string property <paramref name="name"/> of <paramref name="node"/>, or null.</summary>
    public static string? Text(JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
}
