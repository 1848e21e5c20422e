using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;
using PolicyBot.Demo;
using PolicyBot.Polling;

namespace PolicyBot.Tests.Demo;

public sealed class DemoSiteHttpTests
{
    private static readonly TimeSpan BackfillWindow = new PollingOptions().BackfillWindow;

    private static CancellationToken Token => CancellationToken.None;

    [Fact]
    public async Task Site_Listens_On_Loopback_And_Exposes_Its_Urls()
    {
        await using var site = await DemoSite.StartAsync(new ManualDemoClock(), Token);

        site.BaseUrl.IsLoopback.ShouldBeTrue();
        site.BaseUrl.Port.ShouldBeGreaterThan(0);
        site.FeedUrl.ShouldBe(new Uri(site.BaseUrl, "/feed.xml"));
        site.PolicyPageUrl.ShouldBe(new Uri(site.BaseUrl, "/policy/open-weights-policy.html"));
        site.IsSecondDay.ShouldBeFalse();
    }

    [Fact]
    public async Task Feed_Is_Served_As_Rss_With_Utf8_Charset_And_Validators()
    {
        await using var site = await DemoSite.StartAsync(new ManualDemoClock(), Token);
        using var http = new HttpClient();

        using var response = await http.GetAsync(site.FeedUrl, Token);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/rss+xml");
        response.Content.Headers.ContentType.CharSet.ShouldBe("utf-8");
        response.Headers.ETag.ShouldNotBeNull();
        response.Headers.ETag.IsWeak.ShouldBeFalse();
        response.Content.Headers.LastModified.ShouldBe(ManualDemoClock.Start);
    }

    [Fact]
    public async Task Day_One_Feed_Lists_Only_The_Outlet_A_Article_Dated_Within_The_Backfill_Window()
    {
        var clock = new ManualDemoClock();
        await using var site = await DemoSite.StartAsync(clock, Token);
        using var http = new HttpClient();

        var items = await ReadFeedItemsAsync(http, site.FeedUrl);

        items.Count.ShouldBe(1);
        items[0].Link.ShouldBe(site.FirstArticleUrl.AbsoluteUri);
        items[0].PubDate.ShouldBeLessThanOrEqualTo(clock.GetUtcNow());
        items[0].PubDate.ShouldBeGreaterThan(clock.GetUtcNow() - BackfillWindow);
    }

    [Fact]
    public async Task Second_Day_Feed_Lists_Both_Articles_Outlet_B_Newest_And_Within_The_Window()
    {
        var clock = new ManualDemoClock();
        await using var site = await DemoSite.StartAsync(clock, Token);
        using var http = new HttpClient();
        var dayOneItems = await ReadFeedItemsAsync(http, site.FeedUrl);
        clock.Advance(TimeSpan.FromHours(20));

        site.PublishSecondDay();
        var items = await ReadFeedItemsAsync(http, site.FeedUrl);

        items.Select(i => i.Link).ShouldBe([site.SecondArticleUrl.AbsoluteUri, site.FirstArticleUrl.AbsoluteUri]);
        items[0].PubDate.ShouldBeGreaterThan(items[1].PubDate);
        items[1].ShouldBe(dayOneItems[0]);
        items.ShouldAllBe(i => i.PubDate <= clock.GetUtcNow() && i.PubDate > clock.GetUtcNow() - BackfillWindow);
        site.IsSecondDay.ShouldBeTrue();
    }

