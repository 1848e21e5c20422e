using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Alerting;
using PolicyBot.Polling;
using PolicyBot.Positions;
using PolicyBot.Sources;
using PolicyBot.Tests.Alerting;
using PolicyBot.Tests.Infrastructure;
using PolicyBot.Tests.Polling;

namespace PolicyBot.Tests.Clustering;

public sealed class StatementRecorderTests
{
    private static async Task<Source> AddAsync(TestServices services, Uri url, string name) =>
        (await services.Get<SourceStore>().AddAsync(new SourceDefinition { Name = name, Url = url.ToString(), Kind = "feed" }, "cli", services.Clock.GetUtcNow(), CancellationToken.None))!;

    private static TestFeeds.Item SecondOutlet(string guid, DateTimeOffset published) => new(
        guid,
        "Meta puts a safety condition on open-sourcing its future models",
        $"<p>In a new letter, Zuckerberg told readers that Meta will decide model by model what it releases openly.</p>" +
        $"<p>He wrote that “{TestFeeds.CautiousQuote}”</p>",
        published,
        "https://other-outlet.example/meta-letter");

    [Fact]
    public async Task A_Second_Outlet_Reporting_The_Same_Statement_Updates_The_First_Alert_Instead_Of_Alerting_Again()
    {
        await using var server = await LoopbackServer.StartAsync();
        var channel = new RecordingChannel();
        await using var services = await TestServices.CreateAsync(configure: s => s.AddSingleton<PolicyBot.Chat.IChatAdapter>(channel));
        await channel.SubscribeAsync(services);
        var now = services.Clock.GetUtcNow();
        server.Map("/a.xml", LoopbackServer.Respond(200, TestFeeds.Rss(TestFeeds.Relevant("a", now.AddHours(-2))), "application/rss+xml"));
        server.Map("/b.xml", LoopbackServer.Respond(200, TestFeeds.Rss(SecondOutlet("b", now.AddHours(-1))), "application/rss+xml"));
        var first = await AddAsync(services, server.Url("/a.xml"), "Outlet A");
        var second = await AddAsync(services, server.Url("/b.xml"), "Outlet B");
        var poller = services.Get<SourcePoller>();
        var dispatcher = services.Get<OutboxDispatcher>();

        var day1 = await poller.PollAsync(first, CancellationToken.None);
        await dispatcher.DispatchAsync(CancellationToken.None);
        var day2 = await poller.PollAsync(second, CancellationToken.None);
        await dispatcher.DispatchAsync(CancellationToken.None);

        var alert = day1.Alerts.ShouldHaveSingleItem();
        alert.Shift.ShouldBe("open → cautious");
        day2.Alerts.ShouldBeEmpty();
        var revised = day2.Revised.ShouldHaveSingleItem();
        revised.Id.ShouldBe(alert.Id);
        revised.AlsoReportedBy.ShouldBe(["https://other-outlet.example/meta-letter"]);
        channel.Sent.ShouldHaveSingleItem().Id.ShouldBe(alert.Id);
        var update = channel.Updates.ShouldHaveSingleItem();
        update.MessageId.ShouldBe("m1");
        update.Alert.AlsoReportedBy.ShouldBe(["https://other-outlet.example/meta-letter"]);
    }

    [Fact]
    public async Task A_Statement_Is_A_Shift_Only_When_It_Differs_From_The_Actors_Last_Position()
    {
        await using var server = await LoopbackServer.StartAsync();
        await using var services = await TestServices.CreateAsync();
        var now = services.Clock.GetUtcNow();
        var feed = TestFeeds.Rss(TestFeeds.Relevant("first", now.AddHours(-1)));
        server.Map("/a.xml", ctx => LoopbackServer.Respond(200, feed, "application/rss+xml")(ctx));
        var source = await AddAsync(services, server.Url("/a.xml"), "Outlet");
        await services.Get<SourcePoller>().PollAsync(source, CancellationToken.None);

        services.Clock.Advance(TimeSpan.FromDays(30));
        feed = TestFeeds.Rss(new TestFeeds.Item(
            "later",
            "Meta repeats that some models may stay closed",
            $"<p>A month later, Meta CEO Mark Zuckerberg again said the company would not open-source every model or publish the open weights of its frontier AI systems.</p><p>Developers have built on Meta's open-source Llama models since 2023, and the open-weight releases made Meta the leading advocate of open AI models.</p><p>“{TestFeeds.EarningsQuote}” Zuckerberg said.</p>",
            services.Clock.GetUtcNow()));
        var stored = await services.Get<SourceStore>().FindAsync(source.Url, CancellationToken.None);
        var later = await services.Get<SourcePoller>().PollAsync(stored!, CancellationToken.None);

        var alert = later.Alerts.ShouldHaveSingleItem();
        alert.Stance.ShouldBe("cautious");
        alert.Shift.ShouldBeNull();
        var history = await services.Get<PositionStore>().HistoryAsync("Meta", 100, CancellationToken.None);
        history.Select(p => p.Stance).ShouldBe(["cautious", "cautious", "open"]);
    }

    [Fact]
    public async Task A_Removed_Sources_Statements_Are_Forgotten_And_Never_Confused_With_New_Ones()
    {
        await using var server = await LoopbackServer.StartAsync();
        await using var services = await TestServices.CreateAsync();
        var now = services.Clock.GetUtcNow();
        var feeds = new Dictionary<string, TestFeeds.Item>
        {
            ["a"] = TestFeeds.Relevant("a", now.AddHours(-5)),
            ["b"] = TestFeeds.Distinct("b", now.AddHours(-4), 0),
            ["c"] = SecondOutlet("c", now.AddHours(-3)),
            ["d"] = TestFeeds.Distinct("d", now.AddHours(-2), 1),
            ["e"] = TestFeeds.Distinct("e", now.AddHours(-1), 0),
        };
        foreach (var (name, item) in feeds)
        {
            server.Map($"/{name}.xml", LoopbackServer.Respond(200, TestFeeds.Rss(item), "application/rss+xml"));
        }

        var poller = services.Get<SourcePoller>();
        async Task<PollReport> PollAsync(string name) => await poller.PollAsync(await AddAsync(services, server.Url($"/{name}.xml"), name), CancellationToken.None);
        await PollAsync("a");
        var b = await PollAsync("b");
        await PollAsync("c");
        await services.Get<SourceStore>().RemoveAsync(b.SourceId, CancellationToken.None);
        await PollAsync("d");

        var e = await PollAsync("e");

        e.Revised.ShouldBeEmpty();
        e.Alerts.ShouldHaveSingleItem().Url.ShouldBe("https://news.example/e");
    }
}
