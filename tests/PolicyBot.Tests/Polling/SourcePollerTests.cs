using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Alerting;
using PolicyBot.Data;
using PolicyBot.Polling;
using PolicyBot.Sources;
using PolicyBot.Tests.Alerting;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Polling;

public sealed class SourcePollerTests
{
    private static async Task<Source> AddAsync(TestServices services, Uri url, string kind = "feed")
    {
        var definition = new SourceDefinition { Name = "Test " + kind, Url = url.ToString(), Kind = kind };
        return (await services.Get<SourceStore>().AddAsync(definition, "cli", services.Clock.GetUtcNow(), CancellationToken.None))!;
    }

    private static async Task<PollReport> PollAsync(TestServices services, Source source)
    {
        var fresh = await services.Get<SourceStore>().FindAsync(source.Url, CancellationToken.None);
        return await services.Get<SourcePoller>().PollAsync(fresh!, CancellationToken.None);
    }

    private static async Task<int> CountAsync(TestServices services, string sql)
    {
        await using var connection = await services.Get<SqliteDatabase>().OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<int>(sql);
    }

    [Fact]
    public async Task The_First_Poll_Is_A_Silent_Baseline_Except_For_Items_Inside_The_Backfill_Window()
    {
        await using var server = await LoopbackServer.StartAsync();
        await using var services = await TestServices.CreateAsync();
        var now = services.Clock.GetUtcNow();
        server.Map("/feed.xml", LoopbackServer.Respond(200, TestFeeds.Rss(
            TestFeeds.Relevant("recent", now.AddHours(-3)),
            TestFeeds.Relevant("old", now.AddDays(-30))), "application/rss+xml"));
        var source = await AddAsync(services, server.Url("/feed.xml"));

        var report = await PollAsync(services, source);

        report.Outcome.ShouldBe(PollOutcome.Updated);
        report.NewItems.ShouldBe(2);
        report.Alerts.Select(a => a.Url).ShouldBe(["https://news.example/recent"]);
        (await CountAsync(services, "SELECT COUNT(*) FROM items")).ShouldBe(2);
        server.UnexpectedRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_New_Relevant_Item_Alerts_With_Its_Quote_And_An_Irrelevant_One_Does_Not()
    {
        await using var server = await LoopbackServer.StartAsync();
        var channel = new RecordingChannel();
        await using var services = await TestServices.CreateAsync(configure: s => s.AddSingleton<PolicyBot.Chat.IChatAdapter>(channel));
        await channel.SubscribeAsync(services);
        var now = services.Clock.GetUtcNow();
        var feed = TestFeeds.Rss(TestFeeds.Relevant("a", now.AddDays(-10)));
        server.Map("/feed.xml", ctx => LoopbackServer.Respond(200, feed, "application/rss+xml")(ctx));
        var source = await AddAsync(services, server.Url("/feed.xml"));
        await PollAsync(services, source);

        feed = TestFeeds.Rss(TestFeeds.Relevant("b", now), TestFeeds.Irrelevant("c", now), TestFeeds.Relevant("a", now.AddDays(-10)));
        var report = await PollAsync(services, source);

        report.NewItems.ShouldBe(2);
        var alert = report.Alerts.ShouldHaveSingleItem();
        alert.Url.ShouldBe("https://news.example/b");
        alert.Kind.ShouldBe("new");
        alert.Quotes.ShouldContain(q => q.Text.Contains("careful about what we choose to open-source") && q.Speaker == "Mark Zuckerberg");
        alert.Id.ShouldBeGreaterThan(0);
        (await CountAsync(services, "SELECT COUNT(*) FROM outbox WHERE channel = 'test' AND state = 'pending'")).ShouldBe(1);
    }

    [Fact]
    public async Task Conditional_Get_Sends_The_Stored_Validators_And_304_Changes_Nothing_But_The_Schedule()
    {
        await using var server = await LoopbackServer.StartAsync();
        await using var services = await TestServices.CreateAsync();
        var body = TestFeeds.Rss(TestFeeds.Relevant("a", services.Clock.GetUtcNow()));
        server.Map("/feed.xml", async ctx =>
        {
            if (ctx.Request.Headers.IfNoneMatch == "\"v1\"")
            {
                ctx.Response.StatusCode = 304;
                return;
            }

            ctx.Response.Headers.ETag = "\"v1\"";
            ctx.Response.Headers.LastModified = "Mon, 02 Nov 2026 08:00:00 GMT";
            ctx.Response.ContentType = "application/rss+xml";
            await ctx.Response.WriteAsync(body);
        });
        var source = await AddAsync(services, server.Url("/feed.xml"));
        await PollAsync(services, source);
        services.Clock.Advance(TimeSpan.FromMinutes(20));

        var report = await PollAsync(services, source);

        report.Outcome.ShouldBe(PollOutcome.Unchanged);
        report.Alerts.ShouldBeEmpty();
        var second = server.Requests[1];
        second.Header("If-None-Match").ShouldBe("\"v1\"");
        second.Header("If-Modified-Since").ShouldBe("Mon, 02 Nov 2026 08:00:00 GMT");
        var stored = await services.Get<SourceStore>().FindAsync(source.Url, CancellationToken.None);
        stored!.LastCheckedAt.ShouldBe(services.Clock.GetUtcNow());
        stored.NextCheckAt.ShouldBe(services.Clock.GetUtcNow().AddMinutes(15));
    }

    [Fact]
    public async Task A_Changed_Item_Produces_A_Change_Record_With_The_Sentences_Added_And_Removed()
    {
        await using var server = await LoopbackServer.StartAsync();
        await using var services = await TestServices.CreateAsync();
        var published = services.Clock.GetUtcNow().AddDays(-5);
        var feed = TestFeeds.Rss(TestFeeds.Relevant("a", published));
        server.Map("/feed.xml", ctx => LoopbackServer.Respond(200, feed, "application/rss+xml")(ctx));
        var source = await AddAsync(services, server.Url("/feed.xml"));
        await PollAsync(services, source);

        feed = TestFeeds.Rss(TestFeeds.Relevant("a", published, "<p>Meta later said its Llama licence would not change this year.</p>"));
        var report = await PollAsync(services, source);

        report.ChangedItems.ShouldBe(1);
        var alert = report.Alerts.ShouldHaveSingleItem();
        alert.Kind.ShouldBe("changed");
        alert.Change!.Added.ShouldBe(["Meta later said its Llama licence would not change this year."]);
        alert.Change.Removed.ShouldBeEmpty();
        await using var connection = await services.Get<SqliteDatabase>().OpenAsync(CancellationToken.None);
        var added = await connection.ExecuteScalarAsync<string>("SELECT added FROM changes");
        JsonSerializer.Deserialize<string[]>(added!).ShouldBe(["Meta later said its Llama licence would not change this year."]);
    }

    [Fact]
    public async Task A_Watched_Page_Alerts_On_A_Real_Change_But_Not_On_Noise()
    {
        await using var server = await LoopbackServer.StartAsync();
        await using var services = await TestServices.CreateAsync();
        string[] v1 = ["We publish the weights of every model we train under an open licence.", "Researchers may fine-tune and redistribute them."];
        var page = TestFeeds.PolicyPage("1 November 2026", 1041, v1);
        server.Map("/policy", ctx => LoopbackServer.Respond(200, page, "text/html; charset=utf-8")(ctx));
        var source = await AddAsync(services, server.Url("/policy"), "page");
        var baseline = await PollAsync(services, source);

        page = TestFeeds.PolicyPage("2 November 2026", 1187, v1);
        var noise = await PollAsync(services, source);
        page = TestFeeds.PolicyPage("3 November 2026", 1290, "Frontier models are reviewed before any open release.", "Researchers may fine-tune and redistribute them.");
        var change = await PollAsync(services, source);

        baseline.Alerts.ShouldBeEmpty();
        noise.Alerts.ShouldBeEmpty();
        noise.ChangedItems.ShouldBe(0);
        var alert = change.Alerts.ShouldHaveSingleItem();
        alert.Change!.Added.ShouldBe(["Frontier models are reviewed before any open release."]);
        alert.Change.Removed.ShouldBe(["We publish the weights of every model we train under an open licence."]);
    }

    [Fact]
    public async Task Failures_Back_Off_Exponentially_And_Honour_Retry_After_Then_A_Success_Resets()
    {
        await using var server = await LoopbackServer.StartAsync();
        await using var services = await TestServices.CreateAsync();
        var status = 500;
        server.Map("/feed.xml", async ctx =>
        {
            ctx.Response.StatusCode = status;
            if (status == 429)
            {
                ctx.Response.Headers.RetryAfter = "7200";
            }

            if (status == 200)
            {
                ctx.Response.ContentType = "application/rss+xml";
                await ctx.Response.WriteAsync(TestFeeds.Rss(TestFeeds.Irrelevant("x", DateTimeOffset.UnixEpoch)));
            }
        });
        var source = await AddAsync(services, server.Url("/feed.xml"));
        var store = services.Get<SourceStore>();
        var now = services.Clock.GetUtcNow();

        await PollAsync(services, source);
        var once = await store.FindAsync(source.Url, CancellationToken.None);
        await PollAsync(services, source);
        var twice = await store.FindAsync(source.Url, CancellationToken.None);
        status = 429;
        await PollAsync(services, source);
        var limited = await store.FindAsync(source.Url, CancellationToken.None);
        status = 200;
        await PollAsync(services, source);
        var healthy = await store.FindAsync(source.Url, CancellationToken.None);

        once!.ErrorCount.ShouldBe(1);
        once.LastError!.ShouldContain("500");
        once.NextCheckAt.ShouldBe(now.AddMinutes(15));
        twice!.NextCheckAt.ShouldBe(now.AddMinutes(30));
        limited!.ErrorCount.ShouldBe(3);
        limited.NextCheckAt.ShouldBe(now.AddHours(2));
        healthy!.ErrorCount.ShouldBe(0);
        healthy.LastError.ShouldBeNull();
    }

    [Fact]
    public async Task An_Ill_Formed_But_Readable_Feed_Is_Read_And_Its_Problem_Kept_As_A_Warning_Not_An_Error()
    {
        await using var server = await LoopbackServer.StartAsync();
        await using var services = await TestServices.CreateAsync();
        var feed = TestFeeds.Rss(TestFeeds.Relevant("a", services.Clock.GetUtcNow())).Replace("Test Wire", "Test &nbsp;Wire &amp AT&T", StringComparison.Ordinal);
        server.Map("/feed.xml", LoopbackServer.Respond(200, feed, "application/rss+xml"));
        var source = await AddAsync(services, server.Url("/feed.xml"));

        var report = await PollAsync(services, source);

        report.Outcome.ShouldBe(PollOutcome.Updated);
        report.Alerts.ShouldHaveSingleItem();
        var stored = await services.Get<SourceStore>().FindAsync(source.Url, CancellationToken.None);
        stored!.ErrorCount.ShouldBe(0);
        stored.LastError.ShouldBeNull();
        stored.LastWarning.ShouldNotBeNull().ShouldStartWith("ill-formed");
    }
}