    [Fact]
    public async Task Feed_Links_All_Resolve_On_The_Site()
    {
        await using var site = await DemoSite.StartAsync(new ManualDemoClock(), Token);
        using var http = new HttpClient();
        site.PublishSecondDay();

        var items = await ReadFeedItemsAsync(http, site.FeedUrl);

        foreach (var item in items)
        {
            using var response = await http.GetAsync(item.Link, Token);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, item.Link);
            response.Content.Headers.ContentType!.ToString().ShouldBe("text/html; charset=utf-8");
        }
    }

    [Fact]
    public async Task Second_Day_Changes_The_Policy_Page_And_Its_ETag()
    {
        var clock = new ManualDemoClock();
        await using var site = await DemoSite.StartAsync(clock, Token);
        using var http = new HttpClient();
        using var before = await http.GetAsync(site.PolicyPageUrl, Token);
        var beforeBody = await before.Content.ReadAsStringAsync(Token);
        clock.Advance(TimeSpan.FromDays(1));

        site.PublishSecondDay();
        using var after = await http.GetAsync(site.PolicyPageUrl, Token);
        var afterBody = await after.Content.ReadAsStringAsync(Token);

        beforeBody.ShouldContain("We will never hold back the weights");
        afterBody.ShouldNotContain("We will never hold back the weights");
        afterBody.ShouldContain("Frontier models are reviewed by our release board before any open release.");
        after.Headers.ETag.ShouldNotBe(before.Headers.ETag);
        after.Content.Headers.LastModified.ShouldBe(clock.GetUtcNow());
    }

    [Fact]
    public async Task Unchanged_Article_Keeps_Its_Validators_Across_The_Day_Switch()
    {
        var clock = new ManualDemoClock();
        await using var site = await DemoSite.StartAsync(clock, Token);
        using var http = new HttpClient();
        using var before = await http.GetAsync(site.FirstArticleUrl, Token);
        clock.Advance(TimeSpan.FromHours(5));

        site.PublishSecondDay();
        using var after = await http.GetAsync(site.FirstArticleUrl, Token);

        after.Headers.ETag.ShouldBe(before.Headers.ETag);
        after.Content.Headers.LastModified.ShouldBe(ManualDemoClock.Start);
    }

    [Fact]
    public async Task Matching_If_None_Match_Gets_304_Without_A_Body()
    {
        await using var site = await DemoSite.StartAsync(new ManualDemoClock(), Token);
        using var http = new HttpClient();
        using var first = await http.GetAsync(site.FeedUrl, Token);

        using var request = new HttpRequestMessage(HttpMethod.Get, site.FeedUrl);
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"some-other-tag\""));
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await http.SendAsync(request, Token);

        second.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await second.Content.ReadAsByteArrayAsync(Token)).ShouldBeEmpty();
        second.Headers.ETag.ShouldBe(first.Headers.ETag);
    }

    [Fact]
    public async Task Old_ETag_Gets_The_New_Feed_After_The_Second_Day()
    {
        await using var site = await DemoSite.StartAsync(new ManualDemoClock(), Token);
        using var http = new HttpClient();
        using var first = await http.GetAsync(site.FeedUrl, Token);
        site.PublishSecondDay();

        using var request = new HttpRequestMessage(HttpMethod.Get, site.FeedUrl);
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await http.SendAsync(request, Token);

        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.Headers.ETag.ShouldNotBe(first.Headers.ETag);
        (await second.Content.ReadAsStringAsync(Token)).ShouldContain("meta-open-weights-retreat.html");
    }

    [Fact]
    public async Task If_Modified_Since_Gets_304_Only_While_The_Page_Is_Unchanged()
    {
        var clock = new ManualDemoClock();
        await using var site = await DemoSite.StartAsync(clock, Token);
        using var http = new HttpClient();
        using var first = await http.GetAsync(site.PolicyPageUrl, Token);
        var lastModified = first.Content.Headers.LastModified!.Value;

        using var unchanged = await SendIfModifiedSinceAsync(http, site.PolicyPageUrl, lastModified);
        clock.Advance(TimeSpan.FromMinutes(1));
        site.PublishSecondDay();
        using var changed = await SendIfModifiedSinceAsync(http, site.PolicyPageUrl, lastModified);

        unchanged.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Head_Returns_Headers_Without_A_Body_And_Post_Is_Refused()
    {
        await using var site = await DemoSite.StartAsync(new ManualDemoClock(), Token);
        using var http = new HttpClient();

        using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, site.PolicyPageUrl), Token);
        using var post = await http.PostAsync(site.PolicyPageUrl, new StringContent("x"), Token);

        head.StatusCode.ShouldBe(HttpStatusCode.OK);
        head.Content.Headers.ContentLength.ShouldNotBeNull().ShouldBeGreaterThan(0);
        (await head.Content.ReadAsByteArrayAsync(Token)).ShouldBeEmpty();
        post.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/nope.html")]
    [InlineData("/policy/open-weights-policy.v1.html")]
    [InlineData("/README.md")]
    [InlineData("/outlet-a/../feed.xml.bak")]
    [InlineData("/FEED.XML")]
    public async Task Unknown_Paths_Return_404(string path)
    {
        await using var site = await DemoSite.StartAsync(new ManualDemoClock(), Token);
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(site.BaseUrl, path), Token);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Outlet_B_Article_Is_Not_Served_Before_The_Second_Day()
    {
        await using var site = await DemoSite.StartAsync(new ManualDemoClock(), Token);
        using var http = new HttpClient();

        using var before = await http.GetAsync(site.SecondArticleUrl, Token);
        site.PublishSecondDay();
        using var after = await http.GetAsync(site.SecondArticleUrl, Token);

        before.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        after.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Publishing_The_Second_Day_Twice_Changes_Nothing()
    {
        var clock = new ManualDemoClock();
        await using var site = await DemoSite.StartAsync(clock, Token);
        using var http = new HttpClient();
        site.PublishSecondDay();
        using var first = await http.GetAsync(site.FeedUrl, Token);
        clock.Advance(TimeSpan.FromHours(1));

        site.PublishSecondDay();
        using var second = await http.GetAsync(site.FeedUrl, Token);

        second.Headers.ETag.ShouldBe(first.Headers.ETag);
    }

    private static async Task<HttpResponseMessage> SendIfModifiedSinceAsync(HttpClient http, Uri url, DateTimeOffset since)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfModifiedSince = since;
        return await http.SendAsync(request, Token);
    }

    private static async Task<List<FeedItem>> ReadFeedItemsAsync(HttpClient http, Uri feedUrl)
    {
        var xml = await http.GetStringAsync(feedUrl, Token);
        return XDocument.Parse(xml).Root!.Element("channel")!.Elements("item")
            .Select(item => new FeedItem(
                item.Element("link")!.Value,
                item.Element("guid")!.Value,
                DateTimeOffset.ParseExact(item.Element("pubDate")!.Value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)))
            .ToList();
    }

    private sealed record FeedItem(string Link, string Guid, DateTimeOffset PubDate);
}
