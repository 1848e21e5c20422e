using AngleSharp.Dom;

namespace PolicyBot.Extraction;

/// <summary>
/// Readability-style choice of the main content: every paragraph of at least 25 characters scores
/// 1 + commas + one point per 100 characters (at most 3), reduced by its own link density, and credits its
/// container fully, the next ancestor by half and further ancestors by a third per level. Containers start
/// from a tag and class/id weight; final scores are scaled by (1 − link density). The best container may be
/// lifted to a shared ancestor of near-equal rivals, and its qualifying siblings are kept with it.
/// </summary>
internal static class ArticleCandidateScorer
{
    public const int MinParagraphLength = 25;
    private const int AncestorLevels = 5;

    private static readonly HashSet<string> ParagraphTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "pre", "td", "th", "li", "blockquote", "dd", "dt", "address", "figcaption", "summary", "caption",
    };

    private static readonly HashSet<string> NeverParagraphs = new(StringComparer.OrdinalIgnoreCase)
    {
        "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "tbody", "thead", "tfoot", "tr", "html", "hr",
    };

    /// <summary>The main content's elements in document order, or empty when no paragraph qualified.</summary>
    /// <param name="hints">Class/id hints to weight candidates with, or null to ignore class names.</param>
    public static IReadOnlyList<IElement> Select(IElement body, ArticleTextStatistics stats, HtmlClassHints? hints)
    {
        var (scores, earned) = Score(stats, hints);
        if (scores.Count == 0)
        {
            return [];
        }

        foreach (var candidate in scores.Keys.ToList())
        {
            scores[candidate] *= 1 - stats[candidate].LinkDensity;
        }

        var ranked = scores.OrderByDescending(kv => kv.Value).Take(6).ToList();
        var top = ranked[0].Key;
        top = SharedAncestor(top, ranked.Skip(1).Where(kv => kv.Value >= ranked[0].Value * 0.75).Select(kv => kv.Key).ToList(), body);
        top = Climb(top, scores, body);
        while (top.ParentElement is { } parent && !ReferenceEquals(top, body) && !ReferenceEquals(parent, body) && parent.Children.Length == 1)
        {
            top = parent;
        }

        return WithSiblings(top, scores, earned, stats, body);
    }

    /// <summary>Scores with initial tag/class weights, and the part earned from paragraphs alone.</summary>
    private static (Dictionary<IElement, double> Scores, Dictionary<IElement, double> Earned) Score(ArticleTextStatistics stats, HtmlClassHints? hints)
    {
        var scores = new Dictionary<IElement, double>();
        var earned = new Dictionary<IElement, double>();
        foreach (var element in stats.Elements)
        {
            var figures = stats[element];
            if (figures.Inline < MinParagraphLength || !ArticleTextStatistics.IsBlock(element) || NeverParagraphs.Contains(element.LocalName))
            {
                continue;
            }

            var score = (1 + figures.InlineCommas + Math.Min(figures.Inline / 100, 3)) * (1 - figures.InlineLinkDensity);
            if (score <= 0)
            {
                continue;
            }

            // Text loose in a container (between blocks or split by <br>) is that container's own paragraph.
            var holder = ParagraphTags.Contains(element.LocalName) || (!figures.HasBlockChild && !figures.HasBreak)
                ? element.ParentElement
                : element;
            var level = 0;
            for (var ancestor = holder; ancestor is not null && ancestor.LocalName != "html" && level < AncestorLevels; ancestor = ancestor.ParentElement, level++)
            {
                if (!scores.ContainsKey(ancestor))
                {
                    scores[ancestor] = Initial(ancestor, hints);
                }

                var share = score / (level switch { 0 => 1, 1 => 2, _ => level * 3 });
                scores[ancestor] += share;
                earned[ancestor] = earned.GetValueOrDefault(ancestor) + share;
            }
        }

        return (scores, earned);
    }

    private static double Initial(IElement element, HtmlClassHints? hints)
    {
        double score = element.LocalName switch
        {
            "div" or "article" or "main" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        if (string.Equals(element.GetAttribute("itemprop"), "articleBody", StringComparison.OrdinalIgnoreCase))
        {
            score += 25;
        }

        return hints is null ? score : score + hints.Weight(element);
    }

    /// <summary>When three near-equal rivals share an ancestor with the best candidate, that ancestor is the article.</summary>
    private static IElement SharedAncestor(IElement top, List<IElement> rivals, IElement body)
    {
        if (rivals.Count < 3 || ReferenceEquals(top, body) || !ArticleTextStatistics.IsWithin(top, body))
        {
            return top;
        }

        for (var parent = top.ParentElement; parent is not null && !ReferenceEquals(parent, body); parent = parent.ParentElement)
        {
            if (rivals.Count(r => ArticleTextStatistics.IsWithin(r, parent)) >= 3)
            {
                return parent;
            }
        }

        return top;
    }

    /// <summary>Moves up while the parent scores at least a third of the candidate, taking a parent that scores higher.</summary>
    private static IElement Climb(IElement top, Dictionary<IElement, double> scores, IElement body)
    {
        if (!scores.TryGetValue(top, out var lastScore))
        {
            return top;
        }

        var threshold = lastScore / 3;
        for (var parent = top.ParentElement; parent is not null && !ReferenceEquals(top, body) && !ReferenceEquals(parent, body); parent = parent.ParentElement)
        {
            if (!scores.TryGetValue(parent, out var parentScore))
            {
                continue;
            }

            if (parentScore < threshold)
            {
                break;
            }

            if (parentScore > lastScore)
            {
                return parent;
            }

            lastScore = parentScore;
        }

        return top;
    }

    private static List<IElement> WithSiblings(IElement top, Dictionary<IElement, double> scores, Dictionary<IElement, double> earned, ArticleTextStatistics stats, IElement body)
    {
        if (ReferenceEquals(top, body) || top.ParentElement is not { } parent)
        {
            return [top];
        }

        var topScore = scores.GetValueOrDefault(top);
        var threshold = Math.Max(10, topScore * 0.2);
        var kept = new List<IElement>();
        foreach (var sibling in parent.Children)
        {
            if (ReferenceEquals(sibling, top))
            {
                kept.Add(sibling);
                continue;
            }

            var bonus = !string.IsNullOrEmpty(top.ClassName) && sibling.ClassName == top.ClassName ? topScore * 0.2 : 0;

            // A sibling must earn its place with text: a positive class name alone ("post-card") is not enough.
            if (earned.TryGetValue(sibling, out var score) && score * (1 - stats[sibling].LinkDensity) + bonus >= threshold)
            {
                kept.Add(sibling);
            }
            else if (sibling.LocalName == "p" || (sibling.LocalName == "div" && !stats[sibling].HasBlockChild))
            {
                var figures = stats[sibling];
                if ((figures.Text > 80 && figures.LinkDensity < 0.25)
                    || (figures.Text is > 0 and <= 80 && figures.LinkText == 0 && EndsSentence(sibling.TextContent)))
                {
                    kept.Add(sibling);
                }
            }
        }

        return kept;
    }

    private static bool EndsSentence(string text)
    {
        var trimmed = text.TrimEnd();
        return trimmed.Contains(". ", StringComparison.Ordinal) || trimmed.EndsWith('.');
    }
}
