using System.Text;

namespace PolicyBot.Chat;

/// <summary>
/// A <see cref="Reply"/> as plain text, for the command line (<c>query</c>) and the console: a header underlined,
/// paragraphs, context in one line joined by " · ", quotes in quotation marks with their speaker, fields as
/// "Label: value", lists as bullets with their URL, buttons as "[Label] url" or "[Label] → command", emphasis
/// (search hits) between asterisks. Block text is untrusted (titles and names come from the web), and this text goes
/// to a terminal: control characters (escape sequences, bell, carriage return) and bidirectional overrides are removed,
/// and a line break only breaks a paragraph, never a one-line element such as a header, field or button.
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
                    var title = Line(header.Text);
                    text.AppendLine(title).AppendLine(new string('=', Math.Min(title.Length, 72)));
                    break;
                case TextBlock paragraph:
                    text.AppendLine(Emphasise(paragraph));
                    break;
                case ContextBlock context:
                    text.Append("  ").AppendLine(string.Join(" · ", context.Items.Select(Line)));
                    break;
                case QuoteBlock quote:
                    text.Append("  > “").Append(Line(quote.Text)).Append('”');
                    text.AppendLine(quote.Speaker is { Length: > 0 } speaker ? $" — {Line(speaker)}" : "");
                    break;
                case FieldsBlock fields:
                    foreach (var field in fields.Fields)
                    {
                        text.Append("  ").Append(Line(field.Label)).Append(": ").AppendLine(Line(field.Value));
                    }

                    break;
                case ListBlock list:
                    text.AppendLine(Line(list.Title) + ":");
                    foreach (var item in list.Items)
                    {
                        text.Append("  - ").AppendLine(item.Url is null ? Line(item.Text) : $"{Line(item.Text)} <{Line(item.Url)}>");
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

        return text.Length == 0 ? Line(reply.Summary) + Environment.NewLine : text.ToString();
    }

    private static string Button(ReplyButton button) =>
        button.Url is { } url ? $"[{Line(button.Label)}] {Line(url)}"
        : button.Command is { } command ? $"[{Line(button.Label)}] → {Line(command)}"
        : $"[{Line(button.Label)}]";

    /// <summary>Text for one line: what <see cref="TerminalText.Clean"/> keeps, with line breaks as spaces.</summary>
    private static string Line(string text) => TerminalText.Clean(text, keepLineBreaks: false);

    /// <summary>The paragraph with its emphasis spans between asterisks; spans outside the text or overlapping are ignored.</summary>
    private static string Emphasise(TextBlock block)
    {
        if (block.Emphasis is not { Count: > 0 } spans)
        {
            return TerminalText.Clean(block.Text, keepLineBreaks: true);
        }

        var text = new StringBuilder();
        var at = 0;
        foreach (var span in spans.OrderBy(s => s.Start))
        {
            if (span.Start < at || span.Length <= 0 || span.Start + span.Length > block.Text.Length)
            {
                continue;
            }

            text.Append(TerminalText.Clean(block.Text[at..span.Start], keepLineBreaks: true)).Append('*')
                .Append(TerminalText.Clean(block.Text.Substring(span.Start, span.Length), keepLineBreaks: true)).Append('*');
            at = span.Start + span.Length;
        }

        return text.Append(TerminalText.Clean(block.Text[at..], keepLineBreaks: true)).ToString();
    }
}
