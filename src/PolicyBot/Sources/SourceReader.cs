using System.Security.Cryptography;
using System.Text;
using PolicyBot.Extraction;
using PolicyBot.History;
using PolicyBot.Sources.Feeds;

namespace PolicyBot.Sources;

/// <summary>Turns a fetched body into the source's documents: a feed's entries, or a watched page's text.</summary>
public sealed class SourceReader(FeedParser feedParser, HtmlTextExtractor extractor, BodyDecoder decoder, UrlCanonicalizer canonicalizer)
{
    /// <summary>What a body held: its documents and the title the source gives itself, or a clear error.</summary>
    public sealed record Reading(IReadOnlyList<Document> Documents, string? Title, string? Error, string? Warning = null);

    public Reading Read(Source source, byte[] body, string? contentType, Uri finalUrl) =>
        source.Kind == SourceKind.Feed ? ReadFeed(body, contentType, finalUrl) : ReadPage(source, body, contentType, finalUrl);

    private Reading ReadFeed(byte[] body, string? contentType, Uri finalUrl)
    {
        var result = feedParser.Parse(body, contentType, finalUrl);
        if (result.Feed is not { } feed)
        {
            return new Reading([], null, result.Error ?? "not a feed");
        }

        var documents = new List<Document>(feed.Entries.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in feed.Entries)
        {
            var link = string.IsNullOrWhiteSpace(entry.Link) ? null : canonicalizer.Canonicalize(entry.Link);
            var html = !string.IsNullOrWhiteSpace(entry.ContentHtml) ? entry.ContentHtml : entry.SummaryHtml ?? "";
            var text = extractor.HtmlToText(html);
            var guid = FirstNonEmpty(entry.Id, link, entry.Title) ?? (text.Length > 0 ? "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))) : null);
            if (guid is null || !seen.Add(guid))
            {
                continue;
            }

            documents.Add(new Document(guid, link, entry.Title?.Trim(), entry.Published ?? entry.Updated, text));
        }

        return new Reading(documents, feed.Title, null, feed.IsWellFormed ? null : $"ill-formed {feed.Format} feed, read anyway: {feed.Problem}");
    }

    private Reading ReadPage(Source source, byte[] body, string? contentType, Uri finalUrl)
    {
        var html = decoder.Decode(body, contentType).Text;
        var page = extractor.Extract(html, finalUrl, source.Selector);
        if (string.IsNullOrWhiteSpace(page.Text))
        {
            var error = source.Selector is null
                ? "the page has no readable text"
                : $"the selector '{source.Selector}' matched nothing with text on the page";
            return new Reading([], page.Title, error);
        }

        var canonical = canonicalizer.Canonicalize(source.Url);
        var document = new Document(canonical, canonical, page.Title ?? source.Name, page.PublishedAt, page.Text);
        return new Reading([document], page.Title, null);
    }

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}
