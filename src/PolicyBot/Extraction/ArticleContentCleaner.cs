using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace PolicyBot.Extraction;

/// <summary>
/// Removes what is not article text: before scoring, invisible elements, page chrome and unlikely
/// candidates (negative class hints without positive ones); after the content is chosen, captions, asides,
/// pull quotes, the headline, boilerplate-hinted blocks (share bars, author boxes, related links, ads,
/// newsletter prompts) and, Readability-style, blocks whose link density or shape says they are not prose.
/// </summary>
internal static partial class ArticleContentCleaner
{
    private const string ChromeSelector =
        "nav, aside, dialog, menu, [role=navigation], [role=banner], [role=contentinfo], [role=complementary], [role=dialog], [role=alertdialog], [role=search], button, input, select, textarea, label, option";

    private const int MaxHeadlineGroupExtra = 150;
    private const int BulkRemovalThreshold = 64;

    private const string ContentMarkers = "main, article, [role=main], [itemprop=articleBody]";

    private const string InContentRemovals =
        "figcaption, aside, nav, footer, header, h1, menu, dialog, button, input, select, textarea, label, video, audio, map, "
        + "blockquote[class*=pull], [class*=pull-quote], [class*=pullquote], [class*=pull_quote], [class*=blockquote-pull], "
        + "[rel=author], [itemprop=author], [class*=sr-only], [class*=screen-reader], [class*=visually-hidden]";

    /// <summary>Prepares the whole page before scoring; returns the visible text's length (non-space characters) before unlikely candidates go.</summary>
    public static int Prepare(IElement body, HtmlClassHints hints, bool stripUnlikely)
    {
        HtmlBoilerplateFilter.RemoveNonText(body);
        Remove(body.QuerySelectorAll("*").Where(IsInvisible));
        Remove(body.QuerySelectorAll(ChromeSelector));
        Remove(body.QuerySelectorAll("header, footer").Where(e => e.QuerySelector(ContentMarkers) is null && !IsInside(e, "article, main, [itemprop=articleBody]")));
        var bodyText = body.TextContent;
        var visible = bodyText.Count(c => !char.IsWhiteSpace(c));
        if (!stripUnlikely)
        {
            return visible;
        }

        var bodyLength = bodyText.Length;
        var unlikely = new List<IElement>();
        foreach (var element in body.QuerySelectorAll("*"))
        {
            if (element.LocalName is "a" or "article" or "main" or "table" or "tbody" or "tr" or "td" or "code" or "pre"
                || !hints.IsUnlikely(element)
                || unlikely.Count > 0 && ArticleTextStatistics.IsWithin(element, unlikely[^1])
                || element.QuerySelector(ContentMarkers) is not null)
            {
                continue;
            }

            // A negatively named wrapper holding most of the page (e.g. "layout-with-sidebar") is not boilerplate.
            if (element.TextContent.Length > bodyLength * 0.6 && !IsComments(element))
            {
                continue;
            }

            unlikely.Add(element);
        }

        Remove(unlikely);
        return visible;
    }

    /// <summary>Cleans the chosen content roots in place.</summary>
    public static void Clean(IReadOnlyList<IElement> roots, string? title, HtmlClassHints hints, bool cleanConditionally)
    {
        foreach (var root in roots)
        {
            RemoveHeadlineGroups(root);
            RemoveLabelledAds(root);
            Remove(root.QuerySelectorAll(InContentRemovals));
            Remove(root.QuerySelectorAll("figure").Where(f => f.QuerySelectorAll("p").Sum(p => p.TextContent.Length) < 80));
            Remove(root.QuerySelectorAll("h2, h3").Where(h => SameAsTitle(h.TextContent, title)));
            RemoveBoilerplate(root, hints);
            if (cleanConditionally)
            {
                CleanConditionally(root, hints);
            }
        }
    }

    /// <summary>
    /// The headline is metadata. A small wrapper around it (kicker, "Press release" label, byline row) goes
    /// with it; a wrapper that also holds prose keeps everything but the headline.
    /// </summary>
    private static void RemoveHeadlineGroups(IElement root)
    {
        foreach (var h1 in root.QuerySelectorAll("h1").ToList())
        {
            var group = h1.ParentElement;
            if (group is null || ReferenceEquals(group, root) || !ArticleTextStatistics.IsWithin(group, root)
                || group.LocalName is "main" or "article" or "body"
                || group.TextContent.Length - h1.TextContent.Length > MaxHeadlineGroupExtra
                || group.QuerySelectorAll("p").Any(p => p.TextContent.Trim().Length >= 80))
            {
                h1.Remove();
                continue;
            }

            group.Remove();
        }
    }

    /// <summary>An "Advertisement" / "Sponsored" label marks the small box around it as an advert.</summary>
    private static void RemoveLabelledAds(IElement root)
    {
        var labels = root.QuerySelectorAll("*")
            .Where(e => e.ChildElementCount == 0 && e.TextContent.Length < 40 && AdLabel().IsMatch(e.TextContent))
            .ToList();
        var boxes = new List<IElement>();
        foreach (var label in labels)
        {
            // The label must open its box: "In 2019 <abbr>AD</abbr>" is prose, not an advert.
            var parent = label.ParentElement;
            if (parent is null || !parent.TextContent.TrimStart().StartsWith(label.TextContent.Trim(), StringComparison.Ordinal))
            {
                continue;
            }

            var box = !ReferenceEquals(parent, root) && parent.TextContent.Length <= 300 ? parent : label;
            if (!ReferenceEquals(box, root))
            {
                boxes.Add(box);
            }
        }

        Remove(boxes.Distinct());
    }

