using System.Text.Json.Nodes;
using PolicyBot.Slack;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Slack;

public sealed class SlackWebApiClientTests : IAsyncLifetime
{
    private FakeSlackApi slack = null!;
    private TestServices services = null!;

    private SlackWebApiClient Client => services.Get<SlackWebApiClient>();

    public async Task InitializeAsync()
    {
        slack = await FakeSlackApi.StartAsync();
        services = await TestServices.CreateAsync(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = FakeSlackApi.BotToken,
            ["Slack:AppToken"] = FakeSlackApi.AppToken,
            ["Slack:SigningSecret"] = "secret",
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.ToString(),
            ["Slack:RequestTimeout"] = "00:00:05",
        });
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await slack.DisposeAsync();
    }

    [Fact]
    public async Task A_Call_Posts_The_Form_With_The_Bearer_Token_And_Returns_Slacks_Answer()
    {
        var message = new SlackMessage([new JsonObject { ["type"] = "divider" }], "fallback");

        var result = await Client.PostMessageAsync("C123", message, "1700000000.000001", CancellationToken.None);

        result.Ok.ShouldBeTrue();
        result.Get("ts").ShouldNotBeNullOrEmpty();
        var call = slack.CallsTo("chat.postMessage").Single();
        call.Arg("channel").ShouldBe("C123");
        call.Arg("text").ShouldBe("fallback");
        call.Arg("thread_ts").ShouldBe("1700000000.000001");
        call.ArgJson("blocks").AsArray().Count.ShouldBe(1);
        slack.Problems.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("channel_not_found")]
    [InlineData("not_in_channel")]
    [InlineData("is_archived")]
    [InlineData("invalid_auth")]
    [InlineData("token_revoked")]
    public async Task Definite_Slack_Errors_Are_Not_Retryable(string error)
    {
        slack.Inject("chat.postMessage", FakeSlackFault.Fails(error));

        var result = await Client.PostMessageAsync("C1", new SlackMessage([], "x"), null, CancellationToken.None);

        result.Ok.ShouldBeFalse();
        result.Error.ShouldBe(error);
        result.Retryable.ShouldBeFalse();
    }

    [Fact]
    public async Task A_429_Is_Retryable_After_The_Wait_Slack_Asked_For_And_The_Method_Is_Not_Called_Again_In_That_Channel_Before_Then()
    {
        slack.Inject("chat.postMessage", FakeSlackFault.RateLimited(30));

        var limited = await Client.PostMessageAsync("C1", new SlackMessage([], "x"), null, CancellationToken.None);
        var meanwhile = await Client.PostMessageAsync("C1", new SlackMessage([], "x"), null, CancellationToken.None);
        var otherChannel = await Client.PostMessageAsync("C2", new SlackMessage([], "x"), null, CancellationToken.None);
        var otherMethod = await Client.AuthTestAsync(CancellationToken.None);
        services.Clock.Advance(TimeSpan.FromSeconds(30));
        var after = await Client.PostMessageAsync("C1", new SlackMessage([], "x"), null, CancellationToken.None);

        limited.Error.ShouldBe("ratelimited");
        limited.Retryable.ShouldBeTrue();
        limited.RetryAfter.ShouldBe(TimeSpan.FromSeconds(30));
        meanwhile.Error.ShouldBe("ratelimited");
        meanwhile.RetryAfter.ShouldBe(TimeSpan.FromSeconds(30));
        otherChannel.Ok.ShouldBeTrue();
        otherMethod.Ok.ShouldBeTrue();
        after.Ok.ShouldBeTrue();
        slack.CallsTo("chat.postMessage").Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_500_Is_A_Retryable_Transport_Error()
    {
        slack.Inject("views.publish", FakeSlackFault.ServerError);

        var result = await Client.PublishViewAsync("U1", new JsonObject { ["type"] = "home", ["blocks"] = new JsonArray() }, CancellationToken.None);

        result.Error.ShouldBe("http_500");
        result.Retryable.ShouldBeTrue();
    }

    [Fact]
    public async Task A_Call_That_Hangs_Times_Out_As_A_Retryable_Error()
    {
        slack.Inject("chat.update", FakeSlackFault.Hang);

        var call = Client.UpdateMessageAsync("C1", "1.2", new SlackMessage([], "x"), CancellationToken.None);
        await slack.WaitForCallsAsync("chat.update");
        services.Clock.Advance(TimeSpan.FromSeconds(5));
        var result = await call.WaitAsync(TimeSpan.FromSeconds(30));

        result.Error.ShouldBe("timeout");
        result.Retryable.ShouldBeTrue();
    }

    [Fact]
    public async Task Apps_Connections_Open_Uses_The_App_Token()
    {
        slack.SocketUrls.Enqueue("ws://127.0.0.1:1/link");

        var result = await Client.OpenConnectionAsync(CancellationToken.None);

        result.Get("url").ShouldBe("ws://127.0.0.1:1/link");
        slack.Problems.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("https://hooks.slack.com/commands/T1/2/abc", true)]
    [InlineData("https://hooks.slack.com:8443/commands/T1/2/abc", false)]
    [InlineData("http://hooks.slack.com/commands/T1/2/abc", false)]
    [InlineData("https://hooks.slack.com.evil.example/commands", false)]
    [InlineData("https://user@hooks.slack.com/commands", false)]
    [InlineData("https://evil.example/hooks", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("not a url", false)]
    [InlineData("", false)]
    public void Only_Slacks_Response_Urls_Are_Allowed(string url, bool allowed)
    {
        Client.IsAllowedResponseUrl(url).ShouldBe(allowed);
    }

    [Fact]
    public async Task A_Refused_Response_Url_Is_Never_Requested()
    {
        await using var elsewhere = await LoopbackServer.StartAsync("127.0.0.2");

        var result = await Client.RespondAsync(elsewhere.Url("/hooks/x").ToString(), new JsonObject { ["text"] = "hi" }, CancellationToken.None);

        result.Error.ShouldBe("response_url_refused");
        elsewhere.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_Response_Url_On_The_Api_Host_Gets_The_Json_Without_A_Token()
    {
        var result = await Client.RespondAsync(slack.ResponseUrl("r1"), new JsonObject { ["text"] = "hi", ["response_type"] = "ephemeral" }, CancellationToken.None);

        result.Ok.ShouldBeTrue();
        slack.CallsTo("response_url").Single().Json!["text"]!.GetValue<string>().ShouldBe("hi");
        slack.Problems.ShouldBeEmpty();
    }
}
