using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PolicyBot.Demo;
using PolicyBot.Polling;

namespace PolicyBot.Tests.Demo;

public sealed partial class DemoSitePagesTests
{
    private const string LetterQuote = "We believe the benefits of superintelligence should be shared with the world as broadly as possible. That said, superintelligence will raise novel safety concerns";
    private const string CarefulQuote = "We'll need to be rigorous about mitigating these risks and careful about what we choose to open-source";
    private const string EarningsCallQuote = "If we reach a point where releasing some models is no longer responsible, we simply won't do it.";
    private const string EssayQuote = "I believe that open-source is necessary for a positive AI future";

    private static CancellationToken Token => CancellationToken.None;

    [Fact]
    public async Task Outlet_A_Article_Quotes_The_Letter_And_The_2024_Essay_Verbatim_With_A_Source_Line()
    {
        await using var site = await DemoSite.StartAsync(new ManualDemoClock(), Token);

        var page = await LoadAsync(site.FirstArticleUrl);
        var text = Collapse(page.QuerySelector("article")!.TextContent);

        text.ShouldContain($"“{LetterQuote},” Zuckerberg wrote.");
        text.ShouldContain($"“{CarefulQuote},” he added.");
        text.ShouldContain($"“{EssayQuote},” he wrote at the time.");
        text.ShouldContain("Source: quotations from Mark Zuckerberg, “Personal Superintelligence”, meta.com/superintelligence, 30 July 2025");
    }

    [Fact]
    public async Task Outlet_B_Post_Quotes_The_Earnings_Call_And_The_Letter_Verbatim_Without_An_Article_Element()
    {
        await using var site = await DemoSite.StartAsync(new ManualDemoClock(), Token);
        site.PublishSecondDay();

        var page = await LoadAsync(site.SecondArticleUrl);
        var text = Collapse(page.QuerySelector("div.post-body")!.TextContent);

        page.QuerySelector("article").ShouldBeNull();
        page.QuerySelector(".sidebar .widget_newsletter form").ShouldNotBeNull();
        text.ShouldContain($"Zuckerberg said that “{EarningsCallQuote}”");
        text.ShouldContain($"“{CarefulQuote},” the Meta CEO said.");
        text.ShouldContain("Source: Mark Zuckerberg on Meta’s Q2 2025 earnings call, 30 July 2025");
    }

    [Fact]
    public async Task Outlet_A_Article_Has_Canonical_Link_Open_Graph_And_NewsArticle_Metadata_Dated_In_The_Window()
    {
        var clock = new ManualDemoClock();
        await using var site = await DemoSite.StartAsync(clock, Token);

        var page = await LoadAsync(site.FirstArticleUrl);
        var published = DateTimeOffset.Parse(
            page.QuerySelector("meta[property='article:published_time']")!.GetAttribute("content")!, CultureInfo.InvariantCulture);
        using var jsonLd = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);

