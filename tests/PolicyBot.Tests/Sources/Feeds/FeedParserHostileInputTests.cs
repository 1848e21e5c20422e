using System.Text;
using PolicyBot.Sources.Feeds;

namespace PolicyBot.Tests.Sources.Feeds;

public sealed class FeedParserHostileInputTests
{
    private readonly FeedParser _parser = new();

    private FeedParseResult Parse(string text) => _parser.Parse(Encoding.UTF8.GetBytes(text), null, null);

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n\t ")]
    public void Empty_Or_Blank_Body_Is_A_Clear_Failure(string text)
    {
        // Act
        var result = Parse(text);

        // Assert
        result.Feed.ShouldBeNull();
        result.Error!.ShouldStartWith("not a feed: the body is");
    }

    [Fact]
    public void Binary_Body_Is_A_Clear_Failure()
    {
        // Arrange
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[0] = (byte)'<';

        // Act
        var result = _parser.Parse(bytes, "application/octet-stream", null);

        // Assert
        result.Feed.ShouldBeNull();
        result.Error!.ShouldContain("binary");
    }

    [Fact]
    public void Random_Text_Is_A_Clear_Failure()
    {
        // Act
        var result = Parse("Service temporarily unavailable. Please retry later.");

        // Assert
        result.Error!.ShouldStartWith("not a feed: the body is neither XML nor JSON");
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><head><title>Blog</title><link rel=alternate type=application/rss+xml href=/feed></head><body><p>Hi</body></html>")]
    [InlineData("\n<!-- generated --><HTML><BODY>old page</BODY></HTML>")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\"><html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>")]
    public void Html_Page_Served_As_A_Feed_Is_Reported_As_Such(string html)
    {
        // Act
        var result = Parse(html);

        // Assert
        result.Feed.ShouldBeNull();
        result.Error!.ShouldStartWith("not a feed: the document is an HTML page");
    }

    [Fact]
    public void Xml_That_Is_Not_A_Feed_Names_Its_Root()
    {
        // Act
        var result = Parse("<note><to>Tove</to></note>");

        // Assert
        result.Error.ShouldBe("not a feed: the root element is <note>");
    }

    [Theory]
    [InlineData("{\"version\": \"1.0\"")]
    [InlineData("{\"hello\": \"world\"}")]
    [InlineData("[1, 2, 3]")]
    public void Invalid_Or_Foreign_Json_Is_A_Clear_Failure(string json)
    {
        // Act
        var result = Parse(json);

        // Assert
        result.Feed.ShouldBeNull();
        result.Error!.ShouldStartWith("not a feed:");
    }

    [Fact]
    public void Deeply_Nested_Json_Is_A_Clear_Failure()
    {
        // Act
        var result = Parse(new string('[', 100_000) + new string(']', 100_000));

        // Assert
        result.Error!.ShouldContain("not valid JSON");
    }

    [Fact]
    public void Body_Of_50_MB_Is_Refused_Without_Parsing()
    {
        // Arrange
        var body = new byte[50 * 1024 * 1024];
        "<rss version=\"2.0\"><channel><title>"u8.CopyTo(body);
        body.AsSpan(40).Fill((byte)'a');

        // Act
        var result = _parser.Parse(body, "application/rss+xml", null);

        // Assert
        result.Feed.ShouldBeNull();
        result.Error!.ShouldContain("above the");
    }

    [Fact]
    public void Large_Feed_Under_The_Limit_Is_Parsed()
    {
        // Arrange
        var sb = new StringBuilder("<rss version=\"2.0\"><channel><title>Big</title>");
        for (var i = 0; i < 20_000; i++)
        {
            sb.Append("<item><title>Item ").Append(i).Append("</title><description>").Append('x', 200).Append("</description></item>");
        }

        sb.Append("</channel></rss>");

        // Act
        var result = Parse(sb.ToString());

        // Assert
        result.Feed!.Entries.Count.ShouldBe(20_000);
    }

