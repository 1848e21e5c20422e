using System.Text;

namespace PolicyBot.Chat;

/// <summary>
/// A <see cref="Reply"/> as plain text, for the command line (<c>query</c>) and the console: a header underlined,
/// paragraphs, context in one line joined by " · ", quotes in quotation marks with their speaker, fields as
/// "Label: value", lists as bullets with their URL, buttons as "[Label] url" or "[Label] → command", emphasis
/// (search hits) between asterisks.
/// </summary>
public static class ReplyTextRenderer
{
    public static string Render(Reply reply)
    {
        var text = new StringBuilder();
        foreach (var block in reply.Blocks)
        {
            switch (block)
            {
                case HeaderBlock header:
                    text.AppendLine(header.Text).AppendLine(new string('=', Math.Min(header.Text.Length, 72)));
                    break;
                case TextBlock paragraph:
                    text.AppendLine(Emphasise(paragraph));
                    break;
                case ContextBlock context:
                    text.Append("  ").AppendLine(string.Join(" · ", context.Items));
                    break;
                case QuoteBlock quote:
                    text.Append("  > “").Append(quote.Text).Append('”');
                    text.AppendLine(quote.Speaker is { Length: > 0 } speaker ? $" — {speaker}" : "");
                    break;
                case FieldsBlock fields:
                    foreach (var field in fields.Fields)
                    {
                        text.Append("  ").Append(field.Label).Append(": ").AppendLine(field.Value);
                    }

                    break;
                case ListBlock list:
                    text.AppendLine(list.Title + ":");
                    foreach (var item in list.Items)
                    {
                        text.Append("  - ").AppendLine(item.Url is null ? item.Text : $"{item.Text} <{item.Url}>");
                    }

                    break;
                case ActionsBlock actions:
                    text.Append("  ").AppendLine(string.Join("  ", actions.Buttons.Select(Button)));
                    break;
                case DividerBlock:
                    text.AppendLine("---");
                    break;
            }
        }

        return text.Length == 0 ? reply.Summary + Environment.NewLine : text.ToString();
    }

    private static string Button(ReplyButton button) =>
        button.Url is { } url ? $"[{button.Label}] {url}"
        : button.Command is { } command ? $"[{button.Label}] → {command}"
        : $"[{button.Label}]";

    /// <summary>The paragraph with its emphasis spans between asterisks; spans outside the text or overlapping are ignored.</summary>
    private static string Emphasise(TextBlock block)
    {
        if (block.Emphasis is not { Count: > 0 } spans)
        {
            return block.Text;
        }

        var text = new StringBuilder();
        var at = 0;
        foreach (var span in spans.OrderBy(s => s.Start))
        {
            if (span.Start < at || span.Length <= 0 || span.Start + span.Length > block.Text.Length)
            {
                continue;
            }

            text.Append(block.Text, at, span.Start - at).Append('*').Append(block.Text, span.Start, span.Length).Append('*');
            at = span.Start + span.Length;
        }

        return text.Append(block.Text, at, block.Text.Length - at).ToString();
    }
}
