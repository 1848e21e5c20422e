using System.Text;
using PolicyBot.Extraction;

namespace PolicyBot.Tests.Extraction;

public sealed class ArticleExtractorTests
{
    private const string Prose1 = "The agency said on Monday that developers who publish model weights must describe their safety tests, a change from the draft, which had required prior approval.";
    private const string Prose2 = "Officials said the register of summaries would be public, and that the office could ask for more information when a release appeared to enable serious harm.";
    private const string Prose3 = "Industry groups welcomed the decision, while advocacy groups said self-certification would not be enough, and asked for independent audits of the largest models.";

    private readonly ArticleExtractor _extractor = new();

    private static string Paragraphs(params string[] texts) => string.Concat(texts.Select(t => $"<p>{t}</p>"));

    [Fact]
    public void Quoted_Statement_In_Blockquote_Is_Kept_But_Pull_Quotes_Are_Removed()
    {
        // Arrange
        var html = $"""
            <article><h1>Headline of the story</h1>{Paragraphs(Prose1)}
            <blockquote><p>We will publish the weights of every model we train, together with the evaluations we ran.</p></blockquote>
            <blockquote class="pullquote">A repeated line for design</blockquote>
            <div class="pull-quote">Another repeated line for design</div>
            <aside><p>Boxed explainer that is not part of the text flow.</p></aside>
            {Paragraphs(Prose2, Prose3)}</article>
            """;

        // Act
        var page = _extractor.Extract(html, null);

        // Assert
        page.Text.ShouldContain("We will publish the weights of every model we train");
        page.Text.ShouldNotContain("repeated line");
        page.Text.ShouldNotContain("Boxed explainer");
        page.Text.ShouldNotContain("Headline of the story");
        page.Text.Split("\n\n").Length.ShouldBe(4);
    }

    [Fact]
    public void Main_Article_Wins_Over_Teaser_Articles_And_A_Longer_Comment_Thread()
    {
        // Arrange
        var teasers = string.Concat(Enumerable.Range(1, 6).Select(i => $"<article class=\"teaser\"><a href=\"/t{i}\"><h3>Teaser headline number {i}</h3></a><p>A short summary of another story, number {i}, with a link.</p></article>"));
        var comments = string.Concat(Enumerable.Range(1, 12).Select(i => $"<div class=\"comment-body\"><p>Reader comment {i}: I think this is wrong, because open models help researchers, and the rule will only hurt small labs.</p></div>"));
        var html = $"<body>{teasers}<article class=\"story\">{Paragraphs(Prose1, Prose2, Prose3)}</article><section id=\"comments\">{comments}</section></body>";

        // Act
        var page = _extractor.Extract(html, null);

        // Assert
        page.Text.ShouldBe($"{Prose1}\n\n{Prose2}\n\n{Prose3}");
    }

    [Fact]
    public void Labelled_Advert_Boxes_Site_Name_And_Headline_Echoes_Are_Dropped()
    {
        // Arrange
        var html = $"""
            <html><head><meta property="og:site_name" content="Orchard Times"><meta property="og:title" content="Robots learn to pick apples"></head>
            <body><div class="hdr">Orchard Times</div><div class="x"><div class="big">Robots learn to pick apples</div>{Paragraphs(Prose1)}
            <div class="box"><div class="lbl">ADVERTISEMENT</div><div>Precision sprayers for modern orchards, request a demo</div></div>
            {Paragraphs(Prose2, Prose3)}<p>The vote took place in 2019 <abbr>AD</abbr>, the minutes say, and nobody objected to it.</p></div></body></html>
            """;

        // Act
        var page = _extractor.Extract(html, null);

        // Assert
        page.Text.ShouldBe($"{Prose1}\n\n{Prose2}\n\n{Prose3}\n\nThe vote took place in 2019 AD, the minutes say, and nobody objected to it.");
    }

    [Fact]
    public void Link_Only_Paragraphs_Are_Dropped_But_Lists_Of_Points_Are_Kept()
    {
        // Arrange
        var html = $"<article>{Paragraphs(Prose1)}<p><a href=\"/full.pdf\">Download the full opinion (PDF, 412 KB)</a></p><ul><li>First commitment to publish evaluations</li><li>Second commitment to keep a contact</li></ul>{Paragraphs(Prose2)}</article>";

        // Act
        var page = _extractor.Extract(html, null);

        // Assert
        page.Text.ShouldBe($"{Prose1}\n\nFirst commitment to publish evaluations\n\nSecond commitment to keep a contact\n\n{Prose2}");
    }

