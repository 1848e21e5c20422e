using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace PolicyBot.Extraction;

/// <summary>
/// Readability-grade article extraction: the main text without navigation, headers, footers, related
/// links, share bars, cookie and newsletter prompts, captions, bylines and author boxes, plus title, author,
/// publication time and canonical URL from JSON-LD, OpenGraph, meta tags and the page. Paragraphs are
/// separated by one blank line; the headline is metadata, not text. Bounded work on huge, deeply nested or
/// binary input; never throws.
/// </summary>
public sealed class ArticleExtractor
{
    /// <summary>Below this many characters the strict pass is retried without class hints and conditional cleaning.</summary>
    private const int RetryBelow = 200;

    private static readonly HtmlParserOptions ParserOptions = new() { IsScripting = false };

    /// <summary>Extracts the article of <paramref name="html"/>; relative canonical URLs resolve against <paramref name="baseUri"/>.</summary>
    public ExtractedPage Extract(string html, Uri? baseUri)
    {
        var source = HtmlNestingLimiter.Limit(html ?? string.Empty);
        using var document = Parse(source);
        var metadata = HtmlPageMetadataReader.Read(document, baseUri);
        var (text, found, visible) = MainText(document, metadata, strict: true);

        // Retry without class hints and conditional cleaning (Readability's fallback) only when the page
        // visibly holds much more text than was kept, so huge empty or binary pages are not parsed twice.
        if ((!found || text.Length < RetryBelow) && visible > NonSpace(text) * 3 / 2 + 50)
        {
            using var again = Parse(source);
            var (lenient, _, _) = MainText(again, metadata, strict: false);
            if (lenient.Length > text.Length)
            {
                text = lenient;
            }
        }

        return new ExtractedPage(metadata.Title, text, metadata.CanonicalUrl, metadata.Author, metadata.PublishedAt);
    }

    private static IDocument Parse(string html) => new HtmlParser(ParserOptions).ParseDocument(html);

    private static int NonSpace(string text) => text.Count(c => !char.IsWhiteSpace(c));

    /// <summary>The main text, whether scoring found a content container (false: a whole-page fallback), and the page's visible text length.</summary>
    private static (string Text, bool Found, int Visible) MainText(IDocument document, HtmlPageMetadataReader.Metadata metadata, bool strict)
    {
        if (document.Body is not { } body)
        {
            return (string.Empty, false, 0);
        }

        var hints = new HtmlClassHints();
        var visible = ArticleContentCleaner.Prepare(body, hints, stripUnlikely: strict);
        var stats = new ArticleTextStatistics(body);
        var roots = ArticleCandidateScorer.Select(body, stats, strict ? hints : null);
        var found = roots.Count > 0;
        if (!found)
        {
            roots = [Fallback(document, body)];
        }

        ArticleContentCleaner.Clean(roots, metadata.Title, hints, cleanConditionally: strict);
        var text = ArticleParagraphFilter.Filter(HtmlTextRenderer.Render(roots), [metadata.Title, metadata.SiteName]);
        return (text, found, visible);
    }

    private static IElement Fallback(IDocument document, IElement body) =>
        document.QuerySelector("main, [role=main], [itemprop=articleBody]")
        ?? document.QuerySelectorAll("article").OrderByDescending(a => a.TextContent.Length).FirstOrDefault()
        ?? body;
}
