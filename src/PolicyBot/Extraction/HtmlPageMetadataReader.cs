using System.Text.RegularExpressions;
using AngleSharp.Dom;
using PolicyBot.Sources.Feeds;

namespace PolicyBot.Extraction;

/// <summary>
/// Reads a page's title, canonical URL, author and publication time. Title: og:title, JSON-LD headline,
/// twitter:title, &lt;title&gt; without its " | Site" part, first &lt;h1&gt;. Author: JSON-LD author names,
/// meta author tags, rel=author, byline markup. Published: JSON-LD datePublished, article:published_time,
/// date meta tags, &lt;time&gt; in the article. Canonical: link rel=canonical, og:url, JSON-LD url.
/// </summary>
internal static partial class HtmlPageMetadataReader
{
    private const int MaxAuthorLength = 150;

    /// <summary>At most this many meta/time elements are consulted, so hostile pages cannot multiply the work.</summary>
    private const int MaxElements = 2000;

    /// <summary>Metadata of one page (read before boilerplate removal).</summary>
    public sealed record Metadata(string? Title, string? CanonicalUrl, string? Author, DateTimeOffset? PublishedAt, string? SiteName);

    private static readonly string[] AuthorMetaSelectors =
    [
        "meta[name='author' i]", "meta[property='article:author' i]", "meta[name='article:author' i]", "meta[name='byl' i]",
        "meta[name='parsely-author' i]", "meta[name='sailthru.author' i]", "meta[name='dc.creator' i]", "meta[name='dcterms.creator' i]",
        "meta[itemprop='author' i]",
    ];

    private static readonly string[] DateMetaSelectors =
    [
        "meta[property='article:published_time' i]", "meta[name='article:published_time' i]", "meta[itemprop='datePublished' i]",
        "meta[name='date' i]", "meta[name='pubdate' i]", "meta[name='publishdate' i]", "meta[name='publish-date' i]",
        "meta[name='publish_date' i]", "meta[name='dc.date' i]", "meta[name='dc.date.issued' i]", "meta[name='dcterms.date' i]",
        "meta[name='dcterms.issued' i]", "meta[name='dcterms.created' i]", "meta[name='sailthru.date' i]",
        "meta[name='parsely-pub-date' i]", "meta[property='og:published_time' i]", "meta[name='citation_publication_date' i]",
    ];

    private static readonly string[] TimeSelectors =
    [
        "time[itemprop='datePublished' i]", "[itemprop='datePublished' i][datetime]", "time[pubdate]",
        "article time[datetime]", "main time[datetime]", "time[datetime]",
    ];

    private const string VisibleDateSelector =
        "time, [class*='date' i], [class*='time' i], [class*='byline' i], [class*='meta' i], [class*='publish' i], [class*='posted' i], [class*='slug' i], [class='by' i], [id*='date' i]";

    public static Metadata Read(IDocument document, Uri? baseUri)
    {
        var jsonLd = new JsonLdMetadata(document);
        var metas = document.QuerySelectorAll("meta[content]").Take(MaxElements).ToList();
        var siteName = Clean(Meta(metas, "meta[property='og:site_name' i]")) ?? Clean(jsonLd.Publisher) ?? Clean(Meta(metas, "meta[name='application-name' i]"));
        return new Metadata(Title(document, metas, jsonLd), Canonical(document, metas, jsonLd, baseUri), Author(document, metas, jsonLd), Published(document, metas, jsonLd), siteName);
    }

    private static string? Title(IDocument document, IReadOnlyList<IElement> metas, JsonLdMetadata jsonLd)
    {
        var site = Clean(Meta(metas, "meta[property='og:site_name' i]"));
        var h1 = Clean(document.QuerySelector("h1")?.TextContent);
        if (Clean(Meta(metas, "meta[property='og:title' i]")) is { } og)
        {
            return WithoutSite(og, site, h1, strict: true);
        }

        if (Clean(jsonLd.Headline) is { } headline)
        {
            return headline;
        }

        if (Clean(Meta(metas, "meta[name='twitter:title' i]")) is { } twitter)
        {
            return WithoutSite(twitter, site, h1, strict: true);
        }

        return Clean(document.QuerySelector("title")?.TextContent) is { } title ? WithoutSite(title, site, h1, strict: false) : h1;
    }

    /// <summary>Drops a " | Site" style part: the site's name when known, else (for &lt;title&gt;) the shorter end.</summary>
    private static string WithoutSite(string title, string? site, string? h1, bool strict)
    {
        if (h1 is { Length: > 10 } && !string.Equals(h1, title, StringComparison.Ordinal) && title.Contains(h1, StringComparison.OrdinalIgnoreCase))
        {
            return h1;
        }

        var parts = Separator().Split(title).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        if (parts.Count < 2)
        {
            return title;
        }

        if (site is not null)
        {
            var withoutSite = parts.Where(p => !string.Equals(p, site, StringComparison.OrdinalIgnoreCase)).ToList();
            if (withoutSite.Count < parts.Count && withoutSite.Count > 0)
            {
                return string.Join(" - ", withoutSite);
            }
        }

        if (strict)
        {
            return title;
        }

        // The site's name is the shorter side: "Headline - Site" or "Site | Headline".
        var separators = Separator().Matches(title);
        var last = separators[^1];
        var beforeLast = title[..last.Index].Trim();
        var afterLast = title[(last.Index + last.Length)..].Trim();
        if (Words(afterLast) < Words(beforeLast) && Words(beforeLast) >= 2)
        {
            return beforeLast;
        }

        var first = separators[0];
        var beforeFirst = title[..first.Index].Trim();
        var afterFirst = title[(first.Index + first.Length)..].Trim();
        return Words(beforeFirst) < Words(afterFirst) && Words(afterFirst) >= 2 ? afterFirst : title;
    }

