using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PolicyBot.Alerting;
using PolicyBot.Chat;
using PolicyBot.Data;
using PolicyBot.Digests;
using PolicyBot.Subscriptions;
using PolicyBot.Tests.Infrastructure;
using Quartz;
using static PolicyBot.Tests.Digests.DigestTestData;

namespace PolicyBot.Tests.Digests;

/// <summary>
/// The digest triggers on a real Quartz scheduler (in-memory store). Quartz 4 takes its clock from the container's
/// <see cref="TimeProvider"/>, which TestServices makes a <see cref="ManualTimeProvider"/>: schedules are read off the
/// triggers, and a started scheduler fires when the test moves the clock — nothing waits for wall-clock time.
/// </summary>
public sealed class DigestScheduleJobTests
{
    // TestServices' clock starts at Monday 2 November 2026, 09:00 UTC (10:00 in Berlin).
    private static readonly DigestSchedule BerlinDaily = new(DigestFrequency.Daily, new TimeOnly(9, 0), "Europe/Berlin");

    private sealed record Harness(TestServices Services, IScheduler Scheduler, DigestScheduleJob Sync, RecordingLogger<DigestSender> SenderLog, RecordingLogger<DigestScheduleJob> SyncLog) : IAsyncDisposable
    {
        public DateTimeOffset Now => Services.Clock.GetUtcNow();

        public async Task<Subscription> SubscribeAsync(DigestSchedule? digest, string channelId = "C0DIGEST", DateTimeOffset? createdAt = null) =>
            await Services.Get<SubscriptionStore>().SaveAsync(
                Subscription(digest, createdAt ?? Now) with { Channel = Channel with { Id = channelId } }, CancellationToken.None);

        public async Task<ITrigger?> TriggerAsync(long subscriptionId) =>
            await Scheduler.GetTrigger(DigestJob.TriggerKeyFor(subscriptionId), CancellationToken.None);

        public async Task<List<OutboxEntry>> QueuedAsync() =>
            (await Services.Get<AlertOutbox>().DueAsync(Now.AddYears(1), 100, 100, CancellationToken.None)).ToList();

        public async ValueTask DisposeAsync()
        {
            await Scheduler.Shutdown(true, CancellationToken.None);
            await Services.DisposeAsync();
        }
    }

    private static string Quote(OutboxEntry entry) => entry.ToOutboundMessage().Content.Blocks.OfType<QuoteBlock>().Single().Text;

    private static async Task<Harness> CreateAsync()
    {
        var senderLog = new RecordingLogger<DigestSender>();
        var syncLog = new RecordingLogger<DigestScheduleJob>();
        var services = await TestServices.CreateAsync(configure: s =>
        {
            s.AddSingleton<ILogger<DigestSender>>(senderLog);
            s.AddSingleton<ILogger<DigestScheduleJob>>(syncLog);
            s.AddQuartz(DigestScheduleJob.Configure);
        });
        var scheduler = await services.Get<ISchedulerFactory>().GetScheduler(CancellationToken.None);
        return new Harness(services, scheduler, ActivatorUtilities.CreateInstance<DigestScheduleJob>(services.Provider), senderLog, syncLog);
    }

