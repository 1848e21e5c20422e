using System.Globalization;
using System.Text;

namespace PolicyBot.Slack;

/// <summary>
/// Slack's text rules: <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> escaped in mrkdwn, and lengths counted and cut without
/// splitting a character (a surrogate pair or a combining sequence) and without leaving half an escape.
/// </summary>
public static class SlackText
{
    /// <summary>The ellipsis put where text was cut.</summary>
    public const string Ellipsis = "…";

    /// <summary>Escapes the three control characters of mrkdwn (and of top-level <c>text</c>); nothing else is touched.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }

    /// <summary>Escapes then cuts to <paramref name="max"/> characters (UTF-16 units, as Slack counts), never inside an
    /// entity or a text element; a cut ends in an ellipsis.</summary>
    public static string EscapeAndTruncate(string? text, int max)
    {
        text ??= "";
        var bounded = text.Length > max + 1 ? text[..(max + 1)] : text; // escaping only lengthens: the rest would be cut anyway
        return TruncateEscaped(Escape(bounded), max);
    }

    /// <summary>Cuts plain text (no escaping) to <paramref name="max"/> characters with an ellipsis.</summary>
    public static string Truncate(string? text, int max)
    {
        text ??= "";
        if (text.Length <= max)
        {
            return text;
        }

        var room = Math.Max(0, max - Ellipsis.Length);
        return CutAtTextElement(text, room) + Ellipsis;
    }

    /// <summary>Cuts already-escaped mrkdwn without splitting an <c>&amp;…;</c> entity.</summary>
    public static string TruncateEscaped(string escaped, int max)
    {
        if (escaped.Length <= max)
        {
            return escaped;
        }

        var room = Math.Max(0, max - Ellipsis.Length);
        var cut = CutAtTextElement(escaped, room);
        var amp = cut.LastIndexOf('&');
        if (amp >= 0 && cut.IndexOf(';', amp) < 0)
        {
            cut = cut[..amp]; // never leave "&am"
        }

        return cut + Ellipsis;
    }

    /// <summary>Text with control characters other than newline and tab removed, trimmed.</summary>
    public static string Clean(string? text) => StripControl(text).Trim();

    /// <summary>Text with control characters other than newline and tab, and bidi overrides, removed; spacing kept.</summary>
    public static string StripControl(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\n' or '\t' || !Chat.TerminalText.IsHidden(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static string CutAtTextElement(string text, int room)
    {
        if (room <= 0)
        {
            return "";
        }

        var end = 0;
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            var next = enumerator.ElementIndex + enumerator.GetTextElement().Length;
            if (next > room)
            {
                break;
            }

            end = next;
        }

        return text[..end].TrimEnd();
    }
}
