using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace PolicyBot.Sources;

/// <summary>
/// Reads and writes OPML 2.0 subscription lists. Every outline with an <c>xmlUrl</c> is a feed; PolicyBot's own
/// attributes (<c>policybotKind</c>, <c>policybotOrgs</c>, <c>policybotInterval</c>, <c>policybotSelector</c>)
/// round-trip pages, organisations, intervals and selectors. Nested folders are flattened.
/// </summary>
public sealed class OpmlFile
{
    private const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>The sources an OPML document lists, or a clear error.</summary>
    public (IReadOnlyList<SourceDefinition> Sources, string? Error) Read(Stream stream)
    {
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = MaxBytes };
            using var reader = XmlReader.Create(stream, settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException exception)
        {
            return ([], $"not valid OPML: {exception.Message}");
        }

        if (document.Root?.Name.LocalName != "opml")
        {
            return ([], "not OPML: the root element is not <opml>");
        }

        var sources = new List<SourceDefinition>();
        foreach (var outline in document.Descendants().Where(e => e.Name.LocalName == "outline"))
        {
            var url = (string?)outline.Attribute("xmlUrl") ?? (string?)outline.Attribute("policybotUrl");
            if (string.IsNullOrWhiteSpace(url))
            {
                continue;
            }

            var interval = (string?)outline.Attribute("policybotInterval");
            sources.Add(new SourceDefinition
            {
                Name = ((string?)outline.Attribute("title") ?? (string?)outline.Attribute("text") ?? "").Trim(),
                Url = url.Trim(),
                Kind = (string?)outline.Attribute("policybotKind") ?? "feed",
                Orgs = ((string?)outline.Attribute("policybotOrgs") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
                Interval = TimeSpan.TryParse(interval, CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
                Selector = (string?)outline.Attribute("policybotSelector"),
            });
        }

        return (sources, null);
    }

    public string Write(IEnumerable<Source> sources, DateTimeOffset now)
    {
        var body = new XElement("body");
        foreach (var source in sources)
        {
            var outline = new XElement(
                "outline",
                new XAttribute("text", source.Name),
                new XAttribute("title", source.Name),
                new XAttribute("type", source.Kind == SourceKind.Feed ? "rss" : "link"),
                new XAttribute(source.Kind == SourceKind.Feed ? "xmlUrl" : "policybotUrl", source.Url),
                new XAttribute("policybotKind", Source.FormatKind(source.Kind)));
            if (source.Kind == SourceKind.Page)
            {
                outline.Add(new XAttribute("url", source.Url));
            }

            if (source.Orgs.Count > 0)
            {
                outline.Add(new XAttribute("policybotOrgs", string.Join(',', source.Orgs)));
            }

            if (source.Interval is { } interval)
            {
                outline.Add(new XAttribute("policybotInterval", interval.ToString("c", CultureInfo.InvariantCulture)));
            }

            if (source.Selector is { } selector)
            {
                outline.Add(new XAttribute("policybotSelector", selector));
            }

            body.Add(outline);
        }

        var head = new XElement("head", new XElement("title", "PolicyBot sources"), new XElement("dateCreated", now.ToString("r", CultureInfo.InvariantCulture)));
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("opml", new XAttribute("version", "2.0"), head, body));
        return document.Declaration + Environment.NewLine + document.Root;
    }
}