    /// <summary>Moves the clock and waits until the digest sender has run <paramref name="runs"/> times in all.</summary>
    private static async Task AdvanceUntilRunAsync(Harness harness, DateTimeOffset to, int runs)
    {
        harness.Services.Clock.SetUtcNow(to);
        await harness.SenderLog.WaitForAsync(r => r.EventName == "Ran", runs).WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Sync_Adds_A_Trigger_In_The_Subscriptions_Zone_For_Each_Digest_And_None_For_Instant_Alerts()
    {
        await using var harness = await CreateAsync();
        var berlin = await harness.SubscribeAsync(BerlinDaily, "C1");
        var weekly = await harness.SubscribeAsync(new DigestSchedule(DigestFrequency.Weekly, new TimeOnly(8, 30), "America/New_York", DayOfWeek.Wednesday), "C2");
        var instant = await harness.SubscribeAsync(null, "C3");

        var report = await harness.Sync.SyncAsync(harness.Scheduler, CancellationToken.None);

        report.Added.ShouldBe([berlin.Id, weekly.Id], ignoreOrder: true);
        (await harness.TriggerAsync(instant.Id)).ShouldBeNull();
        var daily = (await harness.TriggerAsync(berlin.Id)).ShouldBeAssignableTo<ICronTrigger>()!;
        daily.CronExpressionString.ShouldBe("0 0 9 ? * *");
        daily.TimeZone.Id.ShouldBe("Europe/Berlin");
        daily.MisfireInstruction.ShouldBe(CronTriggerMisfireInstruction.FireAndProceed);
        daily.JobKey.ShouldBe(DigestJob.Key);
        daily.GetFireTimeAfter(harness.Now).ShouldBe(new DateTimeOffset(2026, 11, 3, 8, 0, 0, TimeSpan.Zero));
        (await harness.TriggerAsync(weekly.Id))!.GetFireTimeAfter(harness.Now).ShouldBe(new DateTimeOffset(2026, 11, 4, 13, 30, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Sync_Reschedules_A_Changed_Schedule_Removes_Gone_Or_Instant_Ones_And_Leaves_The_Rest()
    {
        await using var harness = await CreateAsync();
        var changing = await harness.SubscribeAsync(BerlinDaily, "C1");
        var steady = await harness.SubscribeAsync(BerlinDaily, "C2");
        var turningInstant = await harness.SubscribeAsync(BerlinDaily, "C3");
        var leaving = await harness.SubscribeAsync(BerlinDaily, "C4");
        await harness.Sync.SyncAsync(harness.Scheduler, CancellationToken.None);

        await harness.SubscribeAsync(BerlinDaily with { At = new TimeOnly(17, 0) }, "C1");
        await harness.SubscribeAsync(null, "C3");
        await harness.Services.Get<SubscriptionStore>().RemoveAsync(Channel with { Id = "C4" }, CancellationToken.None);
        var report = await harness.Sync.SyncAsync(harness.Scheduler, CancellationToken.None);
        var quiet = await harness.Sync.SyncAsync(harness.Scheduler, CancellationToken.None);

        report.Added.ShouldBeEmpty();
        report.Rescheduled.ShouldBe([changing.Id]);
        report.Removed.ShouldBe([turningInstant.Id, leaving.Id], ignoreOrder: true);
        report.Unchanged.ShouldBe(1);
        quiet.ShouldBe(new DigestScheduleReport([], [], [], 2), new ReportComparer());
        (await harness.TriggerAsync(changing.Id))!.GetFireTimeAfter(harness.Now).ShouldBe(new DateTimeOffset(2026, 11, 2, 16, 0, 0, TimeSpan.Zero));
        (await harness.TriggerAsync(steady.Id)).ShouldNotBeNull();
        (await harness.TriggerAsync(turningInstant.Id)).ShouldBeNull();
        (await harness.TriggerAsync(leaving.Id)).ShouldBeNull();
        (await harness.Scheduler.GetJobDetail(DigestJob.Key, CancellationToken.None)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Trigger_Follows_The_Local_Clock_Across_The_Autumn_Change()
    {
        await using var harness = await CreateAsync();
        var subscription = await harness.SubscribeAsync(BerlinDaily);
        await harness.Sync.SyncAsync(harness.Scheduler, CancellationToken.None);
        var trigger = (await harness.TriggerAsync(subscription.Id))!;

        var saturday = trigger.GetFireTimeAfter(new DateTimeOffset(2027, 10, 30, 0, 0, 0, TimeSpan.Zero));
        var sunday = trigger.GetFireTimeAfter(saturday);

        saturday.ShouldBe(new DateTimeOffset(2027, 10, 30, 7, 0, 0, TimeSpan.Zero)); // 09:00 CEST
        sunday.ShouldBe(new DateTimeOffset(2027, 10, 31, 8, 0, 0, TimeSpan.Zero)); // 09:00 CET
    }

    [Fact]
    public async Task A_Scheduled_Digest_Fires_At_Its_Local_Time_And_Consecutive_Days_Meet()
    {
        await using var harness = await CreateAsync();
        var subscription = await harness.SubscribeAsync(BerlinDaily);
        await RecordAsync(harness.Services, Alert("Day one", quote: "Said on day one."), harness.Now.AddHours(-1));
        await harness.Sync.SyncAsync(harness.Scheduler, CancellationToken.None);
        await harness.Scheduler.Start(CancellationToken.None);
        var firstFire = new DateTimeOffset(2026, 11, 3, 8, 0, 0, TimeSpan.Zero);

        await AdvanceUntilRunAsync(harness, firstFire.AddSeconds(1), runs: 1);
        await RecordAsync(harness.Services, Alert("Day two", quote: "Said on day two."), firstFire.AddHours(3));
        await AdvanceUntilRunAsync(harness, firstFire.AddDays(1).AddSeconds(1), runs: 2);

        var queued = await harness.QueuedAsync();
        queued.Select(Quote).ShouldBe(["Said on day one.", "Said on day two."]);
        (await harness.Services.Get<SubscriptionStore>().FindAsync(subscription.Id, CancellationToken.None))!.LastDigestAt.ShouldBe(firstFire.AddDays(1));
    }

    [Fact]
    public async Task Digests_Missed_While_The_Process_Was_Down_Are_Sent_Once_At_Start_Up_Not_Once_Per_Missed_Day()
    {
        await using var harness = await CreateAsync();
        var subscription = await harness.SubscribeAsync(BerlinDaily, createdAt: harness.Now.AddDays(-10));
        var lastSent = new DateTimeOffset(2026, 10, 30, 8, 0, 0, TimeSpan.Zero); // Friday 09:00 Berlin; Sat, Sun, Mon missed
        await using (var session = await harness.Services.Get<SqliteDatabase>().BeginAsync(CancellationToken.None))
        {
            await harness.Services.Get<SubscriptionStore>().MarkDigestSentAsync(session, subscription.Id, lastSent, CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
        }

        await RecordAsync(harness.Services, Alert("While down", quote: "Said over the weekend."), harness.Now.AddDays(-2));
        await RecordAsync(harness.Services, Alert("After nine", quote: "Said after this morning's digest time."), harness.Now.AddMinutes(-30));
        var mondayNine = new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

        var startUp = await harness.Sync.SyncAsync(harness.Scheduler, CancellationToken.None);
        var nextPass = await harness.Sync.SyncAsync(harness.Scheduler, CancellationToken.None);
        await harness.Scheduler.Start(CancellationToken.None);
        await AdvanceUntilRunAsync(harness, mondayNine.AddDays(1).AddSeconds(1), runs: 2);

        startUp.CaughtUp.ShouldBe([subscription.Id]);
        nextPass.CaughtUp.ShouldBeEmpty();
        var queued = await harness.QueuedAsync();
        queued.Count.ShouldBe(2);
        Quote(queued[0]).ShouldBe("Said over the weekend.");
        queued[0].ToOutboundMessage().Content.Blocks[0].ShouldBe(new HeaderBlock("PolicyBot digest — Fri 30 Oct 09:00 – Mon 2 Nov 2026 09:00 (Europe/Berlin)"));
        Quote(queued[1]).ShouldBe("Said after this morning's digest time.");
        (await harness.Services.Get<SubscriptionStore>().FindAsync(subscription.Id, CancellationToken.None))!.LastDigestAt.ShouldBe(mondayNine.AddDays(1));
    }

    [Fact]
    public async Task A_New_Subscription_Gets_No_Catch_Up_For_Times_Before_It_Existed()
    {
        await using var harness = await CreateAsync();
        await harness.SubscribeAsync(BerlinDaily, createdAt: harness.Now.AddMinutes(-5));
        await RecordAsync(harness.Services, Alert("Earlier", quote: "Said before subscribing."), harness.Now.AddHours(-2));

        var report = await harness.Sync.SyncAsync(harness.Scheduler, CancellationToken.None);

        report.CaughtUp.ShouldBeEmpty();
        (await harness.QueuedAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_Subscription_In_An_Unknown_Zone_Is_Scheduled_On_Utc_With_A_Warning()
    {
        await using var harness = await CreateAsync();
        var subscription = await harness.SubscribeAsync(BerlinDaily with { TimeZone = "Mars/Olympus_Mons" });

        await harness.Sync.SyncAsync(harness.Scheduler, CancellationToken.None);

        (await harness.TriggerAsync(subscription.Id)).ShouldBeAssignableTo<ICronTrigger>()!.TimeZone.ShouldBe(TimeZoneInfo.Utc);
        harness.SyncLog.Records.ShouldContain(r => r.Level == LogLevel.Warning && r.Message.Contains("Mars/Olympus_Mons", StringComparison.Ordinal));
    }

    private sealed class ReportComparer : IEqualityComparer<DigestScheduleReport>
    {
        public bool Equals(DigestScheduleReport? x, DigestScheduleReport? y) =>
            x is not null && y is not null && x.Added.SequenceEqual(y.Added) && x.Rescheduled.SequenceEqual(y.Rescheduled)
            && x.Removed.SequenceEqual(y.Removed) && x.Unchanged == y.Unchanged;

        public int GetHashCode(DigestScheduleReport obj) => obj.Unchanged;
    }
}
