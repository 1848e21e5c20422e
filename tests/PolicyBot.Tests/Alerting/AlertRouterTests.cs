using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Alerting;
using PolicyBot.Chat;
using PolicyBot.Data;
using PolicyBot.Subscriptions;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Alerting;

public sealed class AlertRouterTests
{
    private static readonly Alert MetaShift = new()
    {
        Kind = "new", Title = "Meta turns cautious", Url = "https://news.example/meta", Source = "Wire",
        Orgs = ["Meta"], Stance = "cautious", Shift = "open → cautious", Relevance = 0.9,
    };

    private static async Task<IReadOnlyList<AlertRoute>> RouteAsync(TestServices services, Alert alert)
    {
        await using var session = await services.Get<SqliteDatabase>().BeginAsync(CancellationToken.None);
        return await services.Get<AlertRouter>().RouteAsync(session, alert, CancellationToken.None);
    }

    private static Task SubscribeAsync(TestServices services, string id, Func<Subscription, Subscription> configure) =>
        services.Get<SubscriptionStore>().SaveAsync(
            configure(new Subscription { Channel = new ChatChannel("test", id), CreatedBy = "U1", CreatedAt = services.Clock.GetUtcNow() }), CancellationToken.None);

    [Fact]
    public async Task Each_Instant_Subscription_Whose_Filters_Accept_The_Alert_Gets_One_Route_With_Its_Reason()
    {
        await using var services = await TestServices.CreateAsync(configure: s => s.AddSingleton<IChatAdapter>(new RecordingChannel()));
        await SubscribeAsync(services, "everything", s => s);
        await SubscribeAsync(services, "meta", s => s with { Actors = ["meta"] });
        await SubscribeAsync(services, "openai", s => s with { Actors = ["OpenAI"] });
        await SubscribeAsync(services, "shifts", s => s with { ShiftsOnly = true });
        await SubscribeAsync(services, "picky", s => s with { MinRelevance = 0.95 });
        await SubscribeAsync(services, "digest", s => s with { Digest = new DigestSchedule(DigestFrequency.Daily, new TimeOnly(9, 0)) });

        var shift = await RouteAsync(services, MetaShift);
        var noShift = await RouteAsync(services, MetaShift with { Shift = null });

        shift.Select(r => r.Channel).ShouldBe(["test:everything", "test:meta", "test:shifts"]);
        noShift.Select(r => r.Channel).ShouldBe(["test:everything", "test:meta"]);
        shift.Single(r => r.Channel == "test:meta").Reason.ShouldContain("meta");
    }

    [Fact]
    public async Task The_Console_Sees_Every_Alert_And_A_Removed_Or_Unreachable_Channel_Sees_None()
    {
        await using var services = await TestServices.CreateAsync(configure: s => s.AddSingleton<IChatAdapter, ConsoleChatAdapter>());
        await SubscribeAsync(services, "removed", s => s);
        await SubscribeAsync(services, "archived", s => s);
        (await services.Get<SubscriptionStore>().RemoveAsync(new ChatChannel("test", "removed"), CancellationToken.None)).ShouldBeTrue();
        await services.Get<ChannelStore>().DeactivateAsync(new ChatChannel("test", "archived"), CancellationToken.None);

        var routes = await RouteAsync(services, MetaShift);

        routes.Select(r => r.Channel).ShouldBe(["console"]);
    }

    [Fact]
    public async Task Storing_The_Same_Alert_Route_Twice_Keeps_One_Outbox_Row()
    {
        await using var services = await TestServices.CreateAsync();
        var alert = await OutboxSeed.EnqueueAsync(services, MetaShift, "test:a", "test:a", "test:b");

        var due = await services.Get<AlertOutbox>().DueAsync(services.Clock.GetUtcNow(), 10, 10, CancellationToken.None);

        due.Select(e => (e.Channel, e.Alert!.Id)).ShouldBe([("test:a", alert.Id), ("test:b", alert.Id)]);
    }
}