    private static void RemoveBoilerplate(IElement root, HtmlClassHints hints)
    {
        var stats = new ArticleTextStatistics(root);
        var rootText = Math.Max(1, stats[root].Text);
        var doomed = new List<IElement>();
        foreach (var element in stats.Elements)
        {
            if (ReferenceEquals(element, root) || (doomed.Count > 0 && ArticleTextStatistics.IsWithin(element, doomed[^1])) || !hints.IsBoilerplate(element))
            {
                continue;
            }

            if (stats[element].Text <= rootText * 0.5 && element.QuerySelector(ContentMarkers) is null)
            {
                doomed.Add(element);
            }
        }

        Remove(doomed);
    }

    /// <summary>Readability's conditional cleaning of lists, tables and containers with few commas.</summary>
    private static void CleanConditionally(IElement root, HtmlClassHints hints)
    {
        var stats = new ArticleTextStatistics(root);
        var rootText = Math.Max(1, stats[root].Text);
        var doomed = new List<IElement>();
        foreach (var element in stats.Elements)
        {
            if (ReferenceEquals(element, root) || (doomed.Count > 0 && ArticleTextStatistics.IsWithin(element, doomed[^1])))
            {
                continue;
            }

            var figures = stats[element];
            if (element.LocalName == "p")
            {
                // A paragraph that is nothing but a short link ("Download the full opinion (PDF)") points elsewhere.
                if (figures.Text is > 0 and < 120 && figures.LinkDensity >= 0.9)
                {
                    doomed.Add(element);
                }

                continue;
            }

            if (element.LocalName is not ("div" or "section" or "ul" or "ol" or "table" or "form" or "dl")
                || figures.Text > rootText * 0.5 || figures.Commas >= 10)
            {
                continue;
            }

            if (ShouldRemove(element, figures, hints))
            {
                doomed.Add(element);
            }
        }

        Remove(doomed);
    }

    private static bool ShouldRemove(IElement element, ArticleTextStatistics.Figures figures, HtmlClassHints hints)
    {
        var weight = hints.Weight(element);
        if (weight < 0)
        {
            return true;
        }

        var isList = element.LocalName is "ul" or "ol" or "dl";
        var paragraphs = figures.Paragraphs;
        var listItems = element.QuerySelectorAll("li").Length - 100;
        var inputs = element.QuerySelectorAll("input, select, textarea, button").Length;
        var linkDensity = figures.LinkDensity;
        if (isList)
        {
            return linkDensity > 0.5;
        }

        return listItems > paragraphs && linkDensity > 0.2
            || inputs > paragraphs / 3
            || figures.Text == 0
            || (weight < 25 && linkDensity > 0.2 && !HasProse(element))
            || (weight >= 25 && linkDensity > 0.5);
    }

    /// <summary>A block with several real paragraphs is prose even when it links a lot.</summary>
    private static bool HasProse(IElement element) =>
        element.QuerySelectorAll("p").Count(p => p.TextContent.Length > 120) >= 2;

    private static bool IsInvisible(IElement element)
    {
        if (element.HasAttribute("hidden") || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var style = element.GetAttribute("style");
        return style is not null && HiddenStyle().IsMatch(style);
    }

    private static bool IsComments(IElement element) =>
        CommentsHint().IsMatch(element.ClassName ?? string.Empty) || CommentsHint().IsMatch(element.Id ?? string.Empty);

    private static bool IsInside(IElement element, string selector) => element.ParentElement?.Closest(selector) is not null;

    private static bool SameAsTitle(string heading, string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return false;
        }

        var a = Normalize(heading);
        var b = Normalize(title);
        return a.Length > 0 && (a == b || (a.Length > 15 && b.Contains(a, StringComparison.Ordinal)) || (b.Length > 15 && a.Contains(b, StringComparison.Ordinal)));
    }

    private static string Normalize(string text) => NonWord().Replace(text.ToLowerInvariant(), " ").Trim();

    /// <summary>
    /// Detaches elements. Removing one child costs time proportional to its parent's child count, so a
    /// parent losing many children is rebuilt once instead (hostile pages: 100 000 ad slots in one list).
    /// </summary>
    private static void Remove(IEnumerable<IElement> elements)
    {
        foreach (var group in elements.GroupBy(e => e.ParentElement))
        {
            var parent = group.Key;
            if (parent is null)
            {
                continue;
            }

            var doomed = group.ToList();
            if (doomed.Count < BulkRemovalThreshold)
            {
                // Also covers elements without a parent element (nothing to rebuild).
                doomed.ForEach(e => e.Remove());
                continue;
            }

            var set = new HashSet<INode>(doomed);
            var keep = parent.ChildNodes.Where(n => !set.Contains(n)).ToArray();
            parent.TextContent = string.Empty;
            parent.Append(keep);
        }
    }

    [GeneratedRegex(@"^\s*(advertisement|advertising|advert|ad|sponsored( content)?|promoted|paid content|paid post|partner content|anzeige|publicité|publicidad|pubblicità)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AdLabel();

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HiddenStyle();

    [GeneratedRegex("comment|disqus|respond|discussion", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CommentsHint();

    [GeneratedRegex(@"[^\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex NonWord();
}
