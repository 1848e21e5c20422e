using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Alerting;
using PolicyBot.Chat;
using PolicyBot.Sources;
using PolicyBot.Polling;
using PolicyBot.Tests.Infrastructure;
using PolicyBot.Tests.Polling;

namespace PolicyBot.Tests.Alerting;

public sealed class PageChangeUpdateTests
{
    [Fact]
    public async Task A_Watched_Page_Changing_Again_Updates_The_First_Alert_In_Place_Instead_Of_Posting_Again()
    {
        await using var server = await LoopbackServer.StartAsync();
        var channel = new RecordingChannel();
        await using var services = await TestServices.CreateAsync(configure: s => s.AddSingleton<IChatAdapter>(channel));
        await channel.SubscribeAsync(services);
        var page = TestFeeds.PolicyPage("1 November 2026", 10, "We publish the weights of every model we train under an open licence.");
        server.Map("/policy", ctx => LoopbackServer.Respond(200, page, "text/html; charset=utf-8")(ctx));
        var url = server.Url("/policy").ToString();
        await services.Get<SourceStore>().AddAsync(new SourceDefinition { Name = "Lab policy", Url = url, Kind = "page" }, "cli", services.Clock.GetUtcNow(), CancellationToken.None);
        async Task<PollReport> PollAndDispatchAsync()
        {
            var report = await services.Get<SourcePoller>().PollAsync((await services.Get<SourceStore>().FindAsync(url, CancellationToken.None))!, CancellationToken.None);
            await services.Get<OutboxDispatcher>().DispatchAsync(CancellationToken.None);
            services.Clock.Advance(TimeSpan.FromHours(1));
            return report;
        }

        await PollAndDispatchAsync();
        page = TestFeeds.PolicyPage("2 November 2026", 11, "Frontier models are reviewed before any open release.");
        var first = await PollAndDispatchAsync();
        page = TestFeeds.PolicyPage("3 November 2026", 12, "Frontier models are reviewed before any open release.", "Weights of frontier models stay closed.");
        var second = await PollAndDispatchAsync();

        first.Alerts.ShouldHaveSingleItem();
        second.Alerts.ShouldBeEmpty();
        var revised = second.Revised.ShouldHaveSingleItem();
        revised.Id.ShouldBe(first.Alerts[0].Id);
        channel.Sent.ShouldHaveSingleItem();
        var (update, messageId) = channel.Updates.ShouldHaveSingleItem();
        messageId.ShouldBe("m1");
        update.Change!.Added.ShouldBe(["Frontier models are reviewed before any open release.", "Weights of frontier models stay closed."]);
        update.Change.Removed.ShouldBe(["We publish the weights of every model we train under an open licence."]);
        channel.Delivered[^1].Message.Content.Summary.ShouldBe($"Updated: {update.Title}");
    }

    [Fact]
    public async Task A_Watched_Page_Change_Is_A_Statement_Of_Its_Organisation_That_Commands_Find_But_Feed_Reports_Never_Join()
    {
        await using var server = await LoopbackServer.StartAsync();
        await using var services = await TestServices.CreateAsync();
        var page = TestFeeds.PolicyPage("1 November 2026", 10, "Meta publishes the weights of its Llama models under an open licence.");
        server.Map("/policy", ctx => LoopbackServer.Respond(200, page, "text/html; charset=utf-8")(ctx));
        var url = server.Url("/policy").ToString();
        await services.Get<SourceStore>().AddAsync(new SourceDefinition { Name = "Meta policy", Url = url, Kind = "page", Orgs = ["Meta"] }, "cli", services.Clock.GetUtcNow(), CancellationToken.None);
        async Task PollAsync() =>
            await services.Get<SourcePoller>().PollAsync((await services.Get<SourceStore>().FindAsync(url, CancellationToken.None))!, CancellationToken.None);
        await PollAsync();
        page = TestFeeds.PolicyPage("2 November 2026", 11, "Meta will be careful about what it chooses to open-source.");
        await PollAsync();
        var context = new PolicyBot.Commands.CommandContext("cli", "tester", null, null);

        var actor = await services.Get<PolicyBot.Commands.CommandEngine>().ExecuteAsync("meta", context, CancellationToken.None);
        var latest = await services.Get<PolicyBot.Commands.CommandEngine>().ExecuteAsync("latest", context, CancellationToken.None);
        await using var session = await services.Get<PolicyBot.Data.SqliteDatabase>().BeginAsync(CancellationToken.None);
        var clusterable = await services.Get<PolicyBot.Clustering.StatementStore>().RecentAsync(session, services.Clock.GetUtcNow().AddDays(-30), CancellationToken.None);

        PolicyBot.Chat.ReplyTextRenderer.Render(actor).ShouldContain("Model release policy");
        PolicyBot.Chat.ReplyTextRenderer.Render(latest).ShouldContain("Model release policy");
        clusterable.ShouldBeEmpty();
    }
}
