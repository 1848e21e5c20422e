using System.Text.Json;
using AngleSharp.Dom;
using PolicyBot.Sources.Feeds;

namespace PolicyBot.Extraction;

/// <summary>Reads a page's title, canonical URL, author and publication time from meta tags, JSON-LD and markup.</summary>
internal static class HtmlPageMetadataReader
{
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 32, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Metadata of one page (read before boilerplate removal).</summary>
    public sealed record Metadata(string? Title, string? CanonicalUrl, string? Author, DateTimeOffset? PublishedAt);

    public static Metadata Read(IDocument document, Uri? baseUri)
    {
        var jsonLd = JsonLd(document);
        return new Metadata(
            Title: Clean(Meta(document, "meta[property='og:title']"))
                ?? Clean(document.QuerySelector("title")?.TextContent)
                ?? Clean(document.QuerySelector("h1")?.TextContent),
            CanonicalUrl: Absolute(document.QuerySelector("link[rel~='canonical' i]")?.GetAttribute("href"), baseUri)
                ?? Absolute(Meta(document, "meta[property='og:url']"), baseUri),
            Author: Clean(Meta(document, "meta[name='author' i]"))
                ?? jsonLd.Select(AuthorName).FirstOrDefault(a => a is not null),
            PublishedAt: Date(Meta(document, "meta[property='article:published_time']"))
                ?? jsonLd.Select(j => Date(StringProperty(j, "datePublished"))).FirstOrDefault(d => d is not null)
                ?? document.QuerySelectorAll("time[datetime]").Select(t => Date(t.GetAttribute("datetime"))).FirstOrDefault(d => d is not null));
    }

    private static string? Meta(IDocument document, string selector) => document.QuerySelector(selector)?.GetAttribute("content");

    private static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

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

    /// <summary>JSON-LD objects on the page, flattening top-level arrays and @graph.</summary>
    private static List<JsonElement> JsonLd(IDocument document)
    {
        var objects = new List<JsonElement>();
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json' i]"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, JsonOptions);
                Collect(json.RootElement.Clone(), objects, 0);
            }
            catch (JsonException)
            {
                // Broken JSON-LD is common; the other metadata sources still apply.
            }
        }

        return objects;
    }

    private static void Collect(JsonElement element, List<JsonElement> into, int depth)
    {
        if (depth > 3)
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, into, depth + 1);
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            into.Add(element);
            if (element.TryGetProperty("@graph", out var graph))
            {
                Collect(graph, into, depth + 1);
            }
        }
    }

    private static string? AuthorName(JsonElement obj)
    {
        if (!obj.TryGetProperty("author", out var author))
        {
            return null;
        }

        var first = author.ValueKind == JsonValueKind.Array ? author.EnumerateArray().FirstOrDefault() : author;
        return first.ValueKind switch
        {
            JsonValueKind.String => Clean(first.GetString()),
            JsonValueKind.Object => Clean(StringProperty(first, "name")),
            _ => null,
        };
    }

    private static string? StringProperty(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
