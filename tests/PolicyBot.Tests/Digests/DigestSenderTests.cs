using PolicyBot.Alerting;
using PolicyBot.Chat;
using PolicyBot.Digests;
using PolicyBot.Subscriptions;
using PolicyBot.Tests.Infrastructure;
using static PolicyBot.Tests.Digests.DigestTestData;

namespace PolicyBot.Tests.Digests;

public sealed class DigestSenderTests
{
    // TestServices' clock starts at Monday 2 November 2026, 09:00 UTC.
    private static readonly DigestSchedule Daily = new(DigestFrequency.Daily, new TimeOnly(9, 0));

    private static async Task<Subscription> SubscribeAsync(TestServices services, DigestSchedule? digest, IReadOnlyList<string>? actors = null) =>
        await services.Get<SubscriptionStore>().SaveAsync(Subscription(digest, services.Clock.GetUtcNow().AddDays(-30), actors), CancellationToken.None);

    private static async Task<List<OutboxEntry>> QueuedAsync(TestServices services) =>
        (await services.Get<AlertOutbox>().DueAsync(services.Clock.GetUtcNow().AddYears(1), 100, 100, CancellationToken.None)).ToList();

    private static List<string> Quotes(OutboxEntry entry) =>
        entry.ToOutboundMessage().Content.Blocks.OfType<QuoteBlock>().Select(q => q.Text).ToList();

    [Fact]
    public async Task A_Due_Digest_Is_Queued_For_The_Channel_And_Its_Period_Marked_Covered()
    {
        await using var services = await TestServices.CreateAsync();
        var now = services.Clock.GetUtcNow();
        var subscription = await SubscribeAsync(services, Daily);
        await RecordAsync(services, Alert("Meta keeps Llama open", quote: "We will keep publishing open weights."), now.AddHours(-3));
        await RecordAsync(services, Alert("Too old", quote: "Said last week."), now.AddDays(-2));

        var outcome = await services.Get<DigestSender>().SendAsync(subscription.Id, now, CancellationToken.None);

        outcome.Kind.ShouldBe(DigestOutcomeKind.Queued);
        outcome.Statements.ShouldBe(1);
        outcome.Period.ShouldBe(new DigestPeriod(now.AddDays(-1), now));
        var entry = (await QueuedAsync(services)).ShouldHaveSingleItem();
        entry.Channel.ShouldBe("slack:C0DIGEST");
        entry.Alert.ShouldBeNull();
        Quotes(entry).ShouldBe(["We will keep publishing open weights."]);
        entry.ToOutboundMessage().Content.Blocks[0].ShouldBe(new HeaderBlock("PolicyBot digest — Sun 1 Nov 09:00 – Mon 2 Nov 2026 09:00 (UTC)"));
        (await services.Get<SubscriptionStore>().FindAsync(subscription.Id, CancellationToken.None))!.LastDigestAt.ShouldBe(now);
    }

