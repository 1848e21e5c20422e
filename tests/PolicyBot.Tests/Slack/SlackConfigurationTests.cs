using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Chat;
using PolicyBot.Slack;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Slack;

/// <summary>What each Slack setting switches on, and the slow-command path through response_url.</summary>
public sealed class SlackConfigurationTests
{
    [Fact]
    public async Task Without_A_Signing_Secret_No_Slack_Endpoint_Exists_And_Without_A_Bot_Token_No_Adapter()
    {
        await using var app = await SlackTestApp.StartAsync(new Dictionary<string, string?> { ["Slack:SigningSecret"] = "", ["Slack:BotToken"] = "" });

        var response = await app.CommandAsync("help");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        app.App.Services.GetServices<IChatAdapter>().ShouldNotContain(a => a.Platform == "slack");
        app.Slack.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_Bot_Token_Alone_Registers_The_Adapter_And_Checks_The_Token_But_Maps_No_Endpoint()
    {
        await using var app = await SlackTestApp.StartAsync(new Dictionary<string, string?> { ["Slack:SigningSecret"] = "" });

        var response = await app.CommandAsync("help");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        app.App.Services.GetServices<IChatAdapter>().ShouldContain(a => a.Platform == "slack");
        app.Slack.CallsTo("auth.test").Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("Slack:BotToken", "xoxp-a-user-token")]
    [InlineData("Slack:AppToken", "xoxb-not-an-app-token")]
    [InlineData("Slack:ApiBaseUrl", "ftp://slack.example/api/")]
    [InlineData("Slack:CommandBudget", "00:00:05")]
    public async Task A_Wrong_Setting_Stops_The_App_At_Start_Up(string key, string value)
    {
        await using var services = await TestServices.CreateAsync(new Dictionary<string, string?> { [key] = value });

        Should.Throw<Microsoft.Extensions.Options.OptionsValidationException>(() => services.Get<Microsoft.Extensions.Options.IOptions<SlackOptions>>().Value);
    }

    [Fact]
    public async Task A_Slow_Command_Is_Acknowledged_At_Once_And_Answered_Through_The_Response_Url()
    {
        await using var app = await SlackTestApp.StartAsync(new Dictionary<string, string?> { ["Slack:CommandBudget"] = "00:00:00" });
        var responseUrl = app.Slack.ResponseUrl("slow");

        var response = await app.CommandAsync("help", user: "USLOW", responseUrl: responseUrl);
        var ack = (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        await app.IdleAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ack["text"]!.GetValue<string>().ShouldBe(SlackCommandResponder.WorkingText);
        ack["response_type"]!.GetValue<string>().ShouldBe("ephemeral");
        var answer = app.Slack.CallsTo("response_url").Single();
        answer.Path.ShouldBe(new Uri(responseUrl).AbsolutePath);
        answer.Json!["text"]!.GetValue<string>().ShouldContain("PolicyBot commands");
        app.Slack.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_Forged_Response_Url_Is_Never_Posted_To()
    {
        await using var elsewhere = await LoopbackServer.StartAsync("127.0.0.2");
        await using var app = await SlackTestApp.StartAsync(new Dictionary<string, string?> { ["Slack:CommandBudget"] = "00:00:00" });

        var response = await app.CommandAsync("help", user: "UFORGEDURL", responseUrl: elsewhere.Url("/hooks/commands/T1/1/x").ToString());
        await app.IdleAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        elsewhere.Requests.ShouldBeEmpty();
        app.Slack.CallsTo("response_url").ShouldBeEmpty();
    }
}
