using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Alerting;
using PolicyBot.Chat;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Alerting;

/// <summary>
/// A process killed at any step of dispatch loses nothing and re-sends at most the one message it had in flight.
/// The "kill" is a crash injected by the chat channel: the dispatch's token is cancelled and the process (its
/// service provider) is abandoned; a second process on the same database file carries on after the lease ends.
/// </summary>
public sealed class DispatchCrashTests
{
    public enum KillPoint
    {
        /// <summary>Killed after claiming the row, before the platform got the message (also: after the previous row was marked sent).</summary>
        BeforeSend,

        /// <summary>Killed after the platform accepted the message, before it was marked sent.</summary>
        AfterAccepted,
    }

    public static TheoryData<KillPoint, int> Points()
    {
        var data = new TheoryData<KillPoint, int>();
        foreach (var point in Enum.GetValues<KillPoint>())
        {
            for (var message = 1; message <= 3; message++)
            {
                data.Add(point, message);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Points))]
    public async Task A_Kill_Loses_Nothing_And_Resends_At_Most_The_Message_In_Flight(KillPoint point, int killedAt)
    {
        var first = new RecordingChannel();
        using var kill = new CancellationTokenSource();
        for (var i = 1; i < killedAt; i++)
        {
            first.Then(DeliveryResult.Success($"m{i}"));
        }

        first.ThenDo(message =>
        {
            if (point == KillPoint.AfterAccepted)
            {
                first.Accept(new ChatChannel("test", ""), message);
            }

            kill.Cancel();
            throw new OperationCanceledException(kill.Token);
        });
        await using var before = await TestServices.CreateAsync(configure: s => s.AddSingleton<IChatAdapter>(first));
        var now = before.Clock.GetUtcNow();
        var alerts = new List<Alert>();
        foreach (var title in new[] { "one", "two", "three" })
        {
            alerts.Add(await OutboxSeed.EnqueueAsync(before, title, now.AddMinutes(alerts.Count - 10)));
        }

        await Should.ThrowAsync<OperationCanceledException>(() => before.Get<OutboxDispatcher>().DispatchAsync(kill.Token));

        var second = new RecordingChannel();
        var restartedAt = new ManualTimeProvider(now + TimeSpan.FromMinutes(3));
        await using var after = await TestServices.CreateAsync(configure: s => s.AddSingleton<IChatAdapter>(second), databasePath: before.DatabasePath, clock: restartedAt);
        await after.Get<OutboxDispatcher>().DispatchAsync(CancellationToken.None);
        var again = await after.Get<OutboxDispatcher>().DispatchAsync(CancellationToken.None);

        var everything = first.Sent.Concat(second.Sent).Select(a => a.Title).ToList();
        everything.Distinct().Order().ShouldBe(["one", "three", "two"]);
        var duplicates = everything.GroupBy(t => t).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (point == KillPoint.AfterAccepted)
        {
            duplicates.ShouldBe([alerts[killedAt - 1].Title]);
        }
        else
        {
            duplicates.ShouldBeEmpty();
        }

        second.Sent.Select(a => a.Title).ShouldBe(alerts.Skip(killedAt - 1).Select(a => a.Title));
        again.ShouldBe(0);
    }

    [Fact]
    public async Task A_Row_Claimed_By_A_Running_Dispatcher_Is_Not_Sent_By_Another_Until_Its_Lease_Ends()
    {
        var channel = new RecordingChannel();
        await using var services = await TestServices.CreateAsync(configure: s => s.AddSingleton<IChatAdapter>(channel));
        var now = services.Clock.GetUtcNow();
        var alert = await OutboxSeed.EnqueueAsync(services, "one", now);
        var outbox = services.Get<AlertOutbox>();
        var entry = (await outbox.DueAsync(now, 10, 10, CancellationToken.None)).ShouldHaveSingleItem();

        (await outbox.ClaimAsync(entry.Id, now, now.AddMinutes(2), CancellationToken.None)).ShouldBeTrue();
        var whileClaimed = await services.Get<OutboxDispatcher>().DispatchAsync(CancellationToken.None);
        services.Clock.Advance(TimeSpan.FromMinutes(2));
        var afterLease = await services.Get<OutboxDispatcher>().DispatchAsync(CancellationToken.None);

        whileClaimed.ShouldBe(0);
        afterLease.ShouldBe(1);
        channel.Sent.ShouldHaveSingleItem().Id.ShouldBe(alert.Id);
    }

    [Fact]
    public async Task A_Revision_Made_While_The_Post_Is_Being_Sent_Queues_An_Update_Behind_It()
    {
        var channel = new RecordingChannel();
        await using var services = await TestServices.CreateAsync(configure: s => s.AddSingleton<IChatAdapter>(channel));
        var now = services.Clock.GetUtcNow();
        var alert = await OutboxSeed.EnqueueAsync(services, "first version", now);
        var outbox = services.Get<AlertOutbox>();
        var post = (await outbox.DueAsync(now, 10, 10, CancellationToken.None)).ShouldHaveSingleItem();
        (await outbox.ClaimAsync(post.Id, now, now.AddMinutes(2), CancellationToken.None)).ShouldBeTrue();

        await using (var session = await services.Get<PolicyBot.Data.SqliteDatabase>().BeginAsync(CancellationToken.None))
        {
            await outbox.ReviseAsync(session, alert.Id, a => a with { Title = "second version" }, now, CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
        }

        var whileSending = await outbox.DueAsync(now, 10, 10, CancellationToken.None);
        await outbox.MarkSentAsync(post.Id, "m1", now, CancellationToken.None);
        var afterSent = await outbox.DueAsync(now, 10, 10, CancellationToken.None);

        whileSending.ShouldBeEmpty();
        var update = afterSent.ShouldHaveSingleItem();
        update.Revision.ShouldBe(1);
        update.PostMessageId.ShouldBe("m1");
        update.Alert!.Title.ShouldBe("second version");
    }

    [Fact]
    public async Task An_Update_Posted_Anew_Because_The_Original_Was_Deleted_Is_What_The_Next_Update_Edits()
    {
        var channel = new RecordingChannel();
        await using var services = await TestServices.CreateAsync(configure: s => s.AddSingleton<IChatAdapter>(channel));
        var now = services.Clock.GetUtcNow();
        var alert = await OutboxSeed.EnqueueAsync(services, "v1", now);
        var outbox = services.Get<AlertOutbox>();
        var dispatcher = services.Get<OutboxDispatcher>();
        async Task ReviseAsync(string title)
        {
            await using var session = await services.Get<PolicyBot.Data.SqliteDatabase>().BeginAsync(CancellationToken.None);
            await outbox.ReviseAsync(session, alert.Id, a => a with { Title = title }, services.Clock.GetUtcNow(), CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
        }

        await dispatcher.DispatchAsync(CancellationToken.None);
        channel.Then(DeliveryResult.Success("reposted"));
        await ReviseAsync("v2");
        await dispatcher.DispatchAsync(CancellationToken.None);
        await ReviseAsync("v3");
        await dispatcher.DispatchAsync(CancellationToken.None);

        channel.Updates.Select(u => (u.Alert.Title, u.MessageId)).ShouldBe([("v2", "m1"), ("v3", "reposted")]);
    }
}
