using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace PolicyBot.Extraction;

/// <summary>
/// Extracts the readable text and metadata of a watched HTML page. With a CSS selector, only the matching
/// elements' text is returned (boilerplate inside them is still removed); an invalid selector yields empty
/// text — validate configuration with <see cref="IsValidSelector"/>. Without one, the main text is chosen
/// by <see cref="ArticleExtractor"/>. Never throws on bad input.
/// </summary>
public sealed class HtmlTextExtractor
{
    private static readonly HtmlParserOptions ParserOptions = new() { IsScripting = false };
    private readonly ArticleExtractor _articles = new();

    /// <summary>Extracts title, text, canonical URL, author and publication time.</summary>
    public ExtractedPage Extract(string html, Uri? baseUri, string? cssSelector)
    {
        if (cssSelector is null)
        {
            return _articles.Extract(html, baseUri);
        }

        using var document = Parse(html);
        var metadata = HtmlPageMetadataReader.Read(document, baseUri);
        var text = SelectedText(document, cssSelector);
        return new ExtractedPage(metadata.Title, text, metadata.CanonicalUrl, metadata.Author, metadata.PublishedAt);
    }

    /// <summary>Plain text of an HTML fragment (e.g. a feed entry's content), with the same paragraph rules.</summary>
    public string HtmlToText(string html)
    {
        using var document = Parse(html);
        if (document.Body is not { } body)
        {
            return string.Empty;
        }

        HtmlBoilerplateFilter.RemoveNonText(body);
        return HtmlTextRenderer.Render([body]);
    }

    /// <summary>True when <paramref name="cssSelector"/> is a selector this extractor can apply.</summary>
    public static bool IsValidSelector(string cssSelector)
    {
        if (string.IsNullOrWhiteSpace(cssSelector))
        {
            return false;
        }

        using var document = new HtmlParser().ParseDocument(string.Empty);
        try
        {
            document.QuerySelector(cssSelector);
            return true;
        }
        catch (DomException)
        {
            return false;
        }
    }

    private static IDocument Parse(string html) =>
        new HtmlParser(ParserOptions).ParseDocument(HtmlNestingLimiter.Limit(html ?? string.Empty));

    private static string SelectedText(IDocument document, string cssSelector)
    {
        List<IElement> matches;
        try
        {
            matches = document.QuerySelectorAll(cssSelector).ToList();
        }
        catch (DomException)
        {
            return string.Empty;
        }

        // Outermost matches only, so nested matches are not rendered twice.
        var outermost = matches.Where(m => !matches.Any(other => !ReferenceEquals(other, m) && other.Contains(m))).ToList();
        foreach (var match in outermost)
        {
            HtmlBoilerplateFilter.RemoveBoilerplate(match);
        }

        return HtmlTextRenderer.Render(outermost);
    }
}
