using System.Text;
using System.Text.Json.Nodes;
using PolicyBot.Chat;

namespace PolicyBot.Slack;

/// <summary>
/// Renders a platform-neutral <see cref="Reply"/> (alert, digest, notice, command answer) as Block Kit plus a plain
/// text fallback. Every untrusted string is escaped for mrkdwn and every Block Kit limit is respected by cutting with
/// an ellipsis: rendering never fails, whatever the input.
/// </summary>
public sealed class BlockKitRenderer
{
    /// <summary>Blocks in one message.</summary>
    public const int MaxMessageBlocks = 50;

    /// <summary>Blocks in a modal or Home tab.</summary>
    public const int MaxViewBlocks = 100;

    public const int MaxHeaderText = 150;
    public const int MaxSectionText = 3000;
    public const int MaxFieldText = 2000;
    public const int MaxFields = 10;
    public const int MaxContextElements = 10;
    public const int MaxActionElements = 25;
    public const int MaxButtonText = 75;
    public const int MaxButtonValue = 2000;
    public const int MaxButtonUrl = 3000;
    public const int MaxFallbackText = 4000;

    /// <summary>The action id prefix of a button that runs a command; its value is the command text.</summary>
    public const string CommandActionPrefix = "policy_command_";

    /// <summary>The action id prefix of a link button (Slack still reports the click; it needs no answer).</summary>
    public const string LinkActionPrefix = "policy_link_";

    /// <summary>A message: at most <paramref name="maxBlocks"/> blocks, with the fallback text.</summary>
    public SlackMessage Render(Reply reply, int maxBlocks = MaxMessageBlocks) =>
        new(RenderBlocks(reply, maxBlocks), RenderFallback(reply));

    /// <summary>A reply as a slash command or <c>response_url</c> message: <c>in_channel</c> when the reply is shared
    /// (and succeeded), otherwise only for the person who asked.</summary>
    public JsonObject RenderResponse(Reply reply)
    {
        var message = Render(reply);
        return new JsonObject
        {
            ["response_type"] = reply.Shared && reply.Outcome == ReplyOutcome.Ok ? "in_channel" : "ephemeral",
            ["replace_original"] = false,
            ["text"] = message.Text,
            ["blocks"] = message.Blocks,
        };
    }

    /// <summary>The blocks alone, for a view or a message, at most <paramref name="maxBlocks"/> of them.</summary>
    public JsonArray RenderBlocks(Reply reply, int maxBlocks)
    {
        var rendered = new List<JsonObject>();
        var index = 0;
        foreach (var block in reply.Blocks)
        {
            rendered.AddRange(RenderBlock(block, ref index));
        }

        if (rendered.Count == 0)
        {
            rendered.Add(Section(SlackText.EscapeAndTruncate(SlackText.Clean(reply.Summary) is { Length: > 0 } s ? s : "(empty)", MaxSectionText)));
        }

        if (rendered.Count > maxBlocks)
        {
            var hidden = rendered.Count - (maxBlocks - 1);
            rendered = [.. rendered.Take(maxBlocks - 1), Context([$"…and {hidden} more blocks not shown"])];
        }

        return [.. rendered];
    }

    /// <summary>The plain text shown where blocks are not: the summary first, then each block as a line or two.</summary>
    public string RenderFallback(Reply reply)
    {
        var summary = SlackText.Clean(reply.Summary);
        var text = new StringBuilder(summary);
        foreach (var block in reply.Blocks)
        {
            if (text.Length > MaxFallbackText)
            {
                break;
            }

            var line = block switch
            {
                TextBlock t => t.Text,
                QuoteBlock q when !string.IsNullOrWhiteSpace(q.Text) => q.Speaker is { Length: > 0 } speaker ? $"\"{q.Text}\" — {speaker}" : $"\"{q.Text}\"",
                ListBlock l when l.Items.Count > 0 => l.Title + ": " + string.Join("; ", l.Items.Select(i => i.Text)),
                FieldsBlock f when f.Fields.Count > 0 => string.Join("; ", f.Fields.Select(x => $"{x.Label}: {x.Value}")),
                _ => null,
            };
            var cleaned = SlackText.Clean(line);
            if (cleaned.Length > 0 && cleaned != summary)
            {
                text.Append('\n').Append(cleaned); // a text block that only restates the summary is not said twice
            }
        }

        var fallback = SlackText.EscapeAndTruncate(text.ToString().Trim(), MaxFallbackText);
        return fallback.Length == 0 ? "PolicyBot" : fallback;
    }