    private static string? Canonical(IDocument document, IReadOnlyList<IElement> metas, JsonLdMetadata jsonLd, Uri? baseUri) =>
        Absolute(document.QuerySelector("link[rel~='canonical' i]")?.GetAttribute("href"), baseUri)
        ?? Absolute(Meta(metas, "meta[property='og:url' i]"), baseUri)
        ?? Absolute(jsonLd.Url, baseUri);

    private static string? Author(IDocument document, IReadOnlyList<IElement> metas, JsonLdMetadata jsonLd) =>
        AuthorCandidates(document, metas, jsonLd).Select(Clean).Select(ToName).FirstOrDefault(n => n is not null);

    /// <summary>Author sources in order of trust, evaluated lazily (markup is searched only when needed).</summary>
    private static IEnumerable<string?> AuthorCandidates(IDocument document, IReadOnlyList<IElement> metas, JsonLdMetadata jsonLd)
    {
        yield return jsonLd.Authors;
        foreach (var selector in AuthorMetaSelectors)
        {
            yield return Meta(metas, selector);
        }

        yield return document.QuerySelector("a[rel~='author' i]")?.TextContent;
        yield return document.QuerySelector("[itemprop='author' i] [itemprop='name' i]")?.TextContent;
        yield return document.QuerySelector("[itemprop='author' i]")?.TextContent;
        yield return document.QuerySelector(".byline, .author-name, .byline-name, [class*='byline'], .author, .autor, .auteur")?.TextContent;
    }

    private static string? ToName(string? text)
    {
        if (text is null || text.Contains("://", StringComparison.Ordinal))
        {
            return null;
        }

        var name = BylinePrefix().Replace(text, string.Empty).Trim().TrimEnd(',', ';', '|', '·').Trim();
        return name.Length is > 1 and <= MaxAuthorLength ? name : null;
    }

    private static DateTimeOffset? Published(IDocument document, IReadOnlyList<IElement> metas, JsonLdMetadata jsonLd)
    {
        if ((Date(jsonLd.DatePublished) ?? DateMetaSelectors.Select(s => Date(Meta(metas, s))).FirstOrDefault(d => d is not null)) is { } declared)
        {
            return declared;
        }

        var times = Times(document);
        return TimeSelectors.SelectMany(selector => times.Where(t => t.Matches(selector)))
            .Select(t => Date(t.GetAttribute("datetime") ?? t.GetAttribute("content")))
            .FirstOrDefault(d => d is not null)
            ?? VisibleDate(document);
    }

    private static List<IElement> Times(IDocument document) =>
        document.QuerySelectorAll("time, [itemprop='datePublished' i]").Take(MaxElements).ToList();

    /// <summary>A date written in a dateline, byline or meta line, preferring those inside the article.</summary>
    private static DateTimeOffset? VisibleDate(IDocument document)
    {
        var lines = document.QuerySelectorAll(VisibleDateSelector)
            .Where(e => e.TextContent.Length <= 160 && e.Closest("footer, nav, aside, li") is null)
            .Take(200)
            .ToList();
        return lines.Where(e => e.Closest("article, main, [role=main]") is not null).Concat(lines)
            .Select(e => VisibleDateParser.TryParse(e.TextContent, out var value) ? value : (DateTimeOffset?)null)
            .FirstOrDefault(d => d is not null);
    }

    /// <summary>Content of the first meta element matching <paramref name="selector"/> (matched against the few metas, not the whole tree).</summary>
    private static string? Meta(IReadOnlyList<IElement> metas, string selector) => metas.FirstOrDefault(m => m.Matches(selector))?.GetAttribute("content");

    private static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static int Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static string? Absolute(string? href, Uri? baseUri)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        var trimmed = href.Trim();
        if (trimmed.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(trimmed, UriKind.Absolute, out var absolute))
        {
            return absolute.ToString();
        }

        return baseUri is { IsAbsoluteUri: true } && Uri.TryCreate(baseUri, trimmed, out var combined) ? combined.ToString() : null;
    }

    private static DateTimeOffset? Date(string? text) => FeedDateParser.TryParse(text, out var value) ? value : null;

    [GeneratedRegex(@"\s+[|\-–—·•:»/]{1,2}\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Separator();

    [GeneratedRegex(@"^(?i:(written |words |posted |published )?by|von|par|por|door)\s*:?\s+", RegexOptions.CultureInvariant)]
    private static partial Regex BylinePrefix();
}
