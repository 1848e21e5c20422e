using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Alerting;
using PolicyBot.Chat;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Alerting;

public sealed class ChannelPacingTests
{
    private static Task<TestServices> CreateAsync(RecordingChannel channel, string perSecond = "1", string burst = "1") =>
        TestServices.CreateAsync(
            new Dictionary<string, string?> { ["Alerting:ChannelMessagesPerSecond"] = perSecond, ["Alerting:ChannelBurst"] = burst },
            s => s.AddSingleton<IChatAdapter>(channel));

    [Fact]
    public async Task A_Channel_Gets_At_Most_One_Message_Per_Second_By_Default_While_Another_Channel_Is_Not_Held_Up()
    {
        var channel = new RecordingChannel();
        await using var services = await CreateAsync(channel);
        var now = services.Clock.GetUtcNow();
        foreach (var title in new[] { "a1", "a2", "a3" })
        {
            await OutboxSeed.EnqueueAsync(services, title, now.AddMinutes(-10), "test:a");
        }

        await OutboxSeed.EnqueueAsync(services, "b1", now.AddMinutes(-10), "test:b");
        int Count(string id) => channel.Delivered.Count(d => d.Channel.Id == id);

        var run = services.Get<OutboxDispatcher>().DispatchAsync(CancellationToken.None);
        (await OutboxSeed.WaitUntilAsync(() => services.Clock.ActiveTimers > 0 && Count("b") == 1)).ShouldBeTrue();
        var atStart = Count("a");
        services.Clock.Advance(TimeSpan.FromMilliseconds(990));
        await Task.Delay(50);
        var justBeforeASecond = Count("a");
        services.Clock.Advance(TimeSpan.FromMilliseconds(10));
        (await OutboxSeed.WaitUntilAsync(() => Count("a") == 2 && services.Clock.ActiveTimers > 0)).ShouldBeTrue();
        services.Clock.Advance(TimeSpan.FromSeconds(1));
        var delivered = await run.WaitAsync(TimeSpan.FromSeconds(30));

        atStart.ShouldBe(1);
        justBeforeASecond.ShouldBe(1);
        delivered.ShouldBe(4);
        channel.Delivered.Where(d => d.Channel.Id == "a").Select(d => d.Message.Alert!.Title).ShouldBe(["a1", "a2", "a3"]);
    }

    [Fact]
    public async Task A_Backlog_Longer_Than_One_Dispatch_Interval_Continues_In_The_Next_Run_Without_Breaking_The_Pace()
    {
        var channel = new RecordingChannel();
        await using var services = await TestServices.CreateAsync(
            new Dictionary<string, string?>
            {
                ["Alerting:ChannelMessagesPerSecond"] = "0.5",
                ["Alerting:ChannelBurst"] = "2",
                ["Alerting:DispatchInterval"] = "00:00:01",
            },
            s => s.AddSingleton<IChatAdapter>(channel));
        var now = services.Clock.GetUtcNow();
        for (var i = 1; i <= 5; i++)
        {
            await OutboxSeed.EnqueueAsync(services, $"m{i}", now.AddMinutes(i - 10));
        }

        var dispatcher = services.Get<OutboxDispatcher>();
        var first = await dispatcher.DispatchAsync(CancellationToken.None);
        services.Clock.Advance(TimeSpan.FromMilliseconds(500));
        var tooSoon = await dispatcher.DispatchAsync(CancellationToken.None);
        services.Clock.Advance(TimeSpan.FromMilliseconds(1500));
        var second = await dispatcher.DispatchAsync(CancellationToken.None);

        first.ShouldBe(2);
        tooSoon.ShouldBe(0);
        second.ShouldBe(1);
        channel.Sent.Select(a => a.Title).ShouldBe(["m1", "m2", "m3"]);
    }

    [Fact]
    public async Task Rows_For_A_Channel_The_Bot_Can_No_Longer_Reach_Are_Dead_Without_An_Attempt()
    {
        var channel = new RecordingChannel();
        await using var services = await CreateAsync(channel, "10000", "10000");
        var gone = new ChatChannel("test", "gone");
        await services.Get<ChannelStore>().UpsertAsync(gone, null, CancellationToken.None);
        await OutboxSeed.EnqueueAsync(services, "to a gone channel", services.Clock.GetUtcNow(), gone.Key);
        await OutboxSeed.EnqueueAsync(services, "to a live channel", services.Clock.GetUtcNow(), "test:live");

        (await services.Get<ChannelStore>().DeactivateAsync(gone, CancellationToken.None)).ShouldBe(1);
        var delivered = await services.Get<OutboxDispatcher>().DispatchAsync(CancellationToken.None);

        delivered.ShouldBe(1);
        channel.Attempts.ShouldBe(1);
        channel.Sent.ShouldHaveSingleItem().Title.ShouldBe("to a live channel");
        (await services.Get<AlertOutbox>().CountByStateAsync(CancellationToken.None))["dead"].ShouldBe(1);
    }

    [Fact]
    public async Task A_Channel_With_A_Backlog_Does_Not_Crowd_Another_Channel_Out_Of_A_Batch()
    {
        await using var services = await TestServices.CreateAsync();
        var now = services.Clock.GetUtcNow();
        for (var i = 0; i < 30; i++)
        {
            await OutboxSeed.EnqueueAsync(services, $"a{i:00}", now.AddMinutes(i - 60), "test:a");
        }

        await OutboxSeed.EnqueueAsync(services, "b", now, "test:b");

        var due = await services.Get<AlertOutbox>().DueAsync(now, limit: 10, perChannel: 5, CancellationToken.None);

        due.Select(e => e.Alert!.Title).ShouldBe(["a00", "b", "a01", "a02", "a03", "a04"]);
    }
}