        page.QuerySelector("link[rel=canonical]")!.GetAttribute("href").ShouldBe(site.FirstArticleUrl.AbsoluteUri);
        page.QuerySelector("meta[property='og:title']")!.GetAttribute("content").ShouldNotBeNullOrWhiteSpace();
        published.ShouldBe(clock.GetUtcNow().AddHours(-3));
        published.ShouldBeGreaterThan(clock.GetUtcNow() - new PollingOptions().BackfillWindow);
        jsonLd.RootElement.GetProperty("@type").GetString().ShouldBe("NewsArticle");
        DateTimeOffset.Parse(jsonLd.RootElement.GetProperty("datePublished").GetString()!, CultureInfo.InvariantCulture).ShouldBe(published);
        page.QuerySelector("footer.site-footer")!.TextContent.ShouldContain("Demo content written for PolicyBot");
    }

    [Fact]
    public async Task Policy_Page_Versions_Differ_In_Substance_And_In_Noise_Only_Otherwise()
    {
        var clock = new ManualDemoClock();
        await using var site = await DemoSite.StartAsync(clock, Token);
        var v1 = await LoadAsync(site.PolicyPageUrl);
        clock.Advance(TimeSpan.FromDays(1));

        site.PublishSecondDay();
        var v2 = await LoadAsync(site.PolicyPageUrl);

        var v1Paragraphs = Paragraphs(v1);
        var v2Paragraphs = Paragraphs(v2);
        v1Paragraphs.Except(v2Paragraphs).Count().ShouldBe(4); // 2 changed sentences, 1 removed, 1 noise line
        v2Paragraphs.Except(v1Paragraphs).Count().ShouldBe(4); // 2 changed, 1 added, 1 noise line
        v1.QuerySelector(".page-meta")!.TextContent.ShouldContain("Last updated: 21 June 2025");
        v2.QuerySelector(".page-meta")!.TextContent.ShouldContain("Last updated: 1 August 2025");
        v1.QuerySelector(".view-count")!.TextContent.ShouldNotBe(v2.QuerySelector(".view-count")!.TextContent);
        v2.QuerySelector("main")!.TextContent.ShouldContain("Some weights may be withheld");
    }

    [Fact]
    public async Task No_Placeholder_Is_Left_Unrendered_On_Either_Day()
    {
        await using var site = await DemoSite.StartAsync(new ManualDemoClock(), Token);
        Uri[] dayOne = [site.FeedUrl, site.FirstArticleUrl, site.PolicyPageUrl];
        Uri[] dayTwo = [.. dayOne, site.SecondArticleUrl];
        using var http = new HttpClient();

        var bodies = new List<string>();
        foreach (var url in dayOne)
        {
            bodies.Add(await http.GetStringAsync(url, Token));
        }

        site.PublishSecondDay();
        foreach (var url in dayTwo)
        {
            bodies.Add(await http.GetStringAsync(url, Token));
        }

        bodies.Count.ShouldBe(7);
        bodies.ShouldAllBe(body => !body.Contains("{{") && !body.Contains("day2") && !body.Contains("published:"));
        bodies.ShouldAllBe(body => body.Contains(site.BaseUrl.AbsoluteUri.TrimEnd('/')));
    }

    [Fact]
    public async Task Feed_Is_Well_Formed_Rss_2_With_Teasers()
    {
        await using var site = await DemoSite.StartAsync(new ManualDemoClock(), Token);
        site.PublishSecondDay();
        using var http = new HttpClient();

        var feed = XDocument.Parse(await http.GetStringAsync(site.FeedUrl, Token));

        feed.Root!.Name.LocalName.ShouldBe("rss");
        feed.Root.Attribute("version")!.Value.ShouldBe("2.0");
        var items = feed.Root.Element("channel")!.Elements("item").ToList();
        items.Count.ShouldBe(2);
        items.ShouldAllBe(i => i.Element("title") != null && i.Element("guid") != null && i.Element("description")!.Value.Length > 40);
    }

    [Fact]
    public async Task Every_Page_Says_It_Is_Demo_Content()
    {
        await using var site = await DemoSite.StartAsync(new ManualDemoClock(), Token);
        site.PublishSecondDay();
        using var http = new HttpClient();

        foreach (var url in new[] { site.FeedUrl, site.FirstArticleUrl, site.SecondArticleUrl, site.PolicyPageUrl })
        {
            using var response = await http.GetAsync(url, Token);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await response.Content.ReadAsStringAsync(Token)).ShouldContain("Demo content written for PolicyBot", customMessage: url.AbsoluteUri);
        }
    }

    private static async Task<IDocument> LoadAsync(Uri url)
    {
        using var http = new HttpClient();
        var html = await http.GetStringAsync(url, Token);
        return await new HtmlParser().ParseDocumentAsync(html, Token);
    }

    private static List<string> Paragraphs(IDocument page) =>
        [.. page.QuerySelectorAll("main p").Select(p => Collapse(p.TextContent))];

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
