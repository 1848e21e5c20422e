using System.Text;
using PolicyBot.Chat;
using PolicyBot.Subscriptions;
using PolicyBot.Teams;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Teams;

public sealed class TeamsTurnHandlerTests
{
    private static Activity Load(BotFrameworkFake fake, string name) =>
        ActivityParser.Parse(Encoding.UTF8.GetBytes(TeamsFixtures.Load(name, fake.ServiceUrl))).Activity.ShouldNotBeNull();

    private static async Task<StoredChannel?> FindAsync(TestServices services, string id) =>
        await services.Get<ChannelStore>().FindAsync(new ChatChannel("teams", id), CancellationToken.None);

    [Fact]
    public async Task Bot_Added_To_A_Team_Stores_The_Conversation_Reference()
    {
        await using var fake = await BotFrameworkFake.StartAsync();
        await using var services = await TeamsServices.CreateAsync(fake);

        await services.Get<TeamsTurnHandler>().HandleAsync(Load(fake, "conversation-update-bot-added-team"), CancellationToken.None);

        var stored = (await FindAsync(services, "19:policy-team@thread.tacv2")).ShouldNotBeNull();
        stored.Active.ShouldBeTrue();
        stored.Channel.DisplayName.ShouldBe("Policy Watch (General)");
        var reference = ConversationReference.FromJson(stored.Data).ShouldNotBeNull();
        reference.ServiceUrl.ShouldBe(fake.ServiceUrl);
        reference.TenantId.ShouldBe(BotFrameworkFake.TenantId);
        reference.BotId.ShouldBe($"28:{BotFrameworkFake.AppId}");
        reference.ConversationType.ShouldBe("channel");
        reference.TeamName.ShouldBe("Policy Watch");
        fake.Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Bot_Removed_From_The_Team_Deactivates_The_Conversation()
    {
        await using var fake = await BotFrameworkFake.StartAsync();
        await using var services = await TeamsServices.CreateAsync(fake);
        var handler = services.Get<TeamsTurnHandler>();

        await handler.HandleAsync(Load(fake, "conversation-update-bot-added-team"), CancellationToken.None);
        await handler.HandleAsync(Load(fake, "conversation-update-bot-removed-team"), CancellationToken.None);

        (await FindAsync(services, "19:policy-team@thread.tacv2"))!.Active.ShouldBeFalse();
    }

    [Fact]
    public async Task Bot_Removed_From_The_Team_Also_Deactivates_The_Subscribed_Channels_Of_That_Team()
    {
        await using var fake = await BotFrameworkFake.StartAsync();
        await using var services = await TeamsServices.CreateAsync(fake);
        var handler = services.Get<TeamsTurnHandler>();
        fake.MapConnector("POST", "/connector/v3/conversations/19:policy-alerts@thread.tacv2;messageid=1700000000002/activities/1700000000002");
        await handler.HandleAsync(Load(fake, "conversation-update-bot-added-team"), CancellationToken.None);
        await handler.HandleAsync(Load(fake, "message-channel-mention"), CancellationToken.None);
        var alerts = new ChatChannel("teams", "19:policy-alerts@thread.tacv2");
        await services.Get<SubscriptionStore>().SaveAsync(new Subscription { Channel = alerts, CreatedBy = "teams:ada" }, CancellationToken.None);
        var otherTeam = new ChatChannel("teams", "19:other-team-channel@thread.tacv2");
        await services.Get<ChannelStore>().UpsertAsync(otherTeam, new ConversationReference(fake.ServiceUrl, otherTeam.Id, "channel", null, null, null, null, "19:other-team@thread.tacv2", null).ToJson(), CancellationToken.None);
        await services.Get<SubscriptionStore>().SaveAsync(new Subscription { Channel = otherTeam, CreatedBy = "teams:ada" }, CancellationToken.None);

        await handler.HandleAsync(Load(fake, "conversation-update-bot-removed-team"), CancellationToken.None);

        (await FindAsync(services, "19:policy-team@thread.tacv2"))!.Active.ShouldBeFalse();
        (await FindAsync(services, "19:policy-alerts@thread.tacv2"))!.Active.ShouldBeFalse();
        (await FindAsync(services, "19:other-team-channel@thread.tacv2"))!.Active.ShouldBeTrue();
    }

    [Fact]
    public async Task A_Channel_Other_Than_General_Is_Not_Named_After_The_General_Channel()
    {
        await using var fake = await BotFrameworkFake.StartAsync();
        await using var services = await TeamsServices.CreateAsync(fake);
        var json = TeamsFixtures.Load("conversation-update-bot-added-team", fake.ServiceUrl)
            .Replace("a5b6c7d8e9f0\", \"id\": \"19:policy-team@thread.tacv2\"", "a5b6c7d8e9f0\", \"id\": \"19:policy-alerts@thread.tacv2\"", StringComparison.Ordinal);
        var activity = ActivityParser.Parse(Encoding.UTF8.GetBytes(json)).Activity.ShouldNotBeNull();
        activity.Conversation!.Id.ShouldBe("19:policy-alerts@thread.tacv2");

        await services.Get<TeamsTurnHandler>().HandleAsync(activity, CancellationToken.None);

        var stored = (await FindAsync(services, "19:policy-alerts@thread.tacv2")).ShouldNotBeNull();
        stored.Channel.DisplayName.ShouldNotBe("Policy Watch (General)");
    }

    [Fact]
    public async Task Personal_Install_Stores_And_Uninstall_Deactivates()
    {
        await using var fake = await BotFrameworkFake.StartAsync();
        await using var services = await TeamsServices.CreateAsync(fake);
        var handler = services.Get<TeamsTurnHandler>();

        await handler.HandleAsync(Load(fake, "installation-update-add-personal"), CancellationToken.None);
        var installed = await FindAsync(services, "a:1personal-ada");
        await handler.HandleAsync(Load(fake, "installation-update-remove-personal"), CancellationToken.None);

        installed.ShouldNotBeNull().Active.ShouldBeTrue();
        ConversationReference.FromJson(installed.Data)!.ConversationType.ShouldBe("personal");
        (await FindAsync(services, "a:1personal-ada"))!.Active.ShouldBeFalse();
    }

    [Fact]
    public async Task Group_Chat_Install_Stores_The_Chat_With_Its_Name()
    {
        await using var fake = await BotFrameworkFake.StartAsync();
        await using var services = await TeamsServices.CreateAsync(fake);

        await services.Get<TeamsTurnHandler>().HandleAsync(Load(fake, "conversation-update-group-chat-added"), CancellationToken.None);

        var stored = (await FindAsync(services, "19:policy-group@thread.v2")).ShouldNotBeNull();
        stored.Channel.DisplayName.ShouldBe("Counsel and comms");
        ConversationReference.FromJson(stored.Data)!.ConversationType.ShouldBe("groupChat");
    }

    [Fact]
    public async Task Deleted_Channel_Is_Deactivated()
    {
        await using var fake = await BotFrameworkFake.StartAsync();
        await using var services = await TeamsServices.CreateAsync(fake);
        var handler = services.Get<TeamsTurnHandler>();
        fake.MapConnector("POST", "/connector/v3/conversations/19:policy-alerts@thread.tacv2;messageid=1700000000002/activities/1700000000002");
        await handler.HandleAsync(Load(fake, "message-channel-mention"), CancellationToken.None);

        await handler.HandleAsync(Load(fake, "channel-deleted"), CancellationToken.None);

        (await FindAsync(services, "19:policy-alerts@thread.tacv2"))!.Active.ShouldBeFalse();
    }

    [Fact]
    public async Task Channel_Message_With_The_Bot_Mention_Runs_The_Command_And_Replies_In_The_Thread()
    {
        await using var fake = await BotFrameworkFake.StartAsync();
        fake.MapConnector("POST", "/connector/v3/conversations/19:policy-alerts@thread.tacv2;messageid=1700000000002/activities/1700000000002");
        await using var services = await TeamsServices.CreateAsync(fake);

        await services.Get<TeamsTurnHandler>().HandleAsync(Load(fake, "message-channel-mention"), CancellationToken.None);

        var reply = BotFrameworkFake.Json(fake.ConnectorRequests.Single());
        reply.GetProperty("replyToId").GetString().ShouldBe("1700000000002");
        var card = reply.GetProperty("attachments")[0].GetProperty("content");
        card.GetProperty("body")[0].GetProperty("text").GetString().ShouldBe("PolicyBot commands"); // "help" reached the engine without the mention
        reply.GetProperty("recipient").GetProperty("id").GetString().ShouldBe("29:1user-ben");
        var stored = (await FindAsync(services, "19:policy-alerts@thread.tacv2")).ShouldNotBeNull(); // the channel, not the thread
        ConversationReference.FromJson(stored.Data)!.TeamId.ShouldBe("19:policy-team@thread.tacv2");
        fake.Server.UnexpectedRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Card_Button_Press_Is_Answered_As_A_Reply_To_The_Card()
    {
        await using var fake = await BotFrameworkFake.StartAsync();
        fake.MapConnector("POST", "/connector/v3/conversations/a:1personal-ada/activities/1700000000003");
        await using var services = await TeamsServices.CreateAsync(fake);
        var activity = Load(fake, "message-card-submit");

        await services.Get<TeamsTurnHandler>().HandleAsync(activity, CancellationToken.None);

        CardSubmissionReader.CommandText(activity.Value).ShouldBe("sources add https://example.org/feed.xml feed Meta");
        var reply = BotFrameworkFake.Json(fake.ConnectorRequests.ShouldHaveSingleItem());
        reply.GetProperty("replyToId").GetString().ShouldBe("1700000000003");
        reply.GetProperty("attachments")[0].GetProperty("contentType").GetString().ShouldBe(AdaptiveCardRenderer.ContentType);
    }

    [Fact]
    public async Task Manage_Shows_The_Admin_Card_With_Submit_Actions()
    {
        await using var fake = await BotFrameworkFake.StartAsync();
        fake.MapConnector("POST", "/connector/v3/conversations/a:1personal-ada/activities/1700000000001");
        await using var services = await TeamsServices.CreateAsync(fake);
        var activity = Load(fake, "message-personal") with { Text = "manage" };

        await services.Get<TeamsTurnHandler>().HandleAsync(activity, CancellationToken.None);

        var card = BotFrameworkFake.Json(fake.ConnectorRequests.Single()).GetProperty("attachments")[0].GetProperty("content");
        card.GetRawText().ShouldContain("\"command\":\"sources add\"");
        card.GetRawText().ShouldContain("\"command\":\"subscribe\"");
    }

    [Fact]
    public async Task A_Repeated_Activity_Is_Handled_Once()
    {
        await using var fake = await BotFrameworkFake.StartAsync();
        fake.MapConnector("POST", "/connector/v3/conversations/a:1personal-ada/activities/1700000000001");
        await using var services = await TeamsServices.CreateAsync(fake);
        var handler = services.Get<TeamsTurnHandler>();

        await handler.HandleAsync(Load(fake, "message-personal"), CancellationToken.None);
        await handler.HandleAsync(Load(fake, "message-personal"), CancellationToken.None);

        fake.ConnectorRequests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_Service_Url_Off_The_Allow_List_Gets_No_Reply_And_No_Token()
    {
        await using var fake = await BotFrameworkFake.StartAsync();
        await using var attacker = await LoopbackServer.StartAsync("127.0.0.2");
        await using var services = await TeamsServices.CreateAsync(fake);
        var activity = Load(fake, "message-personal") with { ServiceUrl = attacker.Url("/connector/").ToString() };

        await services.Get<TeamsTurnHandler>().HandleAsync(activity, CancellationToken.None);

        attacker.Requests.ShouldBeEmpty();
        fake.TokenRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_Web_Chat_Activity_Claiming_An_Admin_Object_Id_As_Its_Sender_Runs_Nothing()
    {
        await using var fake = await BotFrameworkFake.StartAsync();
        await using var services = await TeamsServices.CreateAsync(fake, new Dictionary<string, string?> { ["Admins:TeamsUserIds:0"] = "aaaaaaaa-0000-0000-0000-000000000001" });
        var activity = Load(fake, "message-personal") with
        {
            ChannelId = "webchat",
            From = new ChannelAccount("aaaaaaaa-0000-0000-0000-000000000001", "Ada Admin"),
            Text = "subscribe",
        };

        await services.Get<TeamsTurnHandler>().HandleAsync(activity, CancellationToken.None);

        (await services.Get<SubscriptionStore>().FindAsync(new ChatChannel("teams", "a:1personal-ada"), CancellationToken.None)).ShouldBeNull();
        (await FindAsync(services, "a:1personal-ada")).ShouldBeNull();
        fake.ConnectorRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_Same_Message_From_Teams_Does_Subscribe_So_The_Web_Chat_Test_Can_Fail()
    {
        await using var fake = await BotFrameworkFake.StartAsync();
        fake.MapConnector("POST", "/connector/v3/conversations/a:1personal-ada/activities/1700000000001");
        await using var services = await TeamsServices.CreateAsync(fake, new Dictionary<string, string?> { ["Admins:TeamsUserIds:0"] = "aaaaaaaa-0000-0000-0000-000000000001" });
        var activity = Load(fake, "message-personal") with { Text = "subscribe" };

        await services.Get<TeamsTurnHandler>().HandleAsync(activity, CancellationToken.None);

        (await services.Get<SubscriptionStore>().FindAsync(new ChatChannel("teams", "a:1personal-ada"), CancellationToken.None)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Subscribe_In_The_General_Channel_Names_It_By_Its_Stored_Name_Not_Its_Id()
    {
        await using var fake = await BotFrameworkFake.StartAsync();
        fake.MapConnector("POST", "/connector/v3/conversations/19:policy-team@thread.tacv2;messageid=1700000000002/activities/1700000000002");
        await using var services = await TeamsServices.CreateAsync(fake, new Dictionary<string, string?> { ["Admins:TeamsUserIds:0"] = "aaaaaaaa-0000-0000-0000-000000000002" });
        var handler = services.Get<TeamsTurnHandler>();
        await handler.HandleAsync(Load(fake, "conversation-update-bot-added-team"), CancellationToken.None);
        var json = TeamsFixtures.Load("message-channel-mention", fake.ServiceUrl)
            .Replace("19:policy-alerts@thread.tacv2", "19:policy-team@thread.tacv2", StringComparison.Ordinal)
            .Replace("&nbsp;help", "&nbsp;subscribe", StringComparison.Ordinal);
        var message = ActivityParser.Parse(Encoding.UTF8.GetBytes(json)).Activity.ShouldNotBeNull();

        await handler.HandleAsync(message, CancellationToken.None);

        var reply = BotFrameworkFake.Json(fake.ConnectorRequests.ShouldHaveSingleItem()).GetRawText();
        reply.ShouldContain("Policy Watch (General)");
        reply.ShouldNotContain("teams:19:");
    }

    [Fact]
    public async Task A_Message_Without_Text_Or_Command_Asks_Nothing()
    {
        await using var fake = await BotFrameworkFake.StartAsync();
        await using var services = await TeamsServices.CreateAsync(fake);
        var activity = Load(fake, "message-personal") with { Text = null };

        await services.Get<TeamsTurnHandler>().HandleAsync(activity, CancellationToken.None);

        fake.Server.Requests.ShouldBeEmpty();
    }
}
