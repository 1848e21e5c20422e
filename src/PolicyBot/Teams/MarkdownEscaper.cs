using System.Text;
using System.Text.RegularExpressions;

namespace PolicyBot.Teams;

/// <summary>
/// Makes untrusted plain text safe inside an Adaptive Card TextBlock (which Teams renders as a Markdown subset:
/// bold, italic, links, lists): the characters that can start emphasis, a link or code are backslash-escaped, as
/// are list and heading markers at the start of a line ("- ", "+ ", "# ", "1."); control characters become spaces
/// and bidi overrides are dropped.
/// Other punctuation is left alone — Teams' mobile clients have been seen to show needless backslashes literally,
/// so dates and parentheses stay as written.
/// </summary>
public static partial class MarkdownEscaper
{
    private const string Special = "\\`*_[]<>";

    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (c is '\r')
            {
                continue;
            }

            if (Chat.TerminalText.IsHidden(c) && c != '\n')
            {
                // a control character becomes a space; a bidi override or isolate is dropped (text cannot display reversed)
                if (char.IsControl(c))
                {
                    builder.Append(' ');
                }
            }
            else
            {
                if (Special.Contains(c, StringComparison.Ordinal))
                {
                    builder.Append('\\');
                }

                builder.Append(c);
            }
        }

        return LineStartMarker().Replace(OrderedListMarker().Replace(builder.ToString(), "$1\\."), "$1\\$2");
    }

    /// <summary>Text with <paramref name="spans"/> in <c>**bold**</c>; spans out of order, overlapping or out of range are ignored.</summary>
    public static string EscapeWithBold(string text, IReadOnlyList<(int Start, int Length)> spans)
    {
        var builder = new StringBuilder(text.Length + 16);
        var position = 0;
        foreach (var (start, length) in spans)
        {
            if (start < position || length <= 0 || start + length > text.Length)
            {
                continue;
            }

            var inner = text.Substring(start, length);
            var trimmed = inner.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            var lead = inner.Length - inner.TrimStart().Length;
            builder.Append(Escape(text[position..(start + lead)]));
            builder.Append("**").Append(Escape(trimmed)).Append("**");
            position = start + lead + trimmed.Length;
        }

        builder.Append(Escape(text[position..]));
        return builder.ToString();
    }

    [GeneratedRegex(@"(?m)^(\s*\d+)\.")]
    private static partial Regex OrderedListMarker();

    [GeneratedRegex(@"(?m)^(\s*)([-+#])")]
    private static partial Regex LineStartMarker();
}