    [Fact]
    public void Well_Formed_100k_Deep_Nesting_Is_Truncated_Not_Fatal()
    {
        // Arrange
        var xml = "<rss version=\"2.0\"><channel><title>Deep</title><item><title>t</title><description>"
            + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "x" + string.Concat(Enumerable.Repeat("</div>", 100_000))
            + "</description></item></channel></rss>";

        // Act
        var result = Parse(xml);

        // Assert
        result.Feed!.Title.ShouldBe("Deep");
        result.Feed.IsWellFormed.ShouldBeFalse();
        result.Feed.Problem!.ShouldContain("nested deeper");
        result.Feed.Entries.ShouldHaveSingleItem().Title.ShouldBe("t");
    }

    [Fact]
    public void Malformed_100k_Deep_Nesting_Is_Recovered_Without_Overflow()
    {
        // Arrange
        var xml = "<rss version=\"2.0\"><channel><title>Deep&nbsp;sea</title>" + string.Concat(Enumerable.Repeat("<x>", 100_000));

        // Act
        var result = Parse(xml);

        // Assert
        result.Feed!.IsWellFormed.ShouldBeFalse();
        result.Feed.Title.ShouldBe("Deep\u00a0sea");
    }

    [Fact]
    public void Billion_Laughs_Dtd_Is_Not_Expanded()
    {
        // Arrange
        var sb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY lol \"lol\">");
        for (var i = 1; i < 10; i++)
        {
            sb.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : (i - 1).ToString())};", 10))}\">");
        }

        sb.Append("]><rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>");

        // Act
        var result = Parse(sb.ToString());

        // Assert
        var feed = result.Feed.ShouldNotBeNull();
        feed.IsWellFormed.ShouldBeFalse();
        (feed.Title ?? string.Empty).Length.ShouldBeLessThan(100);
        (feed.Title ?? string.Empty).ShouldNotContain("lollol");
    }

    [Fact]
    public void External_Entity_Is_Never_Resolved()
    {
        // Arrange
        var secret = Path.Combine(Path.GetTempPath(), $"policybot-xxe-{Guid.NewGuid():N}.txt");
        File.WriteAllText(secret, "TOP-SECRET-MARKER");
        try
        {
            var xml = $"<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"{new Uri(secret).AbsoluteUri}\">]>"
                + "<rss version=\"2.0\"><channel><title>&xxe;</title><item><description>&xxe;</description></item></channel></rss>";

            // Act
            var result = Parse(xml);

            // Assert
            var feed = result.Feed.ShouldNotBeNull();
            feed.Title.ShouldNotBe("TOP-SECRET-MARKER");
            (feed.Title ?? string.Empty).ShouldNotContain("TOP-SECRET");
            (feed.Entries.Single().SummaryHtml ?? string.Empty).ShouldNotContain("TOP-SECRET");
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void Internal_Subset_Without_References_Stays_Well_Formed()
    {
        // Act
        var result = Parse("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x \"y\">]><rss version=\"2.0\"><channel><title>ok</title></channel></rss>");

        // Assert
        result.Feed!.IsWellFormed.ShouldBeTrue();
        result.Feed.Title.ShouldBe("ok");
    }

    [Fact]
    public void Unknown_Declared_Encoding_Is_Flagged()
    {
        // Act
        var result = Parse("<?xml version=\"1.0\" encoding=\"bogus\"?><rss version=\"2.0\"><channel><title>t</title></channel></rss>");

        // Assert
        result.Feed!.IsWellFormed.ShouldBeFalse();
        result.Feed.Problem!.ShouldContain("bogus");
    }

    [Fact]
    public void Parser_Is_Safe_To_Share_Across_Threads()
    {
        // Arrange
        var bodies = Enumerable.Range(0, 64).Select(i => Encoding.UTF8.GetBytes($"<rss version=\"2.0\"><channel><title>T{i}</title></channel></rss>")).ToArray();

        // Act
        var titles = bodies.AsParallel().Select(b => _parser.Parse(b, null, null).Feed!.Title).ToArray();

        // Assert
        titles.ShouldBe(Enumerable.Range(0, 64).Select(i => $"T{i}").ToArray());
    }
}
