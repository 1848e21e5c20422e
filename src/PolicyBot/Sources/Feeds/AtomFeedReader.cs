using System.Xml.Linq;

namespace PolicyBot.Sources.Feeds;

/// <summary>Maps Atom 1.0 and Atom 0.3 documents to <see cref="ParsedFeed"/>.</summary>
internal sealed class AtomFeedReader
{
    public ParsedFeed Read(XElement root, Uri? baseUri)
    {
        var ns = root.Name.Namespace;
        var rootResolver = new FeedUriResolver(baseUri);
        var link = AlternateLink(root, ns, rootResolver);
        var entryResolver = new FeedUriResolver(baseUri ?? RssFeedReader.AbsoluteOrNull(link));
        var feedAuthor = Author(root.Element(ns + "author"), ns);

        return new ParsedFeed(
            Format: FormatOf(root),
            Title: FeedMarkup.AtomPlain(root.Element(ns + "title")),
            Link: link,
            Description: FeedMarkup.AtomHtml(root.Element(ns + "subtitle") ?? root.Element(ns + "tagline"), rootResolver),
            Language: root.Attribute(XNamespace.Xml + "lang")?.Value.Trim() is { Length: > 0 } lang ? lang : null,
            Updated: FeedDates.First(root.Element(ns + "updated"), root.Element(ns + "modified")),
            Entries: root.Elements(ns + "entry").Select(e => ReadEntry(e, ns, entryResolver, feedAuthor)).ToList(),
            IsWellFormed: true,
            Problem: null);
    }

    private static FeedEntry ReadEntry(XElement entry, XNamespace ns, FeedUriResolver resolver, string? feedAuthor)
    {
        var content = entry.Element(ns + "content");
        return new FeedEntry(
            Id: entry.Element(ns + "id")?.Value.Trim() is { Length: > 0 } id ? id : null,
            Title: FeedMarkup.AtomPlain(entry.Element(ns + "title")),
            Link: AlternateLink(entry, ns, resolver),
            Author: Author(entry.Element(ns + "author"), ns) ?? Author(entry.Element(ns + "source")?.Element(ns + "author"), ns) ?? feedAuthor,
            Published: FeedDates.First(entry.Element(ns + "published"), entry.Element(ns + "issued"), entry.Element(ns + "created")),
            Updated: FeedDates.First(entry.Element(ns + "updated"), entry.Element(ns + "modified")),
            SummaryHtml: FeedMarkup.AtomHtml(entry.Element(ns + "summary"), resolver),
            ContentHtml: content?.Attribute("src") is not null && !content.Nodes().Any() ? null : FeedMarkup.AtomHtml(content, resolver));
    }

    private static string? AlternateLink(XElement parent, XNamespace ns, FeedUriResolver resolver)
    {
        var candidates = parent.Elements(ns + "link")
            .Where(l => (l.Attribute("rel")?.Value.Trim() ?? "alternate") == "alternate" && l.Attribute("href") is not null)
            .ToList();
        var best = candidates.FirstOrDefault(l => l.Attribute("type")?.Value.Contains("html", StringComparison.OrdinalIgnoreCase) ?? true)
            ?? candidates.FirstOrDefault();
        return best is null ? null : resolver.Resolve(best.Attribute("href")!.Value, best);
    }

    private static string? Author(XElement? author, XNamespace ns) =>
        author is null ? null : FeedAuthorFormatter.Format(author.Element(ns + "name")?.Value, author.Element(ns + "email")?.Value);

    private static string FormatOf(XElement root)
    {
        if (root.Name.Namespace == FeedNamespaces.Atom03 || root.Attribute("version")?.Value.Trim() == "0.3")
        {
            return "atom0.3";
        }

        return "atom1.0";
    }
}
