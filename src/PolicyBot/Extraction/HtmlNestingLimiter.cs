using System.Text;

namespace PolicyBot.Extraction;

/// <summary>
/// Drops start/end tags nested deeper than a limit before HTML parsing. HTML tree construction checks
/// the stack of open elements for every tag, so absurd nesting (hostile or broken pages) would cost
/// quadratic time; text is kept, only the excess structure is flattened. Auto-closing elements (p, li,
/// td, ...) and void elements are not counted, so ordinary sloppy HTML never reaches the limit.
/// </summary>
internal static class HtmlNestingLimiter
{
    public const int MaxDepth = 512;

    private static readonly HashSet<string> Uncounted = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rb", "rt", "rp",
    };

    private readonly record struct Tag(int Start, int End, bool Closing);

    public static string Limit(string html)
    {
        if (!Exceeds(html))
        {
            return html;
        }

        var sb = new StringBuilder(html.Length);
        var depth = 0;
        var last = 0;
        foreach (var tag in CountedTags(html))
        {
            var drop = tag.Closing ? depth > MaxDepth : depth >= MaxDepth;
            depth = tag.Closing ? Math.Max(0, depth - 1) : depth + 1;
            if (drop)
            {
                sb.Append(html, last, tag.Start - last);
                last = tag.End;
            }
        }

        sb.Append(html, last, html.Length - last);
        return sb.ToString();
    }

    private static bool Exceeds(string html)
    {
        var depth = 0;
        foreach (var tag in CountedTags(html))
        {
            depth = tag.Closing ? Math.Max(0, depth - 1) : depth + 1;
            if (depth > MaxDepth)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Start and end tags that open a nesting level (a cheap scan, not an HTML tokenizer).</summary>
    private static IEnumerable<Tag> CountedTags(string html)
    {
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0)
        {
            var start = i;
            var nameStart = i + 1;
            var closing = nameStart < html.Length && html[nameStart] == '/';
            if (closing)
            {
                nameStart++;
            }

            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] == '-'))
            {
                nameEnd++;
            }

            var end = html.IndexOf('>', nameEnd);
            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]) || end < 0)
            {
                i = start + 1;
                continue;
            }

            i = end + 1;
            var selfClosing = html[end - 1] == '/';
            if (!selfClosing && !Uncounted.Contains(html.AsSpan(nameStart, nameEnd - nameStart).ToString()))
            {
                yield return new Tag(start, end + 1, closing);
            }
        }
    }
}
