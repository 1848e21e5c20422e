using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyBot.Chat;

namespace PolicyBot.Teams;

/// <summary>
/// Renders any <see cref="Reply"/> (command answers, alerts, digests, notices) as one Adaptive Card 1.5 in a message
/// activity: header, text with <c>**bold**</c> emphasis, small-print context, quotes with speakers, fact sets, link
/// lists, and buttons (a URL → <c>Action.OpenUrl</c>; a command → <c>Action.Submit</c> with <c>{"command": …}</c>).
/// Text is escaped and capped; the activity stays under <see cref="MaxActivityBytes"/> by leaving out trailing
/// blocks (buttons are kept) with a note — it never fails.
/// </summary>
public sealed class AdaptiveCardRenderer
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    private const int MaxUrl = 2000;

    /// <summary>The budget for the whole activity JSON (UTF-8): the webhook/Workflows limit, well under the bot limit.</summary>
    public const int MaxActivityBytes = 28 * 1024;

    public const int MaxTextChars = 3000;
    public const int MaxItems = 25;
    public const int MaxButtons = 6;

    /// <summary>How activities are written on the wire: UTF-8 text kept as is (not \u-escaped), so sizes are honest.</summary>
    public static readonly JsonSerializerOptions WireJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private const string TruncationNote = "Some of this message was left out to fit Teams' size limit.";

    /// <summary>A message activity carrying the card (no text beside it, so Teams neither splits it nor loses its id).</summary>
    public JsonObject RenderActivity(Reply reply)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["summary"] = Cap(OneLine(reply.Summary), 250),
            ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = ContentType, ["content"] = RenderCard(reply, MaxActivityBytes) }),
        };
        return activity;
    }

    /// <summary>The card alone, its serialised activity kept within <paramref name="budgetBytes"/>.</summary>
    public JsonObject RenderCard(Reply reply, int budgetBytes = MaxActivityBytes)
    {
        var elements = new List<(JsonObject Element, bool IsActions)>();
        var separatorNext = false;
        foreach (var block in reply.Blocks)
        {
            if (block is DividerBlock)
            {
                separatorNext = true;
                continue;
            }

            foreach (var element in Render(block, reply.Outcome))
            {
                if (separatorNext)
                {
                    element["separator"] = true;
                    element["spacing"] = "Medium";
                    separatorNext = false;
                }

                elements.Add((element, block is ActionsBlock));
            }
        }

        if (elements.Count == 0)
        {
            elements.Add((Text(reply.Summary.Length > 0 ? reply.Summary : "(empty message)"), false));
        }

        var body = new JsonArray();
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["fallbackText"] = Cap(OneLine(reply.Summary), 250),
            ["body"] = body,
        };

        // Envelope (activity + attachment wrapper + summary) and the note are reserved up front.
        var used = Size(card) + 600 + Size(Text(TruncationNote));
        var truncated = false;
        foreach (var (element, isActions) in elements)
        {
            var size = Size(element) + 1;
            if ((truncated && !isActions) || used + size > budgetBytes)
            {
                truncated = true;
                continue;
            }

            body.Add(element);
            used += size;
        }

        if (truncated)
        {
            var note = Text(TruncationNote);
            note["isSubtle"] = true;
            note["size"] = "Small";
            body.Add(note);
        }

        return card;
    }

    private static IEnumerable<JsonObject> Render(ReplyBlock block, ReplyOutcome outcome)
    {
        switch (block)
        {
            case HeaderBlock header:
                var heading = Text(Cap(OneLine(header.Text), 200));
                heading["size"] = "Large";
                heading["weight"] = "Bolder";
                heading["style"] = "heading";
                yield return heading;
                break;
            case TextBlock text:
                var capped = Cap(text.Text, MaxTextChars);
                var spans = (text.Emphasis ?? []).Select(s => (s.Start, s.Length)).Where(s => s.Start + s.Length <= capped.Length).ToList();
                var paragraph = new JsonObject { ["type"] = "TextBlock", ["text"] = MarkdownEscaper.EscapeWithBold(capped, spans), ["wrap"] = true };
                if (outcome != ReplyOutcome.Ok)
                {
                    paragraph["color"] = outcome == ReplyOutcome.Error ? "Attention" : "Warning";
                }

                yield return paragraph;
                break;
            case ContextBlock context when context.Items.Count > 0:
                var small = Text(Cap(string.Join(" · ", context.Items.Take(MaxItems).Select(OneLine)), 1000));
                small["isSubtle"] = true;
                small["size"] = "Small";
                yield return small;
                break;
            case QuoteBlock quote:
                var items = new JsonArray(new JsonObject
                {
                    ["type"] = "TextBlock",
                    ["text"] = $"_“{MarkdownEscaper.Escape(Cap(quote.Text, 1500).Trim())}”_",
                    ["wrap"] = true,
                });
                if (!string.IsNullOrWhiteSpace(quote.Speaker))
                {
                    var speaker = Text($"— {Cap(OneLine(quote.Speaker), 200)}");
                    speaker["isSubtle"] = true;
                    speaker["size"] = "Small";
                    speaker["spacing"] = "Small";
                    items.Add(speaker);
                }

                yield return new JsonObject { ["type"] = "Container", ["style"] = "emphasis", ["items"] = items };
                break;
            case FieldsBlock fields when fields.Fields.Count > 0:
                var facts = new JsonArray();
                foreach (var field in fields.Fields.Take(MaxItems))
                {
                    facts.Add(new JsonObject
                    {
                        ["title"] = MarkdownEscaper.Escape(Cap(OneLine(field.Label), 100)),
                        ["value"] = MarkdownEscaper.Escape(Cap(field.Value, 500)),
                    });
                }

                yield return new JsonObject { ["type"] = "FactSet", ["facts"] = facts };
                break;
            case ListBlock list when list.Items.Count > 0 || list.Title.Length > 0:
                if (list.Title.Length > 0)
                {
                    var title = Text(Cap(OneLine(list.Title), 200));
                    title["weight"] = "Bolder";
                    yield return title;
                }

                if (list.Items.Count > 0)
                {
                    var lines = list.Items.Take(MaxItems).Select(item => "- " + Link(item));
                    var more = list.Items.Count > MaxItems ? $"\n- … and {list.Items.Count - MaxItems} more" : "";
                    yield return new JsonObject { ["type"] = "TextBlock", ["text"] = string.Join("\n", lines) + more, ["wrap"] = true };
                }

                break;
            case ActionsBlock actions when Buttons(actions) is { Count: > 0 } buttons:
                yield return new JsonObject { ["type"] = "ActionSet", ["actions"] = buttons };
                break;
        }
    }

    private static JsonArray Buttons(ActionsBlock actions)
    {
        var result = new JsonArray();
        foreach (var button in actions.Buttons)
        {
            if (result.Count == MaxButtons)
            {
                break;
            }

            var title = Cap(OneLine(button.Label), 60);
            JsonObject? action = null;
            if (LinkUrl.Safe(button.Url, MaxUrl) is { } url)
            {
                action = new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = title, ["url"] = url };
            }
            else if (!string.IsNullOrWhiteSpace(button.Command))
            {
                action = new JsonObject
                {
                    ["type"] = "Action.Submit",
                    ["title"] = title,
                    ["data"] = new JsonObject { ["command"] = Cap(OneLine(button.Command), 500) },
                };
            }

            if (action is null)
            {
                continue;
            }

            if (button.Style != ButtonStyle.Default)
            {
                action["style"] = button.Style == ButtonStyle.Primary ? "positive" : "destructive";
            }

            result.Add(action);
        }

        return result;
    }

    private static string Link(ReplyLink item)
    {
        var text = MarkdownEscaper.Escape(Cap(OneLine(item.Text), 300));
        return LinkUrl.Safe(item.Url, MaxUrl) is { } url ? $"[{text}]({url.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal)})" : text;
    }

    private static JsonObject Text(string plain) => new() { ["type"] = "TextBlock", ["text"] = MarkdownEscaper.Escape(plain), ["wrap"] = true };

    private static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Cap(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[max - 2]) ? max - 2 : max - 1;
        return string.Concat(text.AsSpan(0, cut).TrimEnd(), "…");
    }

    private static int Size(JsonNode node) => Encoding.UTF8.GetByteCount(node.ToJsonString(WireJson));
}
