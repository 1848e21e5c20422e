using AngleSharp.Dom;

namespace PolicyBot.Extraction;

/// <summary>
/// Text measurements of every element under a root, computed in one iterative post-order pass (so deep
/// documents cost linear time and no stack): text length with whitespace runs counted once, link text,
/// commas, and the same figures for the element's own inline text (text not inside a block child).
/// </summary>
internal sealed class ArticleTextStatistics
{
    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "dd", "details", "dialog", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li",
        "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "body",
        "html", "center", "menu", "summary", "caption", "picture", "video", "audio",
    };

    /// <summary>Figures of one element.</summary>
    public sealed class Figures
    {
        public int Text { get; set; }
        public int LinkText { get; set; }
        public int Commas { get; set; }
        public int Inline { get; set; }
        public int InlineLink { get; set; }
        public int InlineCommas { get; set; }
        public bool HasBlockChild { get; set; }
        public bool HasBreak { get; set; }
        public int Paragraphs { get; set; }

        public double LinkDensity => Text == 0 ? 0 : (double)LinkText / Text;
        public double InlineLinkDensity => Inline == 0 ? 0 : (double)InlineLink / Inline;
    }

    private readonly Dictionary<IElement, Figures> _figures = new();
    private readonly List<IElement> _order = new();

    private static readonly Figures Empty = new();

    public ArticleTextStatistics(IElement root) => Measure(root);

    public Figures this[IElement element] => _figures.TryGetValue(element, out var figures) ? figures : Empty;

    /// <summary>All measured elements in document order.</summary>
    public IReadOnlyList<IElement> Elements => _order;

    public static bool IsBlock(IElement element) => BlockElements.Contains(element.LocalName);

    /// <summary>True when <paramref name="element"/> is <paramref name="root"/> or still attached below it (walks up, not down).</summary>
    public static bool IsWithin(IElement element, IElement root)
    {
        for (var current = element; current is not null; current = current.ParentElement)
        {
            if (ReferenceEquals(current, root))
            {
                return true;
            }
        }

        return false;
    }

    private void Measure(IElement root)
    {
        var order = _order;
        var stack = new Stack<IElement>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            order.Add(element);
            _figures[element] = new Figures();
            // ChildNodes indexes in O(1); Children is a filtered view whose indexer walks the list.
            var children = element.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                if (children[i] is IElement child)
                {
                    stack.Push(child);
                }
            }
        }

        // Children come after their parent in pre-order, so walking backwards finishes children first.
        for (var i = order.Count - 1; i >= 0; i--)
        {
            Finish(order[i]);
        }
    }

    private void Finish(IElement element)
    {
        var figures = _figures[element];
        var isLink = element.LocalName == "a";
        var children = element.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            switch (children[i])
            {
                case IText text:
                    var (length, commas) = Measure(text.Data);
                    figures.Text += length;
                    figures.Commas += commas;
                    figures.Inline += length;
                    figures.InlineCommas += commas;
                    break;
                case IElement child when _figures.TryGetValue(child, out var c):
                    figures.Text += c.Text;
                    figures.Commas += c.Commas;
                    figures.LinkText += child.LocalName == "a" ? c.Text : c.LinkText;
                    figures.Paragraphs += c.Paragraphs + (child.LocalName == "p" ? 1 : 0);
                    if (child.LocalName == "br")
                    {
                        figures.HasBreak = true;
                    }
                    else if (IsBlock(child))
                    {
                        figures.HasBlockChild = true;
                    }
                    else
                    {
                        figures.Inline += c.Inline;
                        figures.InlineCommas += c.InlineCommas;
                        figures.InlineLink += child.LocalName == "a" ? c.Inline : c.InlineLink;
                    }

                    break;
            }
        }

        if (isLink)
        {
            figures.LinkText = figures.Text;
        }
    }

    /// <summary>Length with whitespace runs (and leading/trailing whitespace) counted as one character, and commas.</summary>
    private static (int Length, int Commas) Measure(string text)
    {
        var length = 0;
        var commas = 0;
        var inSpace = true;
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch))
            {
                if (!inSpace)
                {
                    length++;
                    inSpace = true;
                }

                continue;
            }

            inSpace = false;
            length++;
            if (ch is ',' or '\uFF0C' or '\u3001' or '\u060C')
            {
                commas++;
            }
        }

        return (length, commas);
    }
}
