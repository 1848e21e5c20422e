using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace PolicyBot.Extraction;

/// <summary>
/// What an element's class, id, role, aria-label and (custom) tag name say about it: Readability-style
/// positive hints (article, content, post, ...) and negative hints (comment, share, related, ...). Names are
/// split into tokens ("relatedLinks" → related, links) and a hint matches a token it starts or ends with,
/// so "sharebar" and "postmeta" match but "header" does not match "ad". Verdicts are memoised per
/// attribute value, so use one instance per document.
/// </summary>
internal sealed partial class HtmlClassHints
{
    /// <summary>What one class/id/role value says.</summary>
    private readonly record struct Verdict(bool Negative, bool Positive, bool MaybeContent, bool Strong);

    private readonly Dictionary<string, Verdict> _verdicts = new(StringComparer.Ordinal);

    private static readonly string[] Positive = ["article", "body", "content", "entry", "main", "page", "post", "text", "story", "blog", "hentry"];

    private static readonly string[] Negative =
    [
        "comment", "meta", "footer", "footnote", "related", "recommend", "share", "sharing", "social", "sidebar", "promo",
        "sponsor", "newsletter", "subscribe", "subscription", "signup", "cookie", "consent", "gdpr", "byline", "author",
        "caption", "credit", "widget", "breadcrumb", "nav", "menu", "popup", "modal", "masthead", "banner", "combx",
        "disqus", "outbrain", "taboola", "recirc", "paywall", "toolbar", "tags", "pagination", "pager", "rss", "shoutbox",
        "skyscraper", "tooltip", "overlay", "lightbox", "teaser", "trending", "mostread", "popular", "bio", "print", "header",
        "hdr", "bnr", "copyright", "dek", "standfirst", "kicker", "community", "supplemental", "agegate", "remark", "replies",
        "contact", "shopping",
    ];

    /// <summary>Negative hints that mark an element as boilerplate even when a positive hint is also present.</summary>
    private static readonly string[] Strong =
    [
        "comment", "comments", "related", "recommend", "share", "sharing", "social", "newsletter", "subscribe", "signup",
        "cookie", "consent", "gdpr", "byline", "caption", "breadcrumb", "popup", "modal", "disqus", "outbrain", "taboola",
        "recirc", "promo", "sponsor", "sponsored", "advert", "advertisement", "authorbox", "author", "bio", "widget",
        "sidebar", "tags", "mostread", "trending", "paywall", "pullquote", "footnote", "toolbar", "credit", "meta", "footer",
        "dek", "standfirst", "strapline", "subtitle", "subheadline", "kicker", "eyebrow", "tagline", "copyright", "hdr", "bnr",
    ];

    /// <summary>Tokens that mean an advert only when they are the whole token.</summary>
    private static readonly HashSet<string> AdTokens = new(StringComparer.OrdinalIgnoreCase)
    {
        "ad", "ads", "adv", "advert", "adverts", "advertisement", "advertising", "adslot", "adunit", "adsense", "dfp", "gpt", "adbox", "adwrap", "adcontainer",
    };

    /// <summary>Readability class weight: +25 per positive and −25 per negative class/id.</summary>
    public int Weight(IElement element)
    {
        var weight = 0;
        foreach (var value in (string?[])[element.ClassName, element.Id])
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            var verdict = Judge(value);
            weight += (verdict.Negative ? -25 : 0) + (verdict.Positive ? 25 : 0);
        }

        return weight;
    }

    /// <summary>True when class, id, role, aria-label or custom tag name carry a strong boilerplate hint.</summary>
    public bool IsBoilerplate(IElement element) => Descriptors(element).Any(v => Judge(v).Strong);

    /// <summary>True when class/id are negative and not positive (Readability's "unlikely candidate").</summary>
    public bool IsUnlikely(IElement element)
    {
        var negative = false;
        foreach (var value in Descriptors(element))
        {
            var verdict = Judge(value);
            if (verdict.Positive || verdict.MaybeContent)
            {
                return false;
            }

            negative |= verdict.Negative;
        }

        return negative;
    }

    private Verdict Judge(string value)
    {
        if (_verdicts.TryGetValue(value, out var verdict))
        {
            return verdict;
        }

        var tokens = Split(value);
        verdict = new Verdict(
            Negative: tokens.Any(IsNegative),
            Positive: tokens.Any(IsPositive),
            MaybeContent: tokens.Any(t => t is "and" or "column" or "shadow"),
            Strong: tokens.Any(t => AdTokens.Contains(t) || Matches(t, Strong)));
        if (_verdicts.Count < 10_000)
        {
            _verdicts[value] = verdict;
        }

        return verdict;
    }

    private static bool IsNegative(string token) => AdTokens.Contains(token) || Matches(token, Negative);

    /// <summary>A token is positive only when it is not also negative ("pagination", "postmeta").</summary>
    private static bool IsPositive(string token) => !IsNegative(token) && Matches(token, Positive);

    private static IEnumerable<string> Descriptors(IElement element)
    {
        foreach (var value in (string?[])[element.ClassName, element.Id, element.GetAttribute("role"), element.GetAttribute("aria-label"), element.GetAttribute("data-component")])
        {
            if (!string.IsNullOrEmpty(value))
            {
                yield return value;
            }
        }

        if (element.LocalName.Contains('-'))
        {
            yield return element.LocalName;
        }
    }

    private static bool Matches(string token, string[] hints)
    {
        foreach (var hint in hints)
        {
            if (token.StartsWith(hint, StringComparison.OrdinalIgnoreCase)
                || (hint.Length >= 4 && token.EndsWith(hint, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    private static string[] Split(string value) =>
        Tokens().Split(CamelHump().Replace(value.Length > 300 ? value[..300] : value, "$1 $2"))
            .Where(t => t.Length > 0)
            .Select(t => t.ToLowerInvariant())
            .ToArray();

    [GeneratedRegex("[^A-Za-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex Tokens();

    [GeneratedRegex("([a-z0-9])([A-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex CamelHump();
}
