using System.Text;
using PolicyBot.Extraction;

namespace PolicyBot.Tests.Extraction;

public sealed class HtmlTextExtractorTests
{
    private static readonly Uri PageUrl = new("https://gov.example/statements/open-weights");
    private readonly HtmlTextExtractor _extractor = new();

    private const string Page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <title>Statement on open-weight models | Example Ministry</title>
          <meta property="og:title" content="Statement on open-weight models">
          <meta name="author" content="Jane Minister">
          <meta property="article:published_time" content="2025-02-10T08:00:00+01:00">
          <link rel="canonical" href="/statements/open-weights">
          <script>var tracking = "should not appear";</script>
          <style>p { color: red }</style>
        </head>
        <body>
          <header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
          <div id="cookie-banner">We use cookies. <button>Accept</button></div>
          <main>
            <h1>Statement on open-weight models</h1>
            <p>The ministry   supports&nbsp;publishing
               model weights under open licences.</p>
            <p>Safety evaluations remain required.<br>They will be published.</p>
            <ul><li>First point</li><li>Second point</li></ul>
            <div class="share-bar">Share on social media</div>
            <section class="newsletterSignup">Subscribe to our newsletter</section>
            <div class="related-articles">Related: other news</div>
            <div id="comments">Comment by troll</div>
            <div class="ad-slot">Buy now</div>
          </main>
          <aside>Sidebar links</aside>
          <footer>© Example Ministry</footer>
        </body>
        </html>
        """;

    [Fact]
    public void Main_Text_Is_Extracted_Without_Boilerplate_In_Paragraphs()
    {
        // Act
        var page = _extractor.Extract(Page, PageUrl, null);

        // Assert: the headline is the page title (metadata), not part of the main text.
        page.Text.ShouldBe(
            "The ministry supports publishing model weights under open licences.\n\n" +
            "Safety evaluations remain required.\n\n" +
            "They will be published.\n\n" +
            "First point\n\n" +
            "Second point");
    }

    [Fact]
    public void Metadata_Comes_From_Meta_Tags_And_Is_Absolute()
    {
        // Act
        var page = _extractor.Extract(Page, PageUrl, null);

        // Assert
        page.Title.ShouldBe("Statement on open-weight models");
        page.CanonicalUrl.ShouldBe("https://gov.example/statements/open-weights");
        page.Author.ShouldBe("Jane Minister");
        page.PublishedAt.ShouldBe(new DateTimeOffset(2025, 2, 10, 7, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Selector_Limits_Text_To_Matching_Elements()
    {
        // Act
        var page = _extractor.Extract(Page, PageUrl, "main ul li:last-child, h1");

        // Assert
        page.Text.ShouldBe("Statement on open-weight models\n\nSecond point");
    }

    [Fact]
    public void Invalid_Selector_Yields_Empty_Text_And_Is_Reported_Invalid()
    {
        // Act
        var page = _extractor.Extract(Page, PageUrl, "main >>> [");

        // Assert
        page.Text.ShouldBe(string.Empty);
        page.Title.ShouldBe("Statement on open-weight models");
        HtmlTextExtractor.IsValidSelector("main >>> [").ShouldBeFalse();
        HtmlTextExtractor.IsValidSelector("article .body > p").ShouldBeTrue();
        HtmlTextExtractor.IsValidSelector("   ").ShouldBeFalse();
    }

    [Fact]
    public void Fallbacks_Use_Title_Element_Json_Ld_And_Time_Element()
    {
        // Arrange
        const string html = """
            <html><head><title> Plain   title </title>
            <meta property="og:url" content="https://site.example/a">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","author":[{"@type":"Person","name":"Ada Lovelace"}]}]}</script>
            </head><body><article><p>Body</p><time datetime="2024-06-01T12:00:00Z">1 June</time></article></body></html>
            """;

        // Act
        var page = _extractor.Extract(html, null, null);

        // Assert
        page.Title.ShouldBe("Plain title");
        page.CanonicalUrl.ShouldBe("https://site.example/a");
        page.Author.ShouldBe("Ada Lovelace");
        page.PublishedAt.ShouldBe(new DateTimeOffset(2024, 6, 1, 12, 0, 0, TimeSpan.Zero));
        page.Text.ShouldBe("Body"); // a date-only line is a dateline, not text
    }

    [Fact]
    public void First_H1_Is_The_Last_Resort_Title_And_Relative_Canonical_Without_Base_Is_Dropped()
    {
        // Act
        var page = _extractor.Extract("<body><link rel=canonical href=/x><h1>Heading</h1><p>text</p></body>", null, null);

        // Assert
        page.Title.ShouldBe("Heading");
        page.CanonicalUrl.ShouldBeNull();
    }

    [Fact]
    public void Largest_Article_Is_Preferred_When_There_Is_No_Main()
    {
        // Act
        var page = _extractor.Extract("<body><p>Intro teaser</p><article><p>Short</p></article><article><p>The long article body text</p></article></body>", null, null);

        // Assert
        page.Text.ShouldBe("The long article body text");
    }

    [Fact]
    public void Wrapper_Whose_Class_Mentions_Ads_Is_Kept_When_It_Holds_The_Content()
    {
        // Act
        var page = _extractor.Extract("<body><div class=\"page has-ads\"><main><p>Content</p></main></div></body>", null, null);

        // Assert
        page.Text.ShouldBe("Content");
    }

    [Fact]
    public void Html_Fragment_To_Text_Decodes_Entities_And_Separates_Blocks()
    {
        // Act
        var text = _extractor.HtmlToText("<p>Open &amp; transparent</p><p>Line<br/>break</p>Trailing <b>bold</b><script>alert(1)</script>");

        // Assert
        text.ShouldBe("Open & transparent\n\nLine\n\nbreak\n\nTrailing bold");
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain text only")]
    [InlineData("<<<>>>&&&;;")]
    public void Degenerate_Input_Does_Not_Throw(string html)
    {
        // Act
        var page = _extractor.Extract(html, PageUrl, null);

        // Assert
        page.Text.ShouldBe(html == "plain text only" ? "plain text only" : page.Text);
        page.Text.ShouldNotContain("\n\n\n");
    }

    [Fact]
    public void Binary_Garbage_Does_Not_Throw()
    {
        // Arrange
        var bytes = new byte[64 * 1024];
        new Random(3).NextBytes(bytes);
        var garbage = Encoding.Latin1.GetString(bytes);

        // Act
        var page = _extractor.Extract(garbage, PageUrl, "p");

        // Assert
        page.Text.ShouldNotBeNull();
    }

    [Fact]
    public void Deeply_Nested_Html_Does_Not_Overflow()
    {
        // Arrange
        var html = "<body>" + string.Concat(Enumerable.Repeat("<div>", 50_000)) + "deep text" + string.Concat(Enumerable.Repeat("</div>", 50_000)) + "</body>";

        // Act
        var page = _extractor.Extract(html, null, null);

        // Assert
        page.Text.ShouldBe("deep text");
    }

    [Fact]
    public void Five_Megabyte_Document_Is_Extracted()
    {
        // Arrange
        var sb = new StringBuilder("<html><body><main>");
        while (sb.Length < 5 * 1024 * 1024)
        {
            sb.Append("<p>Paragraph about open model weights and policy.</p>");
        }

        sb.Append("</main></body></html>");

        // Act
        var page = _extractor.Extract(sb.ToString(), null, null);

        // Assert
        page.Text.ShouldStartWith("Paragraph about open model weights and policy.\n\nParagraph");
    }
}