    private static IEnumerable<JsonObject> RenderBlock(ReplyBlock block, ref int index) => block switch
    {
        HeaderBlock h => Header(h.Text),
        TextBlock t => Text(t),
        ContextBlock c => c.Items.Any(i => !string.IsNullOrWhiteSpace(i)) ? [Context(c.Items)] : [],
        QuoteBlock q => Quote(q),
        FieldsBlock f => Fields(f),
        ListBlock l => List(l),
        ActionsBlock a => Actions(a, ref index),
        DividerBlock => [new JsonObject { ["type"] = "divider" }],
        _ => [],
    };

    private static IEnumerable<JsonObject> Header(string text)
    {
        var line = SlackText.Clean(text).ReplaceLineEndings(" ");
        if (line.Length == 0)
        {
            return [];
        }

        return [new JsonObject { ["type"] = "header", ["text"] = PlainText(SlackText.Truncate(line, MaxHeaderText)) }];
    }

    private static IEnumerable<JsonObject> Text(TextBlock block)
    {
        var text = SlackText.Clean(block.Text);
        if (text.Length == 0)
        {
            return [];
        }

        var emphasis = block.Emphasis is { Count: > 0 } spans ? spans : null;
        var mrkdwn = emphasis is null ? SlackText.EscapeAndTruncate(text, MaxSectionText) : Emphasize(block.Text, emphasis);
        return [Section(mrkdwn)];
    }

    /// <summary>*Bold* for each valid span (in order, not overlapping, inside the text); the stars are put outside the
    /// span's own spaces, and stars inside it are dropped, so emphasis can neither leak nor break the markup. A cut
    /// never leaves an opening star without its closing one.</summary>
    private static string Emphasize(string raw, IReadOnlyList<TextSpan> spans)
    {
        var builder = new StringBuilder();
        var pairs = new List<(int Open, int Close)>();
        var position = 0;
        foreach (var span in spans)
        {
            if (builder.Length > MaxSectionText)
            {
                break; // the rest would be cut anyway
            }

            if (span.Start < position || span.Length <= 0 || span.Start > raw.Length - span.Length)
            {
                continue; // overlapping, empty or outside: ignored rather than trusted
            }

            builder.Append(SlackText.Escape(SlackText.StripControl(raw[position..span.Start])));
            var inner = SlackText.StripControl(raw.Substring(span.Start, span.Length)).Replace("*", "", StringComparison.Ordinal).ReplaceLineEndings(" ");
            var trimmed = inner.Trim();
            if (trimmed.Length > 0)
            {
                builder.Append(inner.Length > inner.TrimStart().Length ? " " : "");
                var open = builder.Length;
                builder.Append('*').Append(SlackText.Escape(trimmed));
                pairs.Add((open, builder.Length));
                builder.Append('*').Append(inner.Length > inner.TrimEnd().Length ? " " : "");
            }

            position = span.Start + span.Length;
        }

        if (builder.Length <= MaxSectionText)
        {
            builder.Append(SlackText.Escape(SlackText.StripControl(raw[position..])));
        }

        var untrimmed = builder.ToString();
        var leadingTrim = untrimmed.Length - untrimmed.TrimStart().Length;
        var built = untrimmed.Trim();
        var result = SlackText.TruncateEscaped(built, MaxSectionText);
        if (result.Length < built.Length)
        {
            var kept = result.Length - SlackText.Ellipsis.Length;
            foreach (var (open, close) in pairs)
            {
                if (open - leadingTrim < kept && close - leadingTrim >= kept)
                {
                    result = built[..(open - leadingTrim)].TrimEnd() + SlackText.Ellipsis; // drop the bold the cut would open
                    break;
                }
            }
        }

        return result.Length == 0 ? SlackText.Ellipsis : result;
    }

    private static IEnumerable<JsonObject> Quote(QuoteBlock quote)
    {
        var text = SlackText.Clean(quote.Text);
        if (text.Length == 0)
        {
            return [];
        }

        var speaker = SlackText.Clean(quote.Speaker).ReplaceLineEndings(" ");
        var attribution = speaker.Length == 0 ? "" : "\n— " + SlackText.EscapeAndTruncate(speaker, 200);
        var room = MaxSectionText - attribution.Length;
        var lines = new StringBuilder();
        foreach (var line in text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            // the leading ">" is Slack's quote markup; the quoted words themselves are escaped, so a ">" in them is text
            lines.Append(lines.Length == 0 ? "" : "\n").Append("> ").Append(SlackText.Escape(line));
            if (lines.Length > room)
            {
                break;
            }
        }

        return [Section(SlackText.TruncateEscaped(lines.ToString(), room) + attribution)];
    }