    [Fact]
    public void Thousands_Of_Empty_Blocks_In_One_Container_Are_Cleaned_In_Bulk()
    {
        // Arrange
        var html = $"<article>{Paragraphs(Prose1)}{string.Concat(Enumerable.Repeat("<div></div><div class=\"ad\">x</div>", 20_000))}{Paragraphs(Prose2)}</article>";

        // Act
        var page = _extractor.Extract(html, null);

        // Assert
        page.Text.ShouldBe($"{Prose1}\n\n{Prose2}");
    }

    [Fact]
    public void Watched_Listing_Page_Keeps_Every_Item_Not_Just_One()
    {
        // Arrange
        var items = string.Concat(Enumerable.Range(1, 8).Select(i =>
            $"<div class=\"views-row\"><span class=\"date\">{i} March 2025</span><h3><a href=\"/news/{i}\">Minister announces item {i}</a></h3><p>The ministry published guidance number {i}, which explains how public bodies should assess AI tools.</p></div>"));
        var html = $"<body><nav><a href=\"/\">Home</a></nav><main><h1>News and statements</h1><div class=\"view-content\">{items}</div><ul class=\"pager\"><li><a href=\"?page=1\">Next</a></li></ul></main></body>";

        // Act
        var page = _extractor.Extract(html, null);

        // Assert
        for (var i = 1; i <= 8; i++)
        {
            page.Text.ShouldContain($"Minister announces item {i}\n\nThe ministry published guidance number {i},");
        }

        page.Text.ShouldNotContain("Next");
        page.Text.ShouldNotContain("March 2025");
    }

    [Fact]
    public void Div_Soup_With_Line_Breaks_Is_Split_Into_Paragraphs()
    {
        // Arrange
        var html = $"<body><div id=\"menu\"><a href=\"/\">Home</a> | <a href=\"/news\">News</a></div><div id=\"main-text\">{Prose1}<br><br>{Prose2}<br><br>{Prose3}</div><div id=\"footer\">Copyright 2025 Example Daily</div></body>";

        // Act
        var page = _extractor.Extract(html, null);

        // Assert
        page.Text.ShouldBe($"{Prose1}\n\n{Prose2}\n\n{Prose3}");
    }

    [Theory]
    [InlineData("By Jane Doe")]
    [InlineData("By JANE DOE and John Roe, Reuters")]
    [InlineData("Published 12 March 2025")]
    [InlineData("Updated: March 12, 2025 10:31 AM ET")]
    [InlineData("5 min read")]
    [InlineData("Read more: Why the audit plan failed")]
    [InlineData("Sign up for our weekly newsletter")]
    [InlineData("Photo: Jane Doe/Getty Images")]
    [InlineData("Share this article")]
    [InlineData("Advertisement")]
    [InlineData("5 May 2020 — by Ingrid Solheim")]
    [InlineData("AI/DIFFUSION/RULE/RESCINDED")]
    [InlineData("© 2024 Example Wire. Republication is prohibited without prior written consent.")]
    [InlineData("Dale Whitcomb is a staff writer. Contact: dale@orchardtimes.example")]
    [InlineData("Thanks for reading! Subscribe for free to receive new posts.")]
    [InlineData("Lesen Sie auch: Was die KI-Verordnung für Hochschulen bedeutet")]
    [InlineData("6. November 2025, 16:45 Uhr")]
    [InlineData("Von Jan Petersen")]
    public void Furniture_Lines_Inside_The_Article_Are_Dropped(string line)
    {
        // Arrange
        var html = $"<article>{Paragraphs(Prose1, line, Prose2, Prose3)}</article>";

        // Act
        var page = _extractor.Extract(html, null);

        // Assert
        page.Text.ShouldBe($"{Prose1}\n\n{Prose2}\n\n{Prose3}");
    }

    [Theory]
    [InlineData("By March, the rules will apply to every developer.")]
    [InlineData("By using open weights, universities avoid lock-in.")]
    [InlineData("Subscribers to the service complained about the change.")]
    [InlineData("Comments from the minister came later that day.")]
    [InlineData("The vote took place in 2019 AD according to the minutes, said Jane Doe, who is a council member.")]
    [InlineData("He said the findings were reported by Reuters")]
    public void Prose_That_Resembles_Furniture_Is_Kept(string line)
    {
        // Arrange
        var html = $"<article>{Paragraphs(Prose1, line, Prose2)}</article>";

        // Act
        var page = _extractor.Extract(html, null);

        // Assert
        page.Text.ShouldContain(line);
    }

    [Fact]
    public void Json_Ld_Graph_With_Author_Reference_And_Type_Array_Supplies_Metadata()
    {
        // Arrange
        const string html = """
            <html><head><title>Ignored | Site</title>
            <script type="application/ld+json">//<![CDATA[
            {"@context":"https://schema.org","@graph":[
              {"@type":"Organization","@id":"#org","name":"Example Org","url":"https://org.example/"},
              {"@type":["NewsArticle","Article"],"headline":"Graph headline","url":"https://news.example/a/1",
               "datePublished":"2025-01-02T03:04:05+01:00","author":[{"@id":"#p1"},{"@type":"Person","name":"Second Writer"}]},
              {"@type":"Person","@id":"#p1","name":"First Writer"}]}
            //]]></script>
            <script type="application/ld+json">{ this is not json </script>
            </head><body><p>Body text.</p></body></html>
            """;

        // Act
        var page = _extractor.Extract(html, null);

        // Assert
        page.Title.ShouldBe("Graph headline");
        page.Author.ShouldBe("First Writer, Second Writer");
        page.PublishedAt.ShouldBe(new DateTimeOffset(2025, 1, 2, 2, 4, 5, TimeSpan.Zero));
        page.CanonicalUrl.ShouldBe("https://news.example/a/1");
    }

    [Fact]
    public void Nested_Main_Entity_Is_Found()
    {
        // Arrange
        const string html = """<script type="application/ld+json">{"@type":"WebPage","mainEntity":{"@type":"BlogPosting","headline":"Nested post","author":"Plain Name","datePublished":"2024-12-31"}}</script><p>x</p>""";

        // Act
        var page = _extractor.Extract(html, null);

        // Assert
        page.Title.ShouldBe("Nested post");
        page.Author.ShouldBe("Plain Name");
        page.PublishedAt.ShouldBe(new DateTimeOffset(2024, 12, 31, 0, 0, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("<title>Open weights are here to stay | The Daily Example</title>", "Open weights are here to stay")]
    [InlineData("<title>The Daily Example | Open weights are here to stay</title>", "Open weights are here to stay")]
    [InlineData("<title>AI act - what changes for open models | Site</title>", "AI act - what changes for open models")]
    [InlineData("<title>Short - Site</title>", "Short - Site")]
    [InlineData("<meta property=og:site_name content=\"Example News\"><meta property=og:title content=\"Open models rule — Example News\">", "Open models rule")]
    public void Title_Loses_Its_Site_Name(string head, string expected)
    {
        // Act
        var page = _extractor.Extract($"<html><head>{head}</head><body><p>text</p></body></html>", null);

        // Assert
        page.Title.ShouldBe(expected);
    }

    [Theory]
    [InlineData("<meta name=\"pubdate\" content=\"2025-05-06T07:08:09Z\">")]
    [InlineData("<meta name=\"DC.date.issued\" content=\"2025-05-06T07:08:09Z\">")]
    [InlineData("<meta itemprop=\"datePublished\" content=\"2025-05-06T07:08:09Z\">")]
    [InlineData("</head><body><header><time datetime=\"2020-01-01\">clock</time></header><article><time datetime=\"2025-05-06T07:08:09Z\">6 May</time><p>x</p></article>")]
    public void Publication_Time_Comes_From_Date_Meta_Tags_Or_The_Article_Time(string markup)
    {
        // Act
        var page = _extractor.Extract($"<html><head>{markup}</head><body><p>text</p></body></html>", null);

        // Assert
        page.PublishedAt.ShouldBe(new DateTimeOffset(2025, 5, 6, 7, 8, 9, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("<a rel=\"author\" href=\"/people/ann\">Ann Example</a>", "Ann Example")]
    [InlineData("<p class=\"byline\">By Ann Example</p>", "Ann Example")]
    [InlineData("<meta name=\"author\" content=\"https://social.example/ann\"><span itemprop=\"author\">Ann Example</span>", "Ann Example")]
    public void Author_Falls_Back_To_Rel_Author_And_Byline_Markup(string markup, string expected)
    {
        // Act
        var page = _extractor.Extract($"<html><head></head><body>{markup}<p>text</p></body></html>", null);

        // Assert
        page.Author.ShouldBe(expected);
    }

    [Fact]
    public void Page_Without_Scorable_Paragraphs_Falls_Back_To_Its_Visible_Text()
    {
        // Act
        var page = _extractor.Extract("<body><nav>Home</nav><div>Short note.</div><div style=\"display:none\">hidden</div></body>", null);

        // Assert
        page.Text.ShouldBe("Short note.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<html><body></body></html>")]
    [InlineData("<script>only a script</script>")]
    [InlineData("<p>")]
    public void Empty_Pages_Give_Empty_Text(string html)
    {
        // Act
        var page = _extractor.Extract(html, null);

        // Assert
        page.Text.ShouldBe(string.Empty);
        page.Title.ShouldBeNull();
    }

    [Fact]
    public void Null_Input_Gives_An_Empty_Result()
    {
        // Act
        var page = _extractor.Extract(null!, null);

        // Assert
        page.Text.ShouldBe(string.Empty);
    }

    [Fact]
    public void Binary_Served_As_Html_Gives_A_Result_Without_Throwing()
    {
        // Arrange
        var bytes = new byte[256 * 1024];
        new Random(7).NextBytes(bytes);

        // Act
        var page = _extractor.Extract(Encoding.Latin1.GetString(bytes), new Uri("https://site.example/file.pdf"));

        // Assert
        page.ShouldNotBeNull();
        page.Text.ShouldNotContain("\n\n\n");
    }

    [Fact]
    public void Hostile_Json_Ld_And_Attributes_Are_Survived()
    {
        // Arrange
        var deepJson = new string('[', 5000) + new string(']', 5000);
        var longClass = string.Join(' ', Enumerable.Repeat("share-related-ad", 5000));
        var html = $"<script type=\"application/ld+json\">{deepJson}</script><div class=\"{longClass}\"><p>{Prose1}</p></div><article>{Paragraphs(Prose2, Prose3)}</article>";

        // Act
        var page = _extractor.Extract(html, null);

        // Assert
        page.Text.ShouldContain(Prose2);
        page.Title.ShouldBeNull();
    }

    [Fact]
    public void Deeply_Nested_Boilerplate_Wrappers_Do_Not_Overflow()
    {
        // Arrange
        var html = "<body>" + string.Concat(Enumerable.Repeat("<div class=\"sidebar widget\">", 20_000)) + Prose1 + string.Concat(Enumerable.Repeat("</div>", 20_000))
            + $"<article>{Paragraphs(Prose2, Prose3)}</article></body>";

        // Act
        var page = _extractor.Extract(html, null);

        // Assert
        page.Text.ShouldBe($"{Prose2}\n\n{Prose3}");
    }

    [Fact]
    public void Five_Megabyte_Page_With_Boilerplate_Is_Extracted()
    {
        // Arrange
        var sb = new StringBuilder("<html><body><nav><a href=\"/\">Home</a></nav><article>");
        var paragraph = "<p>" + string.Concat(Enumerable.Repeat("Paragraph about open model weights, policy and licences. ", 12)).Trim() + "</p>";
        while (sb.Length < 5 * 1024 * 1024)
        {
            sb.Append(paragraph).Append("<div class=\"share\">Share</div>");
        }

        sb.Append("</article><footer>Footer</footer></body></html>");

        // Act
        var page = _extractor.Extract(sb.ToString(), null);

        // Assert
        page.Text.ShouldStartWith("Paragraph about open model weights, policy and licences. Paragraph");
        page.Text.Length.ShouldBeGreaterThan(4 * 1024 * 1024);
        page.Text.ShouldNotContain("Share");
        page.Text.ShouldNotContain("Footer");
    }
}
