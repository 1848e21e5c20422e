using System.Text.Json.Nodes;

namespace PolicyBot.Teams;

/// <summary>
/// The Teams-only <c>manage</c> card: forms for the admin commands (add, pause, resume, remove a source; subscribe
/// this channel) as <c>Action.Submit</c> buttons. Pressing one runs the command through the command engine as the
/// presser, who is authorised there like anyone typing it.
/// </summary>
public static class AdminCardBuilder
{
    /// <summary>The words that ask for this card instead of a command.</summary>
    public static bool IsRequest(string text) => text.Equals("manage", StringComparison.OrdinalIgnoreCase) || text.Equals("admin", StringComparison.OrdinalIgnoreCase);

    public static JsonObject Activity() => new()
    {
        ["type"] = "message",
        ["summary"] = "PolicyBot administration",
        ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = AdaptiveCardRenderer.ContentType, ["content"] = Card() }),
    };

    public static JsonObject Card() => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = "1.5",
        ["fallbackText"] = "PolicyBot administration",
        ["body"] = new JsonArray(
            new JsonObject { ["type"] = "TextBlock", ["text"] = "PolicyBot administration", ["size"] = "Large", ["weight"] = "Bolder", ["style"] = "heading", ["wrap"] = true },
            new JsonObject { ["type"] = "TextBlock", ["text"] = "Admins only: each button runs the same command you could type, and is checked the same way.", ["isSubtle"] = true, ["wrap"] = true },
            Input("sourceUrl", "Watch a new source", "https://example.org/feed.xml [feed|page] [org] [interval]"),
            Buttons(Submit("Add source", "sources add", "sourceUrl", "positive")),
            Input("sourceId", "Change a watched source (its number from \"sources\")", "12"),
            Buttons(Submit("Pause", "sources pause", "sourceId"), Submit("Resume", "sources resume", "sourceId"), Submit("Remove", "sources remove", "sourceId", "destructive")),
            new JsonObject { ["type"] = "TextBlock", ["text"] = "This conversation", ["weight"] = "Bolder", ["separator"] = true, ["spacing"] = "Medium", ["wrap"] = true },
            Buttons(Submit("Subscribe here", "subscribe", null, "positive"), Submit("Unsubscribe", "unsubscribe", null), Submit("List sources", "sources", null), Submit("Status", "status", null))),
    };

    private static JsonObject Input(string id, string label, string placeholder) => new()
    {
        ["type"] = "Input.Text",
        ["id"] = id,
        ["label"] = label,
        ["placeholder"] = placeholder,
        ["maxLength"] = 500,
    };

    private static JsonObject Buttons(params JsonObject[] actions) => new() { ["type"] = "ActionSet", ["actions"] = new JsonArray(actions) };

    private static JsonObject Submit(string title, string command, string? appendInput, string? style = null)
    {
        var data = new JsonObject { ["command"] = command };
        if (appendInput is not null)
        {
            data["appendInput"] = appendInput;
        }

        var action = new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = data };
        if (style is not null)
        {
            action["style"] = style;
        }

        return action;
    }
}