    private static IEnumerable<JsonObject> Fields(FieldsBlock block)
    {
        var fields = block.Fields
            .Where(f => !string.IsNullOrWhiteSpace(f.Label) || !string.IsNullOrWhiteSpace(f.Value))
            .Select(f => (JsonNode)Mrkdwn(SlackText.TruncateEscaped(
                $"*{SlackText.Escape(SlackText.Clean(f.Label).Replace("*", "", StringComparison.Ordinal))}*\n{SlackText.Escape(SlackText.Clean(f.Value))}", MaxFieldText)))
            .ToList();
        return fields.Chunk(MaxFields).Select(chunk => new JsonObject { ["type"] = "section", ["fields"] = new JsonArray([.. chunk]) });
    }

    private static IEnumerable<JsonObject> List(ListBlock list)
    {
        var title = SlackText.Clean(list.Title).ReplaceLineEndings(" ").Replace("*", "", StringComparison.Ordinal);
        var builder = new StringBuilder(title.Length == 0 ? "" : $"*{SlackText.EscapeAndTruncate(title, 200)}*");
        var shown = 0;
        foreach (var item in list.Items)
        {
            var line = "• " + Link(item);
            if (builder.Length + line.Length + 40 > MaxSectionText)
            {
                break;
            }

            builder.Append(builder.Length == 0 ? "" : "\n").Append(line);
            shown++;
        }

        if (shown < list.Items.Count)
        {
            builder.Append($"\n…and {list.Items.Count - shown} more");
        }

        return builder.Length == 0 ? [] : [Section(SlackText.TruncateEscaped(builder.ToString(), MaxSectionText))];
    }

    private static string Link(ReplyLink item)
    {
        var label = SlackText.EscapeAndTruncate(SlackText.Clean(item.Text).ReplaceLineEndings(" ").Replace("|", "¦", StringComparison.Ordinal), 500);
        var url = LinkUrl.Safe(item.Url, 1000)?.Replace("|", "%7C", StringComparison.Ordinal).Replace("&", "&amp;", StringComparison.Ordinal);
        if (url is null)
        {
            return label.Length == 0 ? SlackText.Ellipsis : label;
        }

        return $"<{url}|{(label.Length == 0 ? url : label)}>";
    }

    private static IEnumerable<JsonObject> Actions(ActionsBlock block, ref int index)
    {
        var buttons = new JsonArray();
        foreach (var button in block.Buttons)
        {
            if (buttons.Count == MaxActionElements)
            {
                break;
            }

            var label = SlackText.Truncate(SlackText.Clean(button.Label).ReplaceLineEndings(" "), MaxButtonText);
            var element = new JsonObject { ["type"] = "button", ["text"] = PlainText(label.Length == 0 ? "Open" : label) };
            var url = LinkUrl.Safe(button.Url, MaxButtonUrl);
            var command = SlackText.Clean(button.Command).ReplaceLineEndings(" ");
            if (url is not null)
            {
                element["action_id"] = LinkActionPrefix + index++;
                element["url"] = url;
            }
            else if (command.Length is > 0 and <= MaxButtonValue)
            {
                element["action_id"] = CommandActionPrefix + index++;
                element["value"] = command;
            }
            else
            {
                continue; // a button that does nothing is not shown
            }

            if (button.Style != ButtonStyle.Default)
            {
                element["style"] = button.Style == ButtonStyle.Primary ? "primary" : "danger";
            }

            if (button.Style == ButtonStyle.Danger && url is null)
            {
                element["confirm"] = new JsonObject
                {
                    ["title"] = PlainText("Are you sure?"),
                    ["text"] = PlainText(SlackText.Truncate($"{label}: {command}", 300)),
                    ["confirm"] = PlainText("Yes"),
                    ["deny"] = PlainText("Cancel"),
                    ["style"] = "danger",
                };
            }

            buttons.Add(element);
        }

        return buttons.Count == 0 ? [] : [new JsonObject { ["type"] = "actions", ["elements"] = buttons }];
    }

    internal static JsonObject Context(IEnumerable<string> items)
    {
        var elements = new JsonArray();
        foreach (var item in items.Select(i => SlackText.Clean(i)).Where(i => i.Length > 0).Take(MaxContextElements))
        {
            elements.Add(Mrkdwn(SlackText.EscapeAndTruncate(item, MaxSectionText)));
        }

        return new JsonObject { ["type"] = "context", ["elements"] = elements };
    }

    internal static JsonObject Section(string mrkdwn) => new() { ["type"] = "section", ["text"] = Mrkdwn(mrkdwn) };

    internal static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text, ["verbatim"] = true };

    internal static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true };
}
