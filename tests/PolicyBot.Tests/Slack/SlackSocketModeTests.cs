using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PolicyBot.Slack;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Slack;

/// <summary>Socket Mode against a fake Socket Mode server: hello, envelopes acknowledged with the same answers the
/// HTTP endpoints give, disconnect and reconnection, back-off, and giving up on a bad token.</summary>
public sealed class SlackSocketModeTests
{
    private static JsonObject Envelope(string id, string type, JsonObject payload) => new()
    {
        ["envelope_id"] = id,
        ["type"] = type,
        ["payload"] = payload,
        ["accepts_response_payload"] = type != "events_api",
    };

    [Fact]
    public async Task Envelopes_Are_Acknowledged_With_Their_Answers_And_A_Disconnect_Leads_To_A_New_Connection()
    {
        await using var sockets = await FakeSocketModeServer.StartAsync();
        var slack = await FakeSlackApi.StartAsync();
        slack.SocketUrls.Enqueue(sockets.Url(1));
        slack.SocketUrls.Enqueue(sockets.Url(2));
        var acks = new List<JsonObject>();
        var secondHello = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        sockets.Scripts.Enqueue(async session =>
        {
            await session.SendHelloAsync();
            await session.SendAsync(Envelope("env-command", "slash_commands", new JsonObject
            {
                ["command"] = "/policy", ["text"] = "help", ["user_id"] = "USOCKET", ["channel_id"] = "C0SOCKET", ["response_url"] = slack.ResponseUrl("socket"),
            }));
            acks.Add(await session.ReceiveAsync());
            await session.SendAsync(Envelope("env-event", "events_api", SlackPayloads.HomeOpened("EvSocketHome", "USOCKETHOME")));
            acks.Add(await session.ReceiveAsync());
            await session.SendAsync(Envelope("env-action", "interactive", SlackPayloads.ButtonPress("USOCKET", SlackHomeView.AddSourceAction, null, inHome: true, slack.ResponseUrl("x"))));
            acks.Add(await session.ReceiveAsync());
            await session.SendDisconnectAsync();
            await session.WaitForCloseAsync();
        });
        sockets.Scripts.Enqueue(async session =>
        {
            await session.SendHelloAsync();
            secondHello.TrySetResult();
            await session.WaitForCloseAsync();
        });

        await using var app = await SlackTestApp.StartAsync(
            new Dictionary<string, string?> { ["Slack:SigningSecret"] = "", ["Slack:AppToken"] = FakeSlackApi.AppToken }, slack);
        await secondHello.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await slack.WaitForCallsAsync("views.publish");

        acks.Select(a => a["envelope_id"]!.GetValue<string>()).ShouldBe(["env-command", "env-event", "env-action"]);
        acks[0]["payload"]!["text"]!.GetValue<string>().ShouldContain("PolicyBot commands");
        acks[0]["payload"]!["response_type"]!.GetValue<string>().ShouldBe("ephemeral");
        acks[1].ContainsKey("payload").ShouldBeFalse();
        slack.CallsTo("views.publish").Single().Arg("user_id").ShouldBe("USOCKETHOME");
        slack.CallsTo("views.open").Single().Arg("trigger_id").ShouldBe("111.222.valid");
        slack.CallsTo("apps.connections.open").Count.ShouldBe(2);
        sockets.Connections.ShouldBe(2);
        sockets.Problems.ShouldBeEmpty();
        slack.Problems.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(6, 32)]
    [InlineData(7, 60)]
    [InlineData(50, 60)]
    public void The_Back_Off_Doubles_Up_To_A_Minute(int failures, int seconds)
    {
        SlackSocketModeService.Backoff(failures).ShouldBe(TimeSpan.FromSeconds(seconds));
    }

    private static async Task<(TestServices Services, SlackSocketModeService Service)> SocketServiceAsync(FakeSlackApi slack)
    {
        var services = await TestServices.CreateAsync(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = FakeSlackApi.BotToken,
            ["Slack:AppToken"] = FakeSlackApi.AppToken,
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.ToString(),
        });
        return (services, services.Provider.GetServices<IHostedService>().OfType<SlackSocketModeService>().Single());
    }

    [Fact]
    public async Task A_Failed_Open_Is_Retried_After_The_Back_Off_On_The_Clock()
    {
        await using var sockets = await FakeSocketModeServer.StartAsync();
        await using var slack = await FakeSlackApi.StartAsync();
        slack.SocketUrls.Enqueue(sockets.Url(1));
        slack.Inject("apps.connections.open", FakeSlackFault.ServerError);
        var hello = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        sockets.Scripts.Enqueue(async session =>
        {
            await session.SendHelloAsync();
            hello.TrySetResult();
            await session.WaitForCloseAsync();
        });
        var (services, service) = await SocketServiceAsync(slack);
        await using var _ = services;

        await service.StartAsync(CancellationToken.None);
        await slack.WaitForCallsAsync("apps.connections.open", 1);
        var callsBeforeTheClockMoved = slack.CallsTo("apps.connections.open").Count;
        for (var i = 0; i < 1000 && !hello.Task.IsCompleted; i++)
        {
            if (services.Clock.ActiveTimers > 0)
            {
                services.Clock.Advance(TimeSpan.FromSeconds(1)); // the back-off (and nothing else) waits on this clock
            }

            await Task.WhenAny(hello.Task, Task.Delay(10));
        }

        await hello.Task.WaitAsync(TimeSpan.FromSeconds(1));
        await service.StopAsync(CancellationToken.None);

        callsBeforeTheClockMoved.ShouldBe(1);
        slack.CallsTo("apps.connections.open").Count.ShouldBe(2);
        sockets.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_Invalid_App_Token_Stops_Socket_Mode_For_Good()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        slack.Inject("apps.connections.open", FakeSlackFault.Fails("invalid_auth"));
        var (services, service) = await SocketServiceAsync(slack);
        await using var _ = services;

        await service.StartAsync(CancellationToken.None);
        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));

        service.ExecuteTask.IsCompletedSuccessfully.ShouldBeTrue();
        slack.CallsTo("apps.connections.open").Count.ShouldBe(1);
    }
}
