using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace PolicyBot.Extraction;

/// <summary>
/// Renders DOM nodes to plain text: block elements and &lt;br&gt; become paragraph breaks, paragraphs are
/// separated by exactly one blank line, whitespace inside a paragraph is collapsed. Iterative, so
/// arbitrarily deep documents cannot overflow the stack.
/// </summary>
internal static partial class HtmlTextRenderer
{
    private const char Break = '\u0001';

    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "caption", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
        "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul",
        "body", "html", "center", "menu", "option", "legend",
    };

    public static string Render(IEnumerable<INode> roots)
    {
        var sb = new StringBuilder();
        var stack = new Stack<(INode Node, bool Exit)>();
        foreach (var root in roots.Reverse())
        {
            stack.Push((root, false));
        }

        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            if (node is IText text)
            {
                sb.Append(text.Data);
                continue;
            }

            if (node is not IElement element)
            {
                continue;
            }

            var name = element.LocalName;
            if (name is "br")
            {
                sb.Append(Break);
                continue;
            }

            var separator = BlockElements.Contains(name) ? Break : name is "td" or "th" ? ' ' : '\0';
            if (separator != '\0')
            {
                sb.Append(separator);
            }

            if (exit)
            {
                continue;
            }

            if (separator != '\0')
            {
                stack.Push((node, true));
            }

            // Indexing ChildNodes is O(1); PreviousSibling walks the parent's list and would be quadratic.
            var children = node.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                stack.Push((children[i], false));
            }
        }

        return Join(sb.ToString());
    }

    private static string Join(string raw) =>
        string.Join("\n\n", raw.Split(Break)
            .Select(p => Whitespace().Replace(p, " ").Trim())
            .Where(p => p.Length > 0));

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
