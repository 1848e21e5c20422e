using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace PolicyBot.Extraction;

/// <summary>
/// Removes what is not page content: scripts and other non-text elements, page chrome (nav, header,
/// footer, aside, forms), and elements whose id, class or aria-label mark them as cookie/consent banners,
/// newsletter prompts, share bars, related/recommended blocks, ads or comments.
/// </summary>
internal static partial class HtmlBoilerplateFilter
{
    /// <summary>Never text: removed everywhere, including inside feed entry fragments.</summary>
    public const string NonTextSelector = "script, style, noscript, template, svg, iframe, object, embed, canvas, head";

    private const string ChromeSelector = "nav, header, footer, aside, form, dialog, [role=navigation], [role=banner], [role=contentinfo], [role=complementary]";

    private static readonly HashSet<string> BoilerplateTokens = new(StringComparer.OrdinalIgnoreCase)
    {
        "cookie", "cookies", "consent", "gdpr", "cmp",
        "newsletter", "subscribe", "subscription", "signup",
        "share", "sharing", "sharebar", "social", "sharethis", "addthis",
        "related", "recommended", "recommendations", "recirc", "outbrain", "taboola", "promo",
        "ad", "ads", "advert", "adverts", "advertisement", "advertising", "sponsor", "sponsored", "adslot", "adunit",
        "comment", "comments", "disqus", "respond",
    };

    /// <summary>Removes non-text elements under <paramref name="scope"/>.</summary>
    public static void RemoveNonText(IParentNode scope) => Remove(scope.QuerySelectorAll(NonTextSelector));

    /// <summary>Removes non-text, chrome and boilerplate elements strictly inside <paramref name="scope"/>.</summary>
    public static void RemoveBoilerplate(IParentNode scope)
    {
        RemoveNonText(scope);
        Remove(scope.QuerySelectorAll(ChromeSelector));
        Remove(scope.QuerySelectorAll("[id], [class], [aria-label]").Where(IsBoilerplate));
    }

    public static bool IsBoilerplate(IElement element)
    {
        if (element.LocalName is "body" or "html" or "main" or "article")
        {
            return false;
        }

        // A wrapper such as <div class="page has-ads"> that holds the main content is not boilerplate.
        return (Marks(element.Id) || Marks(element.ClassName) || Marks(element.GetAttribute("aria-label")))
            && element.QuerySelector("main, article, [role=main]") is null;
    }

    private static bool Marks(string? value) =>
        !string.IsNullOrEmpty(value) && Tokens().Split(CamelHump().Replace(value, "$1 $2")).Any(BoilerplateTokens.Contains);

    private static void Remove(IEnumerable<IElement> elements)
    {
        foreach (var element in elements.ToList())
        {
            element.Remove();
        }
    }

    [GeneratedRegex("[^A-Za-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex Tokens();

    [GeneratedRegex("([a-z0-9])([A-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex CamelHump();
}
