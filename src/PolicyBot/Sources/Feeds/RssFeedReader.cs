using System.Xml.Linq;

namespace PolicyBot.Sources.Feeds;

/// <summary>Maps RSS 0.90–0.94, 2.0 and RSS 1.0 (RDF) documents, with common modules, to <see cref="ParsedFeed"/>.</summary>
internal sealed class RssFeedReader
{
    private static readonly XNamespace Atom = FeedNamespaces.Atom10;
    private static readonly XNamespace Dc = FeedNamespaces.Dc;
    private static readonly XNamespace DcTerms = FeedNamespaces.DcTerms;

    public ParsedFeed Read(XElement root, Uri? baseUri)
    {
        var isRdf = root.Name.LocalName == "RDF";
        var channel = Core(root, "channel") ?? root;
        var rootResolver = new FeedUriResolver(baseUri);

        var link = rootResolver.Resolve(Core(channel, "link")?.Value, channel)
            ?? rootResolver.Resolve(AlternateAtomLink(channel)?.Attribute("href")?.Value, channel);
        var itemResolver = new FeedUriResolver(baseUri ?? AbsoluteOrNull(link));

        var items = channel.Elements().Where(e => IsCore(e) && e.Name.LocalName == "item");
        if (!ReferenceEquals(channel, root))
        {
            items = items.Concat(root.Elements().Where(e => IsCore(e) && e.Name.LocalName == "item"));
        }

        return new ParsedFeed(
            Format: FormatOf(root, isRdf),
            Title: FeedMarkup.RssPlain(Core(channel, "title") ?? channel.Element(Dc + "title")),
            Link: link,
            Description: FeedMarkup.RssHtml(
                Core(channel, "description") ?? channel.Element(Dc + "description") ?? ItunesElement(channel, "subtitle") ?? ItunesElement(channel, "summary"),
                rootResolver),
            Language: Trimmed(Core(channel, "language") ?? channel.Element(Dc + "language"))
                ?? Trimmed(channel.Attribute(XNamespace.Xml + "lang") ?? root.Attribute(XNamespace.Xml + "lang")),
            Updated: FeedDates.First(
                Core(channel, "lastBuildDate"), channel.Element(DcTerms + "modified"), channel.Element(Dc + "date"),
                channel.Element(Atom + "updated"), Core(channel, "pubDate")),
            Entries: items.Select(item => ReadItem(item, itemResolver)).ToList(),
            IsWellFormed: true,
            Problem: null);
    }

    private static FeedEntry ReadItem(XElement item, FeedUriResolver resolver)
    {
        var guid = Core(item, "guid");
        var id = Trimmed(guid) ?? Trimmed(item.Element(Atom + "id")) ?? Trimmed(item.Element(Dc + "identifier"))
            ?? Trimmed(item.Attribute(FeedNamespaces.Rdf + "about"));

        var link = resolver.Resolve(Core(item, "link")?.Value, item)
            ?? resolver.Resolve(AlternateAtomLink(item)?.Attribute("href")?.Value, item)
            ?? PermalinkGuid(guid, resolver);

        var atomAuthor = item.Element(Atom + "author");
        var author = FeedAuthorFormatter.FromFreeText(Core(item, "author")?.Value)
            ?? FeedAuthorFormatter.FromFreeText(item.Element(Dc + "creator")?.Value)
            ?? FeedAuthorFormatter.Format(atomAuthor?.Element(Atom + "name")?.Value, atomAuthor?.Element(Atom + "email")?.Value)
            ?? FeedAuthorFormatter.FromFreeText(ItunesElement(item, "author")?.Value);

        var summaryElement = Core(item, "description") ?? item.Element(Dc + "description") ?? ItunesElement(item, "summary");
        var summary = summaryElement is not null
            ? FeedMarkup.RssHtml(summaryElement, resolver)
            : FeedMarkup.AtomHtml(item.Element(Atom + "summary"), resolver);

        var content = FeedMarkup.RssHtml(item.Element(FeedNamespaces.Content + "encoded"), resolver)
            ?? XhtmlBody(item, resolver)
            ?? FeedMarkup.AtomHtml(item.Element(Atom + "content"), resolver)
            ?? FeedMarkup.RssHtml(Core(item, "fullitem"), resolver);

        return new FeedEntry(
            Id: id,
            Title: FeedMarkup.RssPlain(Core(item, "title") ?? item.Element(Dc + "title")),
            Link: link,
            Author: author,
            Published: FeedDates.First(
                Core(item, "pubDate"), item.Element(Atom + "published"), item.Element(DcTerms + "issued"),
                item.Element(DcTerms + "created"), item.Element(Dc + "date")),
            Updated: FeedDates.First(item.Element(Atom + "updated"), item.Element(DcTerms + "modified"), item.Element(Dc + "date")),
            SummaryHtml: summary,
            ContentHtml: content);
    }

