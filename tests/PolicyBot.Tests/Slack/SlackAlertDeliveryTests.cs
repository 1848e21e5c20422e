using PolicyBot.Alerting;
using PolicyBot.Chat;
using PolicyBot.Data;
using PolicyBot.Subscriptions;
using PolicyBot.Tests.Alerting;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Slack;

/// <summary>End to end through the integrator's dispatcher: an alert routed by subscription to a Slack channel,
/// posted there, and later updated in place (chat.update of the same ts, with a note in its thread).</summary>
public sealed class SlackAlertDeliveryTests : IAsyncLifetime
{
    private FakeSlackApi slack = null!;
    private TestServices services = null!;

    public async Task InitializeAsync()
    {
        slack = await FakeSlackApi.StartAsync();
        services = await TestServices.CreateAsync(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = FakeSlackApi.BotToken,
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.ToString(),
        });
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await slack.DisposeAsync();
    }

    private static Alert MetaShift => new()
    {
        Kind = "new",
        Title = "Meta: we'll be careful about what we choose to open-source",
        Url = "https://wire.example/meta-open-source",
        Source = "Example Wire",
        PublishedAt = new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero),
        Orgs = ["Meta"],
        Stance = "cautious",
        Shift = "open → cautious",
        Summary = "Meta signalled a more careful approach to releasing its most capable models openly.",
        Quotes = [new AlertQuote("We'll need to be careful about what we choose to open-source.", "Mark Zuckerberg", "Meta", "cautious")],
        Matched = ["open-source", "Meta"],
        Relevance = 0.9,
    };

    private Task SubscribeAsync(string channel, params string[] actors) =>
        services.Get<SubscriptionStore>().SaveAsync(
            new Subscription { Channel = new ChatChannel("slack", channel), Actors = actors, CreatedBy = "UADMIN", CreatedAt = services.Clock.GetUtcNow() },
            CancellationToken.None);

    [Fact]
    public async Task An_Alert_Reaches_The_Subscribed_Slack_Channel_And_Is_Later_Updated_In_Place()
    {
        await SubscribeAsync("C0META", "Meta");
        await SubscribeAsync("C0OPENAI", "OpenAI");
        IReadOnlyList<AlertRoute> routes;
        await using (var session = await services.Get<SqliteDatabase>().BeginAsync(CancellationToken.None))
        {
            routes = await services.Get<AlertRouter>().RouteAsync(session, MetaShift, CancellationToken.None);
        }

        var alert = await OutboxSeed.EnqueueAsync(services, MetaShift, [.. routes.Select(r => r.Channel).Where(c => c.StartsWith("slack:", StringComparison.Ordinal))]);
        var dispatcher = services.Get<OutboxDispatcher>();

        await dispatcher.DispatchAsync(CancellationToken.None);
        var post = slack.CallsTo("chat.postMessage").Single();
        await using (var session = await services.Get<SqliteDatabase>().BeginAsync(CancellationToken.None))
        {
            await services.Get<AlertOutbox>().ReviseAsync(session, alert.Id, a => a with { AlsoReportedBy = ["Second Outlet"] }, services.Clock.GetUtcNow(), CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
        }

        services.Clock.Advance(TimeSpan.FromMinutes(1));
        await dispatcher.DispatchAsync(CancellationToken.None);

        post.Arg("channel").ShouldBe("C0META");
        post.ArgJson("blocks")[0]!["text"]!["text"]!.GetValue<string>().ShouldContain("careful about what we choose to open-source");
        post.Arg("text").ShouldNotBeNullOrWhiteSpace();
        var update = slack.CallsTo("chat.update").Single();
        update.Arg("channel").ShouldBe("C0META");
        update.Arg("ts").ShouldBe(post.PostedTs);
        update.ArgJson("blocks").ToJsonString().ShouldContain("Second Outlet");
        var note = slack.CallsTo("chat.postMessage").Last();
        note.Arg("thread_ts").ShouldBe(post.PostedTs);
        slack.CallsTo("chat.postMessage").ShouldNotContain(c => c.Arg("channel") == "C0OPENAI");
        slack.Problems.ShouldBeEmpty();
    }
}
