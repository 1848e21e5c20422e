using System.Globalization;
using System.Text;
using System.Xml;

namespace PolicyBot.Bench.Feeds;

/// <summary>Serialises a synthetic feed as RSS 2.0 or Atom 1.0 (UTF-8 bytes), with its items newest first.</summary>
internal sealed class FeedDocumentWriter(ArticleWriter articles)
{
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";

    private readonly XmlWriterSettings settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        Async = false,
    };

    /// <summary>Feeds 0 and 1 of every four are RSS, 2 and 3 Atom: both halves of the benchmark get both formats.</summary>
    public static bool IsAtom(int feed) => feed % 4 >= 2;

    public byte[] Write(int feed, int round)
    {
        var items = new List<SyntheticArticle>(articles.ItemsPerFeed);
        var newest = articles.NewestSequence(round);
        for (var sequence = newest; sequence > newest - articles.ItemsPerFeed; sequence--)
        {
            items.Add(articles.Write(feed, sequence, round));
        }

        using var buffer = new MemoryStream(64 * 1024);
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            if (IsAtom(feed))
            {
                WriteAtom(xml, feed, items);
            }
            else
            {
                WriteRss(xml, feed, items);
            }
        }

        return buffer.ToArray();
    }

    private static void WriteRss(XmlWriter xml, int feed, List<SyntheticArticle> items)
    {
        xml.WriteStartDocument();
        xml.WriteStartElement("rss");
        xml.WriteAttributeString("version", "2.0");
        xml.WriteStartElement("channel");
        xml.WriteElementString("title", $"Outlet {feed} Technology");
        xml.WriteElementString("link", $"https://outlet{feed}.example/");
        xml.WriteElementString("description", $"Technology and policy stories from the fictitious Outlet {feed}.");
        xml.WriteElementString("language", "en");
        xml.WriteElementString("lastBuildDate", items[0].Published.ToString("r", CultureInfo.InvariantCulture));
        foreach (var item in items)
        {
            xml.WriteStartElement("item");
            xml.WriteElementString("title", item.Title);
            xml.WriteElementString("link", item.Link);
            xml.WriteStartElement("guid");
            xml.WriteAttributeString("isPermaLink", "false");
            xml.WriteString(item.Guid);
            xml.WriteEndElement();
            xml.WriteElementString("pubDate", item.Published.ToString("r", CultureInfo.InvariantCulture));
            xml.WriteElementString("category", item.AboutPolicy ? "AI policy" : "Technology");
            xml.WriteElementString("description", item.Html);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteAtom(XmlWriter xml, int feed, List<SyntheticArticle> items)
    {
        xml.WriteStartDocument();
        xml.WriteStartElement("feed", AtomNamespace);
        xml.WriteElementString("title", AtomNamespace, $"Outlet {feed} Technology");
        xml.WriteElementString("id", AtomNamespace, $"urn:outlet{feed}:feed");
        xml.WriteElementString("updated", AtomNamespace, Stamp(items[0].Published));
        WriteLink(xml, $"https://outlet{feed}.example/");
        foreach (var item in items)
        {
            xml.WriteStartElement("entry", AtomNamespace);
            xml.WriteElementString("title", AtomNamespace, item.Title);
            xml.WriteElementString("id", AtomNamespace, "urn:" + item.Guid);
            WriteLink(xml, item.Link);
            xml.WriteElementString("published", AtomNamespace, Stamp(item.Published));
            xml.WriteElementString("updated", AtomNamespace, Stamp(item.Published));
            xml.WriteStartElement("author", AtomNamespace);
            xml.WriteElementString("name", AtomNamespace, $"Outlet {feed} staff");
            xml.WriteEndElement();
            xml.WriteStartElement("content", AtomNamespace);
            xml.WriteAttributeString("type", "html");
            xml.WriteString(item.Html);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteLink(XmlWriter xml, string href)
    {
        xml.WriteStartElement("link", AtomNamespace);
        xml.WriteAttributeString("rel", "alternate");
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Stamp(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
