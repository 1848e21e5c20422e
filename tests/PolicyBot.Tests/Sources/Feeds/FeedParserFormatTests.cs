using System.Text;
using PolicyBot.Sources.Feeds;

namespace PolicyBot.Tests.Sources.Feeds;

public sealed class FeedParserFormatTests
{
    private static readonly Uri FeedUrl = new("https://policy.example.org/feeds/news.xml");
    private readonly FeedParser _parser = new();

    private ParsedFeed Parse(string text, Uri? baseUri = null, string? contentType = null)
    {
        var result = _parser.Parse(Encoding.UTF8.GetBytes(text), contentType, baseUri);
        result.Error.ShouldBeNull();
        return result.Feed!;
    }

    [Fact]
    public void Rss20_Item_Maps_Every_Field()
    {
        // Arrange
        const string xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel>
                <title>Open Models &amp; Policy</title>
                <link>https://policy.example.org/</link>
                <description>&lt;p&gt;Statements on open weights&lt;/p&gt;</description>
                <language>en-gb</language>
                <lastBuildDate>Tue, 04 Mar 2025 09:30:00 +0100</lastBuildDate>
                <item>
                  <title>Ministry publishes guidance</title>
                  <link>/2025/03/guidance</link>
                  <guid isPermaLink="false">item-42</guid>
                  <author>press@example.org (Press Office)</author>
                  <pubDate>Mon, 03 Mar 2025 17:00:00 GMT</pubDate>
                  <description><![CDATA[<p>Short <b>summary</b></p>]]></description>
                  <content:encoded><![CDATA[<p>Full text with <a href="/docs/1">a link</a></p>]]></content:encoded>
                </item>
              </channel>
            </rss>
            """;

        // Act
        var feed = Parse(xml, FeedUrl);

        // Assert
        feed.Format.ShouldBe("rss2.0");
        feed.IsWellFormed.ShouldBeTrue();
        feed.Title.ShouldBe("Open Models & Policy");
        feed.Link.ShouldBe("https://policy.example.org/");
        feed.Description.ShouldBe("<p>Statements on open weights</p>");
        feed.Language.ShouldBe("en-gb");
        feed.Updated.ShouldBe(new DateTimeOffset(2025, 3, 4, 8, 30, 0, TimeSpan.Zero));
        var entry = feed.Entries.ShouldHaveSingleItem();
        entry.Id.ShouldBe("item-42");
        entry.Title.ShouldBe("Ministry publishes guidance");
        entry.Link.ShouldBe("https://policy.example.org/2025/03/guidance");
        entry.Author.ShouldBe("Press Office (press@example.org)");
        entry.Published.ShouldBe(new DateTimeOffset(2025, 3, 3, 17, 0, 0, TimeSpan.Zero));
        entry.SummaryHtml.ShouldBe("<p>Short <b>summary</b></p>");
        entry.ContentHtml.ShouldBe("<p>Full text with <a href=\"https://policy.example.org/docs/1\">a link</a></p>");
    }

    [Fact]
    public void Rss_Permalink_Guid_Becomes_The_Link_When_There_Is_No_Link()
    {
        // Act
        var feed = Parse("<rss version=\"2.0\"><channel><item><guid>https://example.org/p/1</guid></item><item><guid isPermaLink=\"false\">https://example.org/p/2</guid></item></channel></rss>");

        // Assert
        feed.Entries[0].Link.ShouldBe("https://example.org/p/1");
        feed.Entries[1].Link.ShouldBeNull();
        feed.Entries[1].Id.ShouldBe("https://example.org/p/2");
    }

    [Fact]
    public void Rss091_Is_Recognised_By_Version()
    {
        // Act
        var feed = Parse("<rss version=\"0.91\"><channel><title>Old</title><item><title>One</title><link>http://example.org/1</link></item></channel></rss>");

        // Assert
        feed.Format.ShouldBe("rss0.91");
        feed.Entries.ShouldHaveSingleItem().Link.ShouldBe("http://example.org/1");
    }

    [Fact]
    public void Rss10_Rdf_Items_Outside_The_Channel_Are_Read_With_Dublin_Core()
    {
        // Arrange
        const string xml = """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://example.org/"><title>RDF feed</title><link>https://example.org/</link><description>d</description></channel>
              <item rdf:about="https://example.org/a"><title>A</title><link>https://example.org/a</link><dc:creator>Ada</dc:creator><dc:date>2024-05-01T10:00:00+02:00</dc:date></item>
            </rdf:RDF>
            """;

        // Act
        var feed = Parse(xml);

        // Assert
        feed.Format.ShouldBe("rss1.0");
        feed.Title.ShouldBe("RDF feed");
        var entry = feed.Entries.ShouldHaveSingleItem();
        entry.Id.ShouldBe("https://example.org/a");
        entry.Author.ShouldBe("Ada");
        entry.Published.ShouldBe(new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero));
        entry.Updated.ShouldBe(entry.Published);
    }

    [Fact]
    public void Rss090_Is_Recognised_By_Namespace()
    {
        // Act
        var feed = Parse("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://my.netscape.com/rdf/simple/0.9/\"><channel><title>t</title></channel><item><title>i</title><link>http://e.org/i</link></item></rdf:RDF>");

        // Assert
        feed.Format.ShouldBe("rss0.90");
        feed.Entries.ShouldHaveSingleItem().Title.ShouldBe("i");
    }

    [Fact]
    public void Atom10_Resolves_Xml_Base_And_Unwraps_Xhtml_Content()
    {
        // Arrange
        const string xml = """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://example.org/blog/" xml:lang="de">
              <title type="html">Policy &lt;em&gt;notes&lt;/em&gt;</title>
              <subtitle>Open &amp; closed</subtitle>
              <link rel="self" href="feed.atom"/>
              <link rel="alternate" type="text/html" href="./"/>
              <updated>2025-01-02T03:04:05Z</updated>
              <author><name>Feed Author</name></author>
              <entry xml:base="posts/">
                <id>tag:example.org,2025:1</id>
                <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">First <b>post</b></div></title>
                <link href="first.html"/>
                <published>2025-01-01T00:00:00+01:00</published>
                <updated>2025-01-02T00:00:00Z</updated>
                <summary>1 &lt; 2</summary>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>See <a href="../about">about</a></p></div></content>
              </entry>
            </feed>
            """;

        // Act
        var feed = Parse(xml);

        // Assert
        feed.Format.ShouldBe("atom1.0");
        feed.Title.ShouldBe("Policy notes");
        feed.Link.ShouldBe("https://example.org/blog/");
        feed.Description.ShouldBe("Open &amp; closed");
        feed.Language.ShouldBe("de");
        feed.Updated.ShouldBe(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var entry = feed.Entries.ShouldHaveSingleItem();
        entry.Id.ShouldBe("tag:example.org,2025:1");
        entry.Title.ShouldBe("First post");
        entry.Link.ShouldBe("https://example.org/blog/posts/first.html");
        entry.Author.ShouldBe("Feed Author");
        entry.Published.ShouldBe(new DateTimeOffset(2024, 12, 31, 23, 0, 0, TimeSpan.Zero));
        entry.SummaryHtml.ShouldBe("1 &lt; 2");
        entry.ContentHtml.ShouldBe("<p>See <a href=\"https://example.org/blog/about\">about</a></p>");
    }

    [Fact]
    public void Atom03_Escaped_And_Base64_Modes_Are_Decoded()
    {
        // Arrange
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes("<p>decoded</p>"));
        var xml = $"""
            <feed version="0.3" xmlns="http://purl.org/atom/ns#">
              <title mode="escaped" type="text/html">A &amp;amp; B</title>
              <modified>2004-01-01T19:48:21Z</modified>
              <entry>
                <title>E</title>
                <author><name>N</name><email>n@example.org</email></author>
                <issued>2003-12-31T10:14:55Z</issued>
                <summary type="text/html" mode="escaped">&lt;b&gt;bold&lt;/b&gt;</summary>
                <content type="text/html" mode="base64">{base64}</content>
              </entry>
            </feed>
            """;

        // Act
        var feed = Parse(xml);

        // Assert
        feed.Format.ShouldBe("atom0.3");
        feed.Title.ShouldBe("A & B");
        feed.Updated.ShouldBe(new DateTimeOffset(2004, 1, 1, 19, 48, 21, TimeSpan.Zero));
        var entry = feed.Entries.ShouldHaveSingleItem();
        entry.Author.ShouldBe("N (n@example.org)");
        entry.Published.ShouldBe(new DateTimeOffset(2003, 12, 31, 10, 14, 55, TimeSpan.Zero));
        entry.SummaryHtml.ShouldBe("<b>bold</b>");
        entry.ContentHtml.ShouldBe("<p>decoded</p>");
    }

    [Fact]
    public void Json_Feed_11_Is_Detected_By_Content_Even_When_Served_As_Text()
    {
        // Arrange
        const string json = """
            { "version": "https://jsonfeed.org/version/1.1", "title": "JSON policy", "home_page_url": "https://example.org/",
              "language": "en", "authors": [{ "name": "Feed Team" }],
              "items": [
                { "id": 7, "url": "/items/7", "title": "Seven", "content_text": "a < b", "summary": "s",
                  "date_published": "2025-02-03T04:05:06Z", "date_modified": "2025-02-04T00:00:00Z" },
                { "id": "eight", "content_html": "<p>8</p>", "authors": [{ "name": "Someone" }] }
              ] }
            """;

        // Act
        var feed = Parse(json, contentType: "text/plain");

        // Assert
        feed.Format.ShouldBe("json1.1");
        feed.Title.ShouldBe("JSON policy");
        feed.Language.ShouldBe("en");
        feed.Updated.ShouldBe(new DateTimeOffset(2025, 2, 4, 0, 0, 0, TimeSpan.Zero));
        feed.Entries.Count.ShouldBe(2);
        feed.Entries[0].Id.ShouldBe("7");
        feed.Entries[0].Link.ShouldBe("https://example.org/items/7");
        feed.Entries[0].ContentHtml.ShouldBe("a &lt; b");
        feed.Entries[0].Author.ShouldBe("Feed Team");
        feed.Entries[1].ContentHtml.ShouldBe("<p>8</p>");
        feed.Entries[1].Author.ShouldBe("Someone");
    }

    [Fact]
    public void Json_Feed_10_With_Single_Author_Is_Read()
    {
        // Act
        var feed = Parse("""{"version":"https://jsonfeed.org/version/1","title":"t","author":{"name":"Solo"},"items":[{"id":"1","content_html":"x"}]}""");

        // Assert
        feed.Format.ShouldBe("json1.0");
        feed.Entries.ShouldHaveSingleItem().Author.ShouldBe("Solo");
    }

    [Fact]
    public void Cdf_Channel_Is_Read()
    {
        // Act
        var feed = Parse("<CHANNEL HREF=\"http://example.org/\" LASTMOD=\"2004-04-06T23:05:43-05:00\"><TITLE>CDF</TITLE><ITEM HREF=\"http://example.org/1\"><TITLE>One</TITLE><ABSTRACT>About one</ABSTRACT></ITEM></CHANNEL>");

        // Assert
        feed.Format.ShouldBe("cdf");
        feed.Link.ShouldBe("http://example.org/");
        feed.Updated.ShouldBe(new DateTimeOffset(2004, 4, 7, 4, 5, 43, TimeSpan.Zero));
        feed.Entries.ShouldHaveSingleItem().SummaryHtml.ShouldBe("About one");
    }

    [Fact]
    public void Relative_Item_Links_Use_The_Feed_Link_When_No_Base_Uri_Is_Given()
    {
        // Act
        var feed = Parse("<rss version=\"2.0\"><channel><link>https://site.example/news/</link><item><link>item-1</link></item></channel></rss>");

        // Assert
        feed.Entries.ShouldHaveSingleItem().Link.ShouldBe("https://site.example/news/item-1");
    }

    [Fact]
    public void Undeclared_Html_Entity_Is_Recovered_And_Flagged()
    {
        // Act
        var feed = Parse("<rss version=\"2.0\"><channel><title>Caf&eacute;&nbsp;policy</title><item><title>A&mdash;B</title></item></channel></rss>");

        // Assert
        feed.IsWellFormed.ShouldBeFalse();
        feed.Problem!.ShouldContain("eacute");
        feed.Title.ShouldBe("Café\u00a0policy");
        feed.Entries.ShouldHaveSingleItem().Title.ShouldBe("A\u2014B");
    }

    [Fact]
    public void Bare_Ampersands_And_Unclosed_Tags_Are_Recovered_And_Flagged()
    {
        // Act
        var feed = Parse("<rss version=\"2.0\"><channel><title>R&D news</title><item><title>One</title><link>http://e.org/?a=1&b=2</link></item><item><title>Two</channel></rss>");

        // Assert
        feed.IsWellFormed.ShouldBeFalse();
        feed.Title.ShouldBe("R&D news");
        feed.Entries.Count.ShouldBe(2);
        feed.Entries[0].Link.ShouldBe("http://e.org/?a=1&b=2");
        feed.Entries[1].Title.ShouldBe("Two");
    }

    [Fact]
    public void Junk_After_The_Root_Is_Ignored_And_Flagged()
    {
        // Act
        var feed = Parse("<rss version=\"2.0\"><channel><title>Kept</title></channel></rss>\n<p>tracking junk</p><rss>");

        // Assert
        feed.IsWellFormed.ShouldBeFalse();
        feed.Title.ShouldBe("Kept");
    }

    [Fact]
    public void Undeclared_Well_Known_Prefix_Is_Recovered()
    {
        // Act
        var feed = Parse("<rss version=\"2.0\"><channel><item><dc:creator>Grace</dc:creator><content:encoded>&lt;p&gt;x&lt;/p&gt;</content:encoded></item></channel></rss>");

        // Assert
        feed.IsWellFormed.ShouldBeFalse();
        feed.Entries.ShouldHaveSingleItem().Author.ShouldBe("Grace");
        feed.Entries[0].ContentHtml.ShouldBe("<p>x</p>");
    }
}