    [Fact]
    public async Task Running_The_Same_Fire_Time_Again_Queues_Nothing_New()
    {
        await using var services = await TestServices.CreateAsync();
        var now = services.Clock.GetUtcNow();
        var subscription = await SubscribeAsync(services, Daily);
        await RecordAsync(services, Alert("Meta keeps Llama open", quote: "Open weights."), now.AddHours(-3));
        var sender = services.Get<DigestSender>();

        var first = await sender.SendAsync(subscription.Id, now, CancellationToken.None);
        services.Clock.Advance(TimeSpan.FromMinutes(2));
        var again = await sender.SendAsync(subscription.Id, now, CancellationToken.None);

        first.Kind.ShouldBe(DigestOutcomeKind.Queued);
        again.Kind.ShouldBe(DigestOutcomeKind.AlreadyCovered);
        (await QueuedAsync(services)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_Late_Run_Of_An_Older_Fire_Time_Neither_Sends_Nor_Moves_The_Mark_Back()
    {
        await using var services = await TestServices.CreateAsync();
        var now = services.Clock.GetUtcNow();
        var subscription = await SubscribeAsync(services, Daily);
        await RecordAsync(services, Alert("Meta keeps Llama open", quote: "Open weights."), now.AddHours(-30));
        var sender = services.Get<DigestSender>();
        await sender.SendAsync(subscription.Id, now, CancellationToken.None);

        var late = await sender.SendAsync(subscription.Id, now.AddDays(-1), CancellationToken.None);

        late.Kind.ShouldBe(DigestOutcomeKind.AlreadyCovered);
        (await services.Get<SubscriptionStore>().FindAsync(subscription.Id, CancellationToken.None))!.LastDigestAt.ShouldBe(now);
    }

    [Fact]
    public async Task Consecutive_Fire_Times_Cover_Adjacent_Periods_Without_Gap_Or_Overlap()
    {
        await using var services = await TestServices.CreateAsync();
        var first = services.Clock.GetUtcNow();
        var second = first.AddDays(1);
        var subscription = await SubscribeAsync(services, Daily);
        var settle = DigestSender.Settle;
        var recorded = new Dictionary<string, DateTimeOffset>
        {
            ["before"] = first.AddDays(-1) - settle,               // ends the period before the first digest
            ["first-a"] = first.AddDays(-1) - settle + TimeSpan.FromSeconds(1),
            ["first-b"] = first - settle,                          // the last instant of the first period
            ["second-a"] = first - settle + TimeSpan.FromTicks(10), // the first instant after it
            ["second-b"] = second - TimeSpan.FromHours(2),
            ["settling"] = second - settle + TimeSpan.FromSeconds(1), // recorded too close to the second digest
        };
        foreach (var (name, at) in recorded)
        {
            await RecordAsync(services, Alert(name, quote: name), at);
        }

        var sender = services.Get<DigestSender>();
        var one = await sender.SendAsync(subscription.Id, first, CancellationToken.None);
        services.Clock.SetUtcNow(second);
        var two = await sender.SendAsync(subscription.Id, second, CancellationToken.None);

        two.Period!.From.ShouldBe(one.Period!.To);
        var queued = await QueuedAsync(services);
        queued.Count.ShouldBe(2);
        queued.SelectMany(Quotes).Order().ShouldBe(["first-a", "first-b", "second-a", "second-b"]);
        Quotes(queued[0]).Order().ShouldBe(["first-a", "first-b"]);
        Quotes(queued[1]).Order().ShouldBe(["second-a", "second-b"]);
    }

    [Fact]
    public async Task A_Statement_Is_In_The_Period_In_Which_It_Was_Recorded_Not_Published()
    {
        await using var services = await TestServices.CreateAsync();
        var now = services.Clock.GetUtcNow();
        var subscription = await SubscribeAsync(services, Daily);
        await RecordAsync(services, Alert("Found late", quote: "Published a month ago, found today."), now.AddHours(-1), statedAt: now.AddDays(-30));
        await RecordAsync(services, Alert("Backdated", quote: "Published today, recorded yesterday."), now.AddDays(-2), statedAt: now.AddHours(-1));

        await services.Get<DigestSender>().SendAsync(subscription.Id, now, CancellationToken.None);

        Quotes((await QueuedAsync(services)).ShouldHaveSingleItem()).ShouldBe(["Published a month ago, found today."]);
    }

    [Fact]
    public async Task An_Empty_Period_Sends_Nothing_But_Counts_As_Covered()
    {
        await using var services = await TestServices.CreateAsync();
        var now = services.Clock.GetUtcNow();
        var subscription = await SubscribeAsync(services, Daily, actors: ["Mistral"]);
        await RecordAsync(services, Alert("Meta only", quote: "Not for this channel."), now.AddHours(-2));

        var outcome = await services.Get<DigestSender>().SendAsync(subscription.Id, now, CancellationToken.None);

        outcome.Kind.ShouldBe(DigestOutcomeKind.Empty);
        (await QueuedAsync(services)).ShouldBeEmpty();
        (await services.Get<SubscriptionStore>().FindAsync(subscription.Id, CancellationToken.None))!.LastDigestAt.ShouldBe(now);
    }

    [Fact]
    public async Task A_Removed_Or_Instant_Subscription_Gets_No_Digest()
    {
        await using var services = await TestServices.CreateAsync();
        var now = services.Clock.GetUtcNow();
        var instant = await SubscribeAsync(services, digest: null);
        await RecordAsync(services, Alert("Anything", quote: "Words."), now.AddHours(-2));
        var sender = services.Get<DigestSender>();

        var forInstant = await sender.SendAsync(instant.Id, now, CancellationToken.None);
        await services.Get<SubscriptionStore>().RemoveAsync(Channel, CancellationToken.None);
        var forRemoved = await sender.SendAsync(instant.Id, now, CancellationToken.None);

        forInstant.Kind.ShouldBe(DigestOutcomeKind.NotSubscribed);
        forRemoved.Kind.ShouldBe(DigestOutcomeKind.NotSubscribed);
        (await QueuedAsync(services)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_Weekly_Digest_First_Covers_The_Week_Before_It()
    {
        await using var services = await TestServices.CreateAsync();
        var now = services.Clock.GetUtcNow();
        var subscription = await SubscribeAsync(services, new DigestSchedule(DigestFrequency.Weekly, new TimeOnly(9, 0), "UTC", DayOfWeek.Monday));
        await RecordAsync(services, Alert("Six days ago", quote: "In the week."), now.AddDays(-6));
        await RecordAsync(services, Alert("Eight days ago", quote: "Before the week."), now.AddDays(-8));

        var outcome = await services.Get<DigestSender>().SendAsync(subscription.Id, now, CancellationToken.None);

        outcome.Period!.From.ShouldBe(now.AddDays(-7));
        Quotes((await QueuedAsync(services)).ShouldHaveSingleItem()).ShouldBe(["In the week."]);
    }
}
