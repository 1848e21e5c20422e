using System.Text.Json.Nodes;
using PolicyBot.Teams;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Teams;

public sealed class ConnectorClientTests
{
    private static JsonObject Message() => new() { ["type"] = "message", ["text"] = "hello" };

    [Fact]
    public async Task Send_Posts_The_Activity_With_A_Client_Credentials_Token_Requested_Once_And_Cached()
    {
        await using var fake = await BotFrameworkFake.StartAsync();
        fake.MapConnector("POST", "/connector/v3/conversations/19:alerts@thread.tacv2/activities");
        await using var services = await TeamsServices.CreateAsync(fake);
        var client = services.Get<ConnectorClient>();

        var first = await client.SendAsync(fake.ServiceUrl, "19:alerts@thread.tacv2", Message(), CancellationToken.None);
        var second = await client.SendAsync(fake.ServiceUrl, "19:alerts@thread.tacv2", Message(), CancellationToken.None);

        first.Succeeded.ShouldBeTrue(first.Error);
        first.ActivityId.ShouldBe("activity-1");
        second.ActivityId.ShouldBe("activity-2");
        var token = fake.TokenRequests.ShouldHaveSingleItem();
        var form = token.BodyText;
        form.ShouldContain("grant_type=client_credentials");
        form.ShouldContain($"client_id={BotFrameworkFake.AppId}");
        form.ShouldContain("scope=https%3A%2F%2Fapi.botframework.com%2F.default");
        fake.ConnectorRequests.ShouldAllBe(r => r.Header("Authorization") == "Bearer connector-token-1");
        fake.Server.UnexpectedRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Conversation_Ids_Are_Escaped_In_The_Path()
    {
        await using var fake = await BotFrameworkFake.StartAsync();
        fake.MapConnector("POST", "/connector/v3/conversations/19:alerts@thread.tacv2;messageid=17/activities/17");
        await using var services = await TeamsServices.CreateAsync(fake);

        var result = await services.Get<ConnectorClient>().ReplyAsync(fake.ServiceUrl, "19:alerts@thread.tacv2;messageid=17", "17", Message(), CancellationToken.None);

        result.Succeeded.ShouldBeTrue(result.Error);
        BotFrameworkFake.Json(fake.ConnectorRequests.Single()).GetProperty("replyToId").GetString().ShouldBe("17");
    }

    [Fact]
    public async Task Token_Is_Requested_Again_Shortly_Before_It_Expires()
    {
        await using var fake = await BotFrameworkFake.StartAsync();
        fake.MapConnector("POST", "/connector/v3/conversations/c1/activities");
        await using var services = await TeamsServices.CreateAsync(fake);
        var client = services.Get<ConnectorClient>();

        await client.SendAsync(fake.ServiceUrl, "c1", Message(), CancellationToken.None);
        services.Clock.Advance(TimeSpan.FromMinutes(54)); // 3600 s token, refreshed 5 minutes early
        await client.SendAsync(fake.ServiceUrl, "c1", Message(), CancellationToken.None);
        services.Clock.Advance(TimeSpan.FromMinutes(2));
        await client.SendAsync(fake.ServiceUrl, "c1", Message(), CancellationToken.None);

        fake.TokenRequests.Count.ShouldBe(2);
        fake.ConnectorRequests[^1].Header("Authorization").ShouldBe("Bearer connector-token-2");
    }

    [Fact]
    public async Task A_401_From_The_Connector_Forces_One_New_Token_And_One_Retry()
    {
        await using var fake = await BotFrameworkFake.StartAsync();
        fake.MapConnector("POST", "/connector/v3/conversations/c1/activities");
        fake.InjectConnectorReply(401, """{"error":{"code":"Unauthorized"}}""");
        await using var services = await TeamsServices.CreateAsync(fake);

        var result = await services.Get<ConnectorClient>().SendAsync(fake.ServiceUrl, "c1", Message(), CancellationToken.None);

        result.Succeeded.ShouldBeTrue(result.Error);
        fake.TokenRequests.Count.ShouldBe(2);
        fake.ConnectorRequests.Select(r => r.Header("Authorization")).ShouldBe(["Bearer connector-token-1", "Bearer connector-token-2"]);
    }

    [Fact]
    public async Task A_429_Is_Retryable_With_The_Retry_After_The_Connector_Asked_For()
    {
        await using var fake = await BotFrameworkFake.StartAsync();
        fake.MapConnector("POST", "/connector/v3/conversations/c1/activities");
        fake.InjectConnectorReply(429, """{"error":{"code":"TooManyRequests","message":"slow down"}}""", retryAfter: "7");
        await using var services = await TeamsServices.CreateAsync(fake);

        var result = await services.Get<ConnectorClient>().SendAsync(fake.ServiceUrl, "c1", Message(), CancellationToken.None);

        result.Succeeded.ShouldBeFalse();
        result.Retryable.ShouldBeTrue();
        result.RetryAfter.ShouldBe(TimeSpan.FromSeconds(7));
        result.Error.ShouldBe("Connector answered HTTP 429 (TooManyRequests)");
    }

    [Fact]
    public async Task A_500_Is_Retryable_And_A_403_Means_The_Conversation_Is_Gone()
    {
        await using var fake = await BotFrameworkFake.StartAsync();
        fake.MapConnector("POST", "/connector/v3/conversations/c1/activities");
        fake.InjectConnectorReply(500, "oops");
        fake.InjectConnectorReply(403, """{"error":{"code":"BotNotInConversationRoster","message":"The bot is not part of the conversation roster."}}""");
        await using var services = await TeamsServices.CreateAsync(fake);
        var client = services.Get<ConnectorClient>();

        var serverError = await client.SendAsync(fake.ServiceUrl, "c1", Message(), CancellationToken.None);
        var forbidden = await client.SendAsync(fake.ServiceUrl, "c1", Message(), CancellationToken.None);

        serverError.Retryable.ShouldBeTrue();
        serverError.ConversationGone.ShouldBeFalse();
        forbidden.Retryable.ShouldBeFalse();
        forbidden.ConversationGone.ShouldBeTrue();
        forbidden.Error.ShouldBe("Connector answered HTTP 403 (BotNotInConversationRoster)");
    }

    [Theory]
    [InlineData("https://attacker.example/")]
    [InlineData("http://smba.trafficmanager.net/amer/")]
    [InlineData("https://smba.trafficmanager.net.attacker.example/")]
    [InlineData("https://user:pass@127.0.0.1/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("not a url")]
    [InlineData("")]
    public async Task A_Service_Url_Off_The_Allow_List_Gets_Neither_The_Token_Nor_The_Message(string serviceUrl)
    {
        await using var fake = await BotFrameworkFake.StartAsync();
        await using var services = await TeamsServices.CreateAsync(fake, new Dictionary<string, string?> { ["Teams:AllowedServiceUrls:1"] = "smba.trafficmanager.net" });

        var result = await services.Get<ConnectorClient>().SendAsync(serviceUrl, "c1", Message(), CancellationToken.None);

        result.Succeeded.ShouldBeFalse();
        result.Retryable.ShouldBeFalse();
        fake.Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_Failing_Token_Endpoint_Is_A_Retryable_Failure_And_Nothing_Is_Sent()
    {
        await using var fake = await BotFrameworkFake.StartAsync();
        fake.MapConnector("POST", "/connector/v3/conversations/c1/activities");
        fake.InjectTokenReply(500, """{"error":"temporarily_unavailable"}""");
        await using var services = await TeamsServices.CreateAsync(fake);

        var result = await services.Get<ConnectorClient>().SendAsync(fake.ServiceUrl, "c1", Message(), CancellationToken.None);

        result.Succeeded.ShouldBeFalse();
        result.Retryable.ShouldBeTrue();
        result.Error.ShouldBe("no Connector token: token endpoint answered HTTP 500 (temporarily_unavailable)");
        fake.ConnectorRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Rejected_Credentials_Are_Not_Retryable_And_The_Secret_Never_Appears_In_The_Error()
    {
        await using var fake = await BotFrameworkFake.StartAsync();
        fake.InjectTokenReply(401, """{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret s3cret-value provided."}""");
        await using var services = await TeamsServices.CreateAsync(fake);

        var result = await services.Get<ConnectorClient>().SendAsync(fake.ServiceUrl, "c1", Message(), CancellationToken.None);

        result.Retryable.ShouldBeFalse();
        result.Error.ShouldNotBeNull().ShouldNotContain("s3cret");
    }

    [Fact]
    public async Task Without_An_App_Id_No_Token_Is_Requested_Or_Sent()
    {
        await using var fake = await BotFrameworkFake.StartAsync();
        fake.MapConnector("POST", "/connector/v3/conversations/c1/activities");
        await using var services = await TestServices.CreateAsync(new Dictionary<string, string?> { ["Teams:AppId"] = "", ["Teams:AllowedServiceUrls:0"] = "127.0.0.1" });

        var result = await services.Get<ConnectorClient>().SendAsync(fake.ServiceUrl, "c1", Message(), CancellationToken.None);

        result.Succeeded.ShouldBeTrue(result.Error);
        fake.TokenRequests.ShouldBeEmpty();
        fake.ConnectorRequests.Single().Header("Authorization").ShouldBeNull();
    }
}
