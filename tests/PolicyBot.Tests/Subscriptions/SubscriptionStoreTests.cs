using PolicyBot.Chat;
using PolicyBot.Subscriptions;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Subscriptions;

public sealed class SubscriptionStoreTests
{
    [Fact]
    public async Task A_Subscription_Round_Trips_And_Subscribing_Again_Replaces_It()
    {
        await using var services = await TestServices.CreateAsync();
        var store = services.Get<SubscriptionStore>();
        var channel = new ChatChannel("slack", "C0123", "#ai-policy");
        var weekly = new Subscription
        {
            Channel = channel, Actors = ["Meta", "Mistral AI"], MinRelevance = 0.5, ShiftsOnly = true, Notices = true,
            Digest = new DigestSchedule(DigestFrequency.Weekly, new TimeOnly(8, 30), "Europe/Berlin", DayOfWeek.Friday),
            CreatedBy = "U1", CreatedAt = services.Clock.GetUtcNow(),
        };

        var saved = await store.SaveAsync(weekly, CancellationToken.None);
        var found = await store.FindAsync(channel, CancellationToken.None);
        var replaced = await store.SaveAsync(new Subscription { Channel = channel, CreatedBy = "U2", CreatedAt = services.Clock.GetUtcNow() }, CancellationToken.None);
        var all = await store.ListAsync(CancellationToken.None);

        found.ShouldNotBeNull();
        found.ShouldBe(saved with { Actors = found.Actors });
        found.Actors.ShouldBe(["Meta", "Mistral AI"]);
        found.Describe().ShouldBe("Meta, Mistral AI · shifts only · relevance ≥ 0.5 · weekly digest on Friday at 08:30 Europe/Berlin");
        replaced.Id.ShouldBe(saved.Id);
        all.ShouldHaveSingleItem().Digest.ShouldBeNull();
        all[0].CreatedBy.ShouldBe("U2");
    }

    [Fact]
    public async Task Unsubscribing_A_Channel_Without_A_Subscription_Says_So()
    {
        await using var services = await TestServices.CreateAsync();

        var removed = await services.Get<SubscriptionStore>().RemoveAsync(new ChatChannel("teams", "19:x@thread.tacv2"), CancellationToken.None);

        removed.ShouldBeFalse();
    }

    [Fact]
    public async Task Changing_A_Digest_Keeps_Where_The_Last_One_Ended_And_Switching_From_Instant_Starts_Now()
    {
        await using var services = await TestServices.CreateAsync();
        var store = services.Get<SubscriptionStore>();
        var channel = new ChatChannel("slack", "C0123");
        var daily = new DigestSchedule(DigestFrequency.Daily, new TimeOnly(9, 0), "Europe/Berlin");
        var instant = await store.SaveAsync(new Subscription { Channel = channel, CreatedBy = "U1", CreatedAt = services.Clock.GetUtcNow() }, CancellationToken.None);
        services.Clock.Advance(TimeSpan.FromHours(1));
        var switched = await store.SaveAsync(new Subscription { Channel = channel, Digest = daily, CreatedBy = "U1", CreatedAt = services.Clock.GetUtcNow() }, CancellationToken.None);
        var sentUntil = services.Clock.GetUtcNow().AddHours(5);
        await using (var session = await services.Get<PolicyBot.Data.SqliteDatabase>().BeginAsync(CancellationToken.None))
        {
            await store.MarkDigestSentAsync(session, switched.Id, sentUntil, CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
        }

        services.Clock.Advance(TimeSpan.FromHours(6));
        var moved = await store.SaveAsync(new Subscription { Channel = channel, Digest = daily with { At = new TimeOnly(17, 0) }, CreatedBy = "U1", CreatedAt = services.Clock.GetUtcNow() }, CancellationToken.None);

        instant.LastDigestAt.ShouldBeNull();
        switched.LastDigestAt.ShouldBe(switched.CreatedAt);
        moved.LastDigestAt.ShouldBe(sentUntil);
    }
}