    private static string? XhtmlBody(XElement item, FeedUriResolver resolver)
    {
        var body = item.Element(FeedNamespaces.Xhtml + "body") ?? Core(item, "body");
        return body is null ? null : FeedMarkup.Finish(FeedMarkup.InnerXml(body), body, resolver);
    }

    private static string? PermalinkGuid(XElement? guid, FeedUriResolver resolver)
    {
        var value = Trimmed(guid);
        if (value is null || string.Equals(guid!.Attribute("isPermaLink")?.Value?.Trim(), "false", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return AbsoluteOrNull(value) is not null ? value : null;
    }

    private static XElement? AlternateAtomLink(XElement parent) =>
        parent.Elements(Atom + "link").FirstOrDefault(l => (l.Attribute("rel")?.Value ?? "alternate") == "alternate");

    private static string FormatOf(XElement root, bool isRdf)
    {
        if (isRdf)
        {
            return root.Elements().Any(e => e.Name.Namespace == FeedNamespaces.Rss090) ? "rss0.90" : "rss1.0";
        }

        var version = root.Attribute("version")?.Value.Trim();
        return version switch
        {
            null or "" => "rss",
            "2.0" or "2.01" or "2.0.1" or "2" => "rss2.0",
            _ => "rss" + version,
        };
    }

    /// <summary>RSS core elements live in no namespace, the RSS 0.90/1.0 namespaces or the root's own namespace.</summary>
    private static bool IsCore(XElement e)
    {
        var ns = e.Name.Namespace;
        return ns == XNamespace.None || ns == FeedNamespaces.Rss10 || ns == FeedNamespaces.Rss090
            || (e.Document?.Root ?? Top(e)).Name.Namespace == ns && ns != FeedNamespaces.Rdf;
    }

    private static XElement Top(XElement e)
    {
        while (e.Parent is not null)
        {
            e = e.Parent;
        }

        return e;
    }

    /// <summary>A core child by local name; case-insensitive, as iTunes and many readers treat RSS.</summary>
    private static XElement? Core(XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName && IsCore(e))
        ?? parent.Elements().FirstOrDefault(e => e.Name.LocalName.Equals(localName, StringComparison.OrdinalIgnoreCase) && IsCore(e));

    /// <summary>An iTunes element; the namespace URI appears in several capitalisations in the wild.</summary>
    private static XElement? ItunesElement(XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName
            && e.Name.NamespaceName.Equals(FeedNamespaces.Itunes.NamespaceName, StringComparison.OrdinalIgnoreCase));

    private static string? Trimmed(XElement? e) => string.IsNullOrWhiteSpace(e?.Value) ? null : e.Value.Trim();

    private static string? Trimmed(XAttribute? a) => string.IsNullOrWhiteSpace(a?.Value) ? null : a.Value.Trim();

    internal static Uri? AbsoluteOrNull(string? link) =>
        link is not null && link.Contains("://", StringComparison.Ordinal)
        && Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;
}
