using System.Xml.Linq;

namespace PolicyBot.Sources.Feeds;

/// <summary>Maps Microsoft Channel Definition Format (CDF) channels, an RSS precursor, to <see cref="ParsedFeed"/>.</summary>
internal sealed class CdfFeedReader
{
    public ParsedFeed Read(XElement root, Uri? baseUri)
    {
        var resolver = new FeedUriResolver(baseUri);
        return new ParsedFeed(
            Format: "cdf",
            Title: FeedMarkup.RssPlain(Child(root, "title")),
            Link: resolver.Resolve(Attribute(root, "href"), root),
            Description: FeedMarkup.RssHtml(Child(root, "abstract"), resolver),
            Language: null,
            Updated: FeedDates.Parse(Attribute(root, "lastmod")),
            Entries: root.Elements().Where(e => Is(e, "item")).Select(item => new FeedEntry(
                Id: null,
                Title: FeedMarkup.RssPlain(Child(item, "title")),
                Link: resolver.Resolve(Attribute(item, "href"), item),
                Author: null,
                Published: null,
                Updated: FeedDates.Parse(Attribute(item, "lastmod")),
                SummaryHtml: FeedMarkup.RssHtml(Child(item, "abstract"), resolver),
                ContentHtml: null)).ToList(),
            IsWellFormed: true,
            Problem: null);
    }

    private static bool Is(XElement e, string name) => e.Name.LocalName.Equals(name, StringComparison.OrdinalIgnoreCase);

    private static XElement? Child(XElement parent, string name) => parent.Elements().FirstOrDefault(e => Is(e, name));

    private static string? Attribute(XElement e, string name) =>
        e.Attributes().FirstOrDefault(a => a.Name.LocalName.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value;
}
