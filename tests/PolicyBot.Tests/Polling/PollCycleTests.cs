using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using Dapper;
using Microsoft.AspNetCore.Http;
using PolicyBot.Data;
using PolicyBot.Polling;
using PolicyBot.Sources;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Polling;

public sealed class PollCycleTests
{
    private static async Task<Source> AddAsync(TestServices services, string url, string kind = "feed") =>
        (await services.Get<SourceStore>().AddAsync(new SourceDefinition { Name = url, Url = url, Kind = kind }, "cli", services.Clock.GetUtcNow(), CancellationToken.None))!;

    [Fact]
    public async Task Every_Bad_Source_Ends_As_A_Recorded_Error_And_The_Good_One_Still_Alerts()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var silentUrl = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/feed.xml";
        await using var services = await TestServices.CreateAsync(
            new Dictionary<string, string?> { ["Polling:Timeout"] = "00:00:02", ["Polling:MaxBodyBytes"] = "1048576" },
            timeProviderOverride: TimeProvider.System);
        var now = TimeProvider.System.GetUtcNow();
        server.Map("/good.xml", LoopbackServer.Respond(200, TestFeeds.Rss(TestFeeds.Relevant("good", now.AddMinutes(-5))), "application/rss+xml"));
        server.Map("/malformed.xml", LoopbackServer.Respond(200, "<rss version=\"2.0\"><channel><title>x</title>\u0000\u0001<<<&&&" + new string('\u0002', 300), "application/rss+xml"));
        server.Map("/html.xml", LoopbackServer.Respond(200, "<!doctype html><html><head><title>Home</title></head><body><p>Welcome</p></body></html>", "text/html"));
        server.Map("/huge.xml", async ctx =>
        {
            ctx.Response.ContentType = "application/rss+xml";
            var chunk = new byte[64 * 1024];
            for (var i = 0; i < 50 * 16; i++)
            {
                await ctx.Response.Body.WriteAsync(chunk, ctx.RequestAborted);
            }
        });
        server.Map("/bomb.xml", async ctx =>
        {
            ctx.Response.ContentType = "application/rss+xml";
            ctx.Response.Headers.ContentEncoding = "gzip";
            await using var gzip = new GZipStream(ctx.Response.Body, CompressionLevel.Fastest, leaveOpen: true);
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 200; i++)
            {
                await gzip.WriteAsync(zeros, ctx.RequestAborted);
            }
        });
        server.Map("/loop", ctx =>
        {
            ctx.Response.StatusCode = 302;
            ctx.Response.Headers.Location = "/loop";
            return Task.CompletedTask;
        });
        var bad = new[] { "/malformed.xml", "/html.xml", "/huge.xml", "/bomb.xml", "/loop" };
        foreach (var path in bad)
        {
            await AddAsync(services, server.Url(path).ToString());
        }

        await AddAsync(services, silentUrl);
        await using (var connection = await services.Get<SqliteDatabase>().OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync(
                "INSERT INTO sources (name, url, kind, created_at, next_check_at) VALUES ('creds', 'http://user:secret@127.0.0.1/x', 'feed', @now, @now), ('ftp', 'ftp://127.0.0.1/feed', 'feed', @now, @now)",
                new { now });
        }

        var good = await AddAsync(services, server.Url("/good.xml").ToString());

        var reports = await services.Get<PollCycle>().RunAsync(await services.Get<SourceStore>().ListAsync(CancellationToken.None), CancellationToken.None);

        reports.Single(r => r.SourceId == good.Id).Alerts.ShouldHaveSingleItem();
        var others = reports.Where(r => r.SourceId != good.Id).ToList();
        others.Count.ShouldBe(8);
        others.Where(r => r.Outcome != PollOutcome.Failed || string.IsNullOrEmpty(r.Error)).Select(r => r.SourceName).ShouldBeEmpty();
        var stored = await services.Get<SourceStore>().ListAsync(CancellationToken.None);
        stored.Where(s => s.Id != good.Id).ShouldAllBe(s => s.ErrorCount == 1 && s.LastError != null);
        stored.ShouldAllBe(s => s.LastError == null || !s.LastError.Contains("secret"));
    }

    [Fact]
    public async Task A_Restart_Neither_Loses_History_Nor_Floods_Old_Items()
    {
        await using var server = await LoopbackServer.StartAsync();
        var directory = Directory.CreateTempSubdirectory("policybot-restart").FullName;
        var database = Path.Combine(directory, "policybot.db");
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        var feed = TestFeeds.Rss(TestFeeds.Distinct("a", clock.GetUtcNow().AddHours(-1), 0), TestFeeds.Distinct("b", clock.GetUtcNow().AddHours(-2), 1));
        server.Map("/feed.xml", ctx => LoopbackServer.Respond(200, feed, "application/rss+xml")(ctx));
        int firstAlerts;
        await using (var before = await TestServices.CreateAsync(databasePath: database, clock: clock))
        {
            await AddAsync(before, server.Url("/feed.xml").ToString());
            firstAlerts = (await before.Get<PollCycle>().RunDueAsync(CancellationToken.None)).Sum(r => r.Alerts.Count);
        }

        clock.Advance(TimeSpan.FromHours(6));
        feed = TestFeeds.Rss(
            TestFeeds.Distinct("c", clock.GetUtcNow(), 2), TestFeeds.Distinct("a", clock.GetUtcNow().AddHours(-7), 0), TestFeeds.Distinct("b", clock.GetUtcNow().AddHours(-8), 1));
        await using var after = await TestServices.CreateAsync(databasePath: database, clock: clock);

        var reports = await after.Get<PollCycle>().RunDueAsync(CancellationToken.None);

        firstAlerts.ShouldBe(2);
        reports.ShouldHaveSingleItem().Alerts.Select(a => a.Url).ShouldBe(["https://news.example/c"]);
    }

    [Fact]
    public async Task Missed_Checks_Run_Once_Not_Once_Per_Missed_Interval()
    {
        await using var server = await LoopbackServer.StartAsync();
        await using var services = await TestServices.CreateAsync();
        server.Map("/feed.xml", LoopbackServer.Respond(200, TestFeeds.Rss(TestFeeds.Irrelevant("x", DateTimeOffset.UnixEpoch)), "application/rss+xml"));
        var source = await AddAsync(services, server.Url("/feed.xml").ToString());
        services.Clock.Advance(TimeSpan.FromDays(3));
        var cycle = services.Get<PollCycle>();

        var first = await cycle.RunDueAsync(CancellationToken.None);
        var second = await cycle.RunDueAsync(CancellationToken.None);

        first.ShouldHaveSingleItem();
        second.ShouldBeEmpty();
        server.Requests.Count.ShouldBe(1);
        (await services.Get<SourceStore>().FindAsync(source.Url, CancellationToken.None))!.NextCheckAt.ShouldBe(services.Clock.GetUtcNow().AddMinutes(15));
    }

    [Fact]
    public async Task Paused_Sources_Are_Not_Checked()
    {
        await using var server = await LoopbackServer.StartAsync();
        await using var services = await TestServices.CreateAsync();
        var source = await AddAsync(services, server.Url("/feed.xml").ToString());
        await services.Get<SourceStore>().SetEnabledAsync(source.Id, false, services.Clock.GetUtcNow(), CancellationToken.None);

        var reports = await services.Get<PollCycle>().RunDueAsync(CancellationToken.None);

        reports.ShouldBeEmpty();
        server.Requests.ShouldBeEmpty();
    }
}
