using System.Text.Json.Nodes;
using Dapper;
using PolicyBot.Alerting;
using PolicyBot.Chat;
using PolicyBot.Commands;
using PolicyBot.Data;
using PolicyBot.Teams;

namespace PolicyBot.Tests.Teams;

/// <summary>
/// End to end against the real Microsoft 365 Agents Playground (channel msteams, no auth, loopback only): the
/// playground posts the user's message to PolicyBot's <c>/api/messages</c> and shows what PolicyBot sends back through
/// its Connector; alerts go out through the dispatcher to the conversation PolicyBot learnt from that message.
/// </summary>
public sealed class PlaygroundEndToEndTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private const string Conversation = AgentsPlayground.PersonalConversation;

    [Fact]
    public async Task Meta_Comes_Back_As_PolicyBots_Card_Its_Buttons_Work_And_Alerts_Are_Delivered_And_Updated_Proactively()
    {
        await using var app = await TeamsTestApp.StartAsync(fake: null);
        await using var playground = await AgentsPlayground.StartAsync(new Uri(app.Client.BaseAddress!, "api/messages").ToString(), Timeout);

        // A user types "meta" in the personal chat.
        await playground.PostAsync($"_conversation/v1/conversations/{Conversation}/messages", new { from = new { id = "user-id-0" }, text = "meta", textFormat = "plain" });
        var replyFrame = await playground.NextFrameAsync(Conversation, "createMessage", Timeout);
        var card = replyFrame.GetProperty("message").GetProperty("attachments")[0];
        var expected = app.Get<AdaptiveCardRenderer>().RenderCard(await app.Get<CommandEngine>().ExecuteAsync(
            "meta", new CommandContext("teams", "00000000-0000-0000-0000-0000000000020", "Alex Wilber", new ChatChannel("teams", Conversation)), CancellationToken.None));

        card.GetProperty("contentType").GetString().ShouldBe(AdaptiveCardRenderer.ContentType);
        var content = card.GetProperty("content");
        content.GetProperty("version").GetString().ShouldBe("1.5");
        (await CardSchema.ValidateCardAsync(content.GetRawText())).ShouldBeEmpty();
        JsonNode.DeepEquals(JsonNode.Parse(content.GetProperty("body").GetRawText()), expected["body"]).ShouldBeTrue(content.GetProperty("body").GetRawText());

        // A card button (Action.Submit) pressed on that card runs its command as the presser.
        await playground.PostAsync("_conversation/v1/submit", new
        {
            conversation = new { id = Conversation },
            from = new { id = "user-id-0" },
            replyToId = replyFrame.GetProperty("message").GetProperty("messageId").GetString(),
            value = new { command = "help" },
        });
        var submitFrame = await playground.NextFrameAsync(Conversation, "createMessage", Timeout);
        var help = app.Get<AdaptiveCardRenderer>().RenderCard(await app.Get<CommandEngine>().ExecuteAsync(
            "help", new CommandContext("teams", "00000000-0000-0000-0000-0000000000020", "Alex Wilber", new ChatChannel("teams", Conversation)), CancellationToken.None));

        var submitBody = submitFrame.GetProperty("message").GetProperty("attachments")[0].GetProperty("content").GetProperty("body").GetRawText();
        JsonNode.DeepEquals(JsonNode.Parse(submitBody), help["body"]).ShouldBeTrue(submitBody);

        // An alert for that conversation, delivered by the dispatcher.
        var stored = await app.Get<ChannelStore>().FindAsync(new ChatChannel("teams", Conversation), CancellationToken.None);
        stored.ShouldNotBeNull().Active.ShouldBeTrue();
        var alertId = await EnqueueAlertAsync(app);
        var delivered = await app.Get<OutboxDispatcher>().DispatchAsync(CancellationToken.None);
        var alertFrame = await playground.NextFrameAsync(Conversation, "createMessage", Timeout);

        delivered.ShouldBe(1);
        var alertCard = alertFrame.GetProperty("message").GetProperty("attachments")[0].GetProperty("content");
        alertCard.GetProperty("body")[0].GetProperty("text").GetString().ShouldBe("Meta: Meta narrows what it will open-source");
        alertCard.GetRawText().ShouldContain("Shift: open → cautious");
        var messageId = alertFrame.GetProperty("message").GetProperty("messageId").GetString();

        // Another outlet reports it: the same card is updated in place.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await ReviseAsync(app, alertId);
        var updates = await app.Get<OutboxDispatcher>().DispatchAsync(CancellationToken.None);
        var updateFrame = await playground.NextFrameAsync(Conversation, "updateMessage", Timeout);

        updates.ShouldBe(1);
        updateFrame.GetProperty("message").GetProperty("messageId").GetString().ShouldBe(messageId);
        updateFrame.GetProperty("message").GetProperty("attachments")[0].GetProperty("content").GetRawText().ShouldContain("outlet-b.example");
    }

    private static async Task<long> EnqueueAlertAsync(TeamsTestApp app)
    {
        var now = app.Clock.GetUtcNow();
        await using var session = await app.Get<SqliteDatabase>().BeginAsync(CancellationToken.None);
        var sourceId = await session.Connection.ExecuteScalarAsync<long>(session.Command(
            "INSERT INTO sources (name, url, kind, created_at, next_check_at) VALUES ('Outlet A', 'https://outlet-a.example/feed.xml', 'feed', @now, @now) RETURNING id", new { now }, CancellationToken.None));
        var itemId = await session.Connection.ExecuteScalarAsync<long>(session.Command(
            "INSERT INTO items (source_id, guid, fingerprint, text, first_seen_at, last_changed_at) VALUES (@sourceId, 'g', 'f', 't', @now, @now) RETURNING id", new { sourceId, now }, CancellationToken.None));
        var alert = new Alert
        {
            Kind = "new",
            Title = "Meta narrows what it will open-source",
            Url = "https://outlet-a.example/zuckerberg",
            Source = "Outlet A",
            PublishedAt = now,
            Orgs = ["Meta"],
            Stance = "cautious",
            Shift = "open → cautious",
            Summary = "Meta's chief executive wrote that the company will be careful about which models it releases openly.",
            Quotes = [new AlertQuote("We'll need to be rigorous about mitigating these risks and careful about what we choose to open-source.", "Mark Zuckerberg", "Meta", "cautious")],
        };
        var saved = await app.Get<AlertOutbox>().AddAsync(session, new AlertOrigin(sourceId, itemId, null), alert, [new AlertRoute($"teams:{Conversation}", "you subscribed to Meta")], now, CancellationToken.None);
        await session.CommitAsync(CancellationToken.None);
        return saved.Id;
    }

    private static async Task ReviseAsync(TeamsTestApp app, long alertId)
    {
        await using var session = await app.Get<SqliteDatabase>().BeginAsync(CancellationToken.None);
        await app.Get<AlertOutbox>().ReviseAsync(session, alertId, a => a with { AlsoReportedBy = ["https://outlet-b.example/meta-open-weights"] }, app.Clock.GetUtcNow(), CancellationToken.None);
        await session.CommitAsync(CancellationToken.None);
    }
}
