using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Alerting;
using PolicyBot.Chat;
using PolicyBot.Polling;
using PolicyBot.Sources;
using PolicyBot.Tests.Infrastructure;
using PolicyBot.Tests.Polling;

namespace PolicyBot.Tests.Alerting;

public sealed class AdminNoticeTests
{
    private static async Task<PollReport> PollAsync(TestServices services, string url)
    {
        var fresh = await services.Get<SourceStore>().FindAsync(url, CancellationToken.None);
        return await services.Get<SourcePoller>().PollAsync(fresh!, CancellationToken.None);
    }

    [Fact]
    public async Task A_Source_Failing_N_Times_In_A_Row_Tells_The_Notice_Channels_Once_And_Again_When_It_Recovers()
    {
        await using var server = await LoopbackServer.StartAsync();
        var channel = new RecordingChannel();
        await using var services = await TestServices.CreateAsync(
            new Dictionary<string, string?> { ["Alerting:SourceFailureNoticeAfter"] = "3" },
            s => s.AddSingleton<IChatAdapter>(channel));
        await channel.SubscribeAsync(services, "admins", s => s with { Notices = true, Actors = ["Nobody"] });
        await channel.SubscribeAsync(services, "readers");
        var status = 500;
        server.Map("/feed.xml", ctx => status == 200
            ? LoopbackServer.Respond(200, TestFeeds.Rss(TestFeeds.Irrelevant("x", services.Clock.GetUtcNow())), "application/rss+xml")(ctx)
            : LoopbackServer.Respond(500, "down", "text/plain")(ctx));
        var url = server.Url("/feed.xml").ToString();
        await services.Get<SourceStore>().AddAsync(new SourceDefinition { Name = "Flaky wire", Url = url, Kind = "feed" }, "cli", services.Clock.GetUtcNow(), CancellationToken.None);
        var dispatcher = services.Get<OutboxDispatcher>();

        var perPoll = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            await PollAsync(services, url);
            await dispatcher.DispatchAsync(CancellationToken.None);
            perPoll.Add(channel.Delivered.Count);
        }

        status = 200;
        await PollAsync(services, url);
        await PollAsync(services, url);
        await dispatcher.DispatchAsync(CancellationToken.None);

        perPoll.ShouldBe([0, 0, 1, 1, 1]);
        channel.Delivered.Select(d => (d.Channel.Id, d.Message.Content.Summary)).ShouldBe([("admins", "Source failing: Flaky wire"), ("admins", "Source recovered: Flaky wire")]);
        var failing = channel.Delivered[0].Message.Content;
        failing.Blocks.OfType<TextBlock>().Single().Text.ShouldContain("HTTP 500");
        failing.Blocks.OfType<ActionsBlock>().Single().Buttons.Select(b => b.Command).ShouldBe(["sources pause 1", "sources remove 1"]);
        channel.Delivered.ShouldAllBe(d => d.Message.Alert == null);
    }

    [Fact]
    public async Task An_Alert_That_Dies_Is_Announced_To_The_Notice_Channels()
    {
        var channel = new RecordingChannel().Then(DeliveryResult.Failure("channel_not_found", retryable: false));
        await using var services = await TestServices.CreateAsync(configure: s => s.AddSingleton<IChatAdapter>(channel));
        await channel.SubscribeAsync(services, "admins", s => s with { Notices = true });
        await OutboxSeed.EnqueueAsync(services, "Lab X opens its weights", services.Clock.GetUtcNow(), "test:gone");

        await services.Get<OutboxDispatcher>().DispatchAsync(CancellationToken.None);
        await services.Get<OutboxDispatcher>().DispatchAsync(CancellationToken.None);

        var notice = channel.Delivered.ShouldHaveSingleItem();
        notice.Channel.Id.ShouldBe("admins");
        notice.Message.Content.Blocks.OfType<TextBlock>().Single().Text
            .ShouldBe("\"Lab X opens its weights\" could not be delivered to test:gone after 1 attempt(s): channel_not_found");
    }

    [Fact]
    public async Task The_Console_Prints_A_Notice_In_Full()
    {
        using var output = new StringWriter();
        var console = new ConsoleChatAdapter(new AlertTextFormatter(), output);

        var result = await console.PostAsync(new ChatChannel("console", ""), new OutboundMessage(AdminNotices.SourceRecovered(7, "Flaky wire", 4)), CancellationToken.None);

        result.Delivered.ShouldBeTrue();
        output.ToString().ShouldContain("Source recovered: Flaky wire");
        output.ToString().ShouldContain("Checks of source 7 succeed again after 4 failures.");
    }
}
