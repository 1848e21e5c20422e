using System.Text.Json;

namespace PolicyBot.Sources.Feeds;

/// <summary>Maps JSON Feed 1.0 / 1.1 documents to <see cref="ParsedFeed"/>.</summary>
internal sealed class JsonFeedReader
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public FeedParseResult Read(string json, Uri? baseUri)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException ex)
        {
            return FeedParseResult.Failure($"not a feed: the body is not valid JSON ({ex.Message})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return FeedParseResult.Failure("not a feed: JSON body is not an object");
            }

            var version = String(root, "version");
            var hasItems = root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array;
            var declaresJsonFeed = version?.Contains("jsonfeed.org", StringComparison.OrdinalIgnoreCase) == true || version is "1" or "1.0" or "1.1";
            if (!declaresJsonFeed && !hasItems)
            {
                return FeedParseResult.Failure("not a feed: JSON without a JSON Feed version or an items array");
            }

            var link = FeedUriResolver.Resolve(String(root, "home_page_url"), baseUri);
            var itemBase = baseUri ?? RssFeedReader.AbsoluteOrNull(link);
            var feedAuthor = Author(root);
            var entries = hasItems
                ? items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object).Select(i => ReadItem(i, itemBase, feedAuthor)).ToList()
                : [];

            return FeedParseResult.Success(new ParsedFeed(
                Format: version?.EndsWith("1.1", StringComparison.Ordinal) == true ? "json1.1" : "json1.0",
                Title: String(root, "title") is { } title ? FeedMarkup.CollapseWhitespace(title) : null,
                Link: link,
                Description: String(root, "description") is { } description ? FeedMarkup.Escape(description) : null,
                Language: String(root, "language"),
                Updated: entries.Select(e => e.Updated ?? e.Published).Max(),
                Entries: entries,
                IsWellFormed: true,
                Problem: null));
        }
    }

    private static FeedEntry ReadItem(JsonElement item, Uri? baseUri, string? feedAuthor)
    {
        var contentHtml = String(item, "content_html") ?? (String(item, "content_text") is { } text ? FeedMarkup.Escape(text) : null);
        return new FeedEntry(
            Id: item.TryGetProperty("id", out var id) && id.ValueKind is JsonValueKind.String or JsonValueKind.Number ? id.ToString() : null,
            Title: String(item, "title") is { } title ? FeedMarkup.CollapseWhitespace(title) : null,
            Link: FeedUriResolver.Resolve(String(item, "url") ?? String(item, "external_url"), baseUri),
            Author: Author(item) ?? feedAuthor,
            Published: FeedDates.Parse(String(item, "date_published")),
            Updated: FeedDates.Parse(String(item, "date_modified")),
            SummaryHtml: String(item, "summary") is { } summary ? FeedMarkup.Escape(summary) : null,
            ContentHtml: FeedUriResolver.ResolveInHtml(contentHtml, baseUri));
    }

    private static string? Author(JsonElement owner)
    {
        if (owner.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array)
        {
            foreach (var author in authors.EnumerateArray())
            {
                if (author.ValueKind == JsonValueKind.Object && String(author, "name") is { } name)
                {
                    return FeedAuthorFormatter.Format(name, null);
                }
            }
        }

        return owner.TryGetProperty("author", out var single) && single.ValueKind == JsonValueKind.Object
            ? FeedAuthorFormatter.Format(String(single, "name"), null)
            : null;
    }

    private static string? String(JsonElement owner, string property) =>
        owner.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s ? s : null;
}
