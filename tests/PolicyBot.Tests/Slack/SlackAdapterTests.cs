using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Chat;
using PolicyBot.Slack;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Slack;

/// <summary>SlackAdapter against the fake Slack: posting, updating in place with a thread follow-up, and every failure
/// mapped to a delivery outcome (the dispatcher's end-to-end use is in SlackAlertDeliveryTests).</summary>
public sealed class SlackAdapterTests : IAsyncLifetime
{
    private static readonly ChatChannel Channel = new("slack", "C0ALERTS", "policy-alerts");
    private FakeSlackApi slack = null!;
    private TestServices services = null!;

    private SlackAdapter Adapter => services.Get<SlackAdapter>();

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

    [Fact]
    public void The_Adapter_Is_Registered_As_The_Slack_Chat_Adapter_When_A_Bot_Token_Is_Set()
    {
        services.Provider.GetServices<IChatAdapter>().Select(a => a.Platform).ShouldContain("slack");
    }

    [Fact]
    public async Task A_Post_Renders_Block_Kit_And_Returns_The_Message_Ts_As_Its_Id()
    {
        var result = await Adapter.PostAsync(Channel, new OutboundMessage(TestReplies.Alert()), CancellationToken.None);

        result.Delivered.ShouldBeTrue();
        var call = slack.CallsTo("chat.postMessage").Single();
        result.MessageId.ShouldNotBeNull();
        call.Arg("channel").ShouldBe("C0ALERTS");
        call.ArgJson("blocks")[0]!["type"]!.GetValue<string>().ShouldBe("header");
        call.Arg("text").ShouldContain("Shift: open → cautious");
        slack.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_Update_Edits_The_Original_And_Adds_A_Short_Note_In_Its_Thread()
    {
        var posted = await Adapter.PostAsync(Channel, new OutboundMessage(TestReplies.Alert()), CancellationToken.None);
        var revised = TestReplies.Alert() with { Summary = "Also reported by Second Outlet" };

        var result = await Adapter.UpdateAsync(Channel, posted.MessageId, new OutboundMessage(revised, Revision: 1), CancellationToken.None);

        result.Delivered.ShouldBeTrue();
        result.MessageId.ShouldBe(posted.MessageId);
        var update = slack.CallsTo("chat.update").Single();
        update.Arg("ts").ShouldBe(posted.MessageId);
        update.Arg("channel").ShouldBe("C0ALERTS");
        var followUp = slack.CallsTo("chat.postMessage")[1];
        followUp.Arg("thread_ts").ShouldBe(posted.MessageId);
        followUp.Arg("text").ShouldBe("Updated: Also reported by Second Outlet");
        slack.Problems.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Update: also reported by second.example", "Update: also reported by second.example")]
    [InlineData("Updated: Meta changes its licence", "Updated: Meta changes its licence")]
    public async Task An_Update_Note_Does_Not_Repeat_An_Update_Prefix_The_Summary_Already_Has(string summary, string expected)
    {
        var posted = await Adapter.PostAsync(Channel, new OutboundMessage(TestReplies.Alert()), CancellationToken.None);
        var revised = TestReplies.Alert() with { Summary = summary };

        await Adapter.UpdateAsync(Channel, posted.MessageId, new OutboundMessage(revised, Revision: 1), CancellationToken.None);

        slack.CallsTo("chat.postMessage")[1].Arg("text").ShouldBe(expected);
    }

    [Theory]
    [InlineData("message_not_found")]
    [InlineData("cant_update_message")]
    public async Task An_Update_That_Cannot_Edit_The_Original_Is_Posted_In_Its_Thread(string error)
    {
        slack.Inject("chat.update", FakeSlackFault.Fails(error));

        var result = await Adapter.UpdateAsync(Channel, "1700000000.000100", new OutboundMessage(TestReplies.Alert(), Revision: 1), CancellationToken.None);

        result.Delivered.ShouldBeTrue();
        result.MessageId.ShouldBe("1700000000.000100");
        var threaded = slack.CallsTo("chat.postMessage").Single();
        threaded.Arg("thread_ts").ShouldBe("1700000000.000100");
        threaded.ArgJson("blocks")[0]!["type"]!.GetValue<string>().ShouldBe("header");
    }

    [Fact]
    public async Task An_Update_Without_A_Message_Id_Is_Posted_Afresh()
    {
        var result = await Adapter.UpdateAsync(Channel, null, new OutboundMessage(TestReplies.Alert(), Revision: 1), CancellationToken.None);

        result.Delivered.ShouldBeTrue();
        slack.CallsTo("chat.update").ShouldBeEmpty();
        slack.CallsTo("chat.postMessage").Single().Arguments.ContainsKey("thread_ts").ShouldBeFalse();
    }

    [Theory]
    [InlineData("channel_not_found")]
    [InlineData("is_archived")]
    public async Task A_Lost_Channel_Fails_For_Good_And_Is_Marked_Inactive(string error)
    {
        var store = services.Get<ChannelStore>();
        await store.UpsertAsync(Channel, null, CancellationToken.None);
        await store.UpsertAsync(new ChatChannel("slack", "C0OTHER"), null, CancellationToken.None);
        slack.Inject("chat.postMessage", FakeSlackFault.Fails(error));

        var result = await Adapter.PostAsync(Channel, new OutboundMessage(TestReplies.Alert()), CancellationToken.None);

        result.Delivered.ShouldBeFalse();
        result.Retryable.ShouldBeFalse();
        result.Error!.ShouldContain(error);
        (await store.FindAsync(new ChatChannel("slack", "C0ALERTS"), CancellationToken.None))!.Active.ShouldBeFalse();
        (await store.FindAsync(new ChatChannel("slack", "C0OTHER"), CancellationToken.None))!.Active.ShouldBeTrue();
    }

    [Theory]
    [InlineData("not_in_channel")]
    [InlineData("invalid_auth")]
    [InlineData("token_revoked")]
    public async Task An_Error_An_Invitation_Or_A_Fixed_Token_Cures_Fails_Without_Unsubscribing_Any_Channel(string error)
    {
        var store = services.Get<ChannelStore>();
        await store.UpsertAsync(Channel, null, CancellationToken.None);
        await store.UpsertAsync(new ChatChannel("slack", "C0OTHER"), null, CancellationToken.None);
        slack.Inject("chat.update", FakeSlackFault.Fails(error));

        var result = await Adapter.UpdateAsync(Channel, "1.2", new OutboundMessage(TestReplies.Alert(), Revision: 1), CancellationToken.None);

        result.Delivered.ShouldBeFalse();
        result.Retryable.ShouldBeFalse();
        (await store.FindAsync(Channel, CancellationToken.None))!.Active.ShouldBeTrue();
        (await store.FindAsync(new ChatChannel("slack", "C0OTHER"), CancellationToken.None))!.Active.ShouldBeTrue();
    }

    [Fact]
    public async Task A_Rate_Limit_Is_Retryable_After_Slacks_Wait()
    {
        slack.Inject("chat.postMessage", FakeSlackFault.RateLimited(7));

        var result = await Adapter.PostAsync(Channel, new OutboundMessage(TestReplies.Alert()), CancellationToken.None);

        result.Retryable.ShouldBeTrue();
        result.RetryAfter.ShouldBe(TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task A_Server_Error_Is_Retryable()
    {
        slack.Inject("chat.postMessage", FakeSlackFault.ServerError);

        var result = await Adapter.PostAsync(Channel, new OutboundMessage(TestReplies.Alert()), CancellationToken.None);

        result.Delivered.ShouldBeFalse();
        result.Retryable.ShouldBeTrue();
        result.RetryAfter.ShouldBeNull();
    }

    [Fact]
    public async Task A_Hostile_Alert_Is_Still_Delivered_Within_Block_Kit_Limits()
    {
        var result = await Adapter.PostAsync(Channel, new OutboundMessage(TestReplies.Hostile()), CancellationToken.None);

        result.Delivered.ShouldBeTrue();
        slack.Problems.ShouldBeEmpty(); // the fake checks every block against Slack's limits
    }
}
