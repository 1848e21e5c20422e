using PolicyBot.Chat;
using PolicyBot.Teams;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Teams;

public sealed class TeamsAdapterTests
{
    private const string Conversation = "19:alerts@thread.tacv2";
    private static readonly ChatChannel Channel = new("teams", Conversation, "Alerts");

    private static OutboundMessage Alert(string title = "Meta narrows what it will open-source") =>
        new(new Reply(title, [new HeaderBlock(title), new ContextBlock(["Outlet A", "Shift: open → cautious"]), new QuoteBlock("We'll need to be careful about what we choose to open-source.", "Mark Zuckerberg"), new ActionsBlock([new ReplyButton("Open source", Url: "https://example.org/a")])]));

    private static async Task<(BotFrameworkFake Fake, TestServices Services)> StartAsync(bool stored = true)
    {
        var fake = await BotFrameworkFake.StartAsync();
        var services = await TeamsServices.CreateAsync(fake);
        if (stored)
        {
            var reference = new ConversationReference(fake.ServiceUrl, Conversation, "channel", "Alerts", BotFrameworkFake.TenantId, $"28:{BotFrameworkFake.AppId}", "PolicyBot", "19:team@thread.tacv2", "Policy Watch");
            await services.Get<ChannelStore>().UpsertAsync(Channel, reference.ToJson(), CancellationToken.None);
        }

        return (fake, services);
    }

    [Fact]
    public async Task Post_Sends_The_Card_Proactively_To_The_Stored_Conversation_And_Returns_The_Activity_Id()
    {
        var (fake, services) = await StartAsync();
        await using var fakeLifetime = fake;
        await using var servicesLifetime = services;
        fake.MapConnector("POST", $"/connector/v3/conversations/{Conversation}/activities");

        var result = await services.Get<TeamsAdapter>().PostAsync(Channel, Alert(), CancellationToken.None);

        result.Delivered.ShouldBeTrue(result.Error);
        result.MessageId.ShouldBe("activity-1");
        var body = BotFrameworkFake.Json(fake.ConnectorRequests.Single());
        body.GetProperty("type").GetString().ShouldBe("message");
        body.TryGetProperty("text", out _).ShouldBeFalse(); // card alone: Teams does not split it and its id stays updatable
        body.GetProperty("attachments")[0].GetProperty("content").GetProperty("version").GetString().ShouldBe("1.5");
    }

    [Fact]
    public async Task Update_Replaces_The_Earlier_Card_With_A_Put_On_Its_Activity_Id()
    {
        var (fake, services) = await StartAsync();
        await using var fakeLifetime = fake;
        await using var servicesLifetime = services;
        fake.MapConnector("PUT", $"/connector/v3/conversations/{Conversation}/activities/activity-7");

        var result = await services.Get<TeamsAdapter>().UpdateAsync(Channel, "activity-7", Alert("Updated: Meta narrows what it will open-source") with { Revision = 1 }, CancellationToken.None);

        result.Delivered.ShouldBeTrue(result.Error);
        result.MessageId.ShouldBe("activity-7");
        var put = fake.ConnectorRequests.Single();
        put.Method.ShouldBe("PUT");
        BotFrameworkFake.Json(put).GetProperty("id").GetString().ShouldBe("activity-7");
    }

    [Fact]
    public async Task Update_Of_A_Card_That_No_Longer_Exists_Posts_A_New_One()
    {
        var (fake, services) = await StartAsync();
        await using var fakeLifetime = fake;
        await using var servicesLifetime = services;
        fake.MapConnector("PUT", $"/connector/v3/conversations/{Conversation}/activities/gone");
        fake.MapConnector("POST", $"/connector/v3/conversations/{Conversation}/activities");
        fake.InjectConnectorReply(404, """{"error":{"code":"ActivityNotFoundInConversation"}}""");

        var result = await services.Get<TeamsAdapter>().UpdateAsync(Channel, "gone", Alert(), CancellationToken.None);

        result.Delivered.ShouldBeTrue(result.Error);
        fake.ConnectorRequests.Select(r => r.Method).ShouldBe(["PUT", "POST"]);
    }

    [Theory]
    [InlineData(403)]
    [InlineData(404)]
    public async Task A_Conversation_The_Bot_Lost_Is_Deactivated_And_Not_Retried(int status)
    {
        var (fake, services) = await StartAsync();
        await using var fakeLifetime = fake;
        await using var servicesLifetime = services;
        fake.MapConnector("POST", $"/connector/v3/conversations/{Conversation}/activities");
        fake.InjectConnectorReply(status, """{"error":{"code":"ConversationNotFound"}}""");

        var result = await services.Get<TeamsAdapter>().PostAsync(Channel, Alert(), CancellationToken.None);

        result.Delivered.ShouldBeFalse();
        result.Retryable.ShouldBeFalse();
        (await services.Get<ChannelStore>().FindAsync(Channel, CancellationToken.None))!.Active.ShouldBeFalse();
        var again = await services.Get<TeamsAdapter>().PostAsync(Channel, Alert(), CancellationToken.None);
        again.Retryable.ShouldBeFalse();
        fake.ConnectorRequests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_429_Is_Retryable_After_Retry_After_And_Holds_Further_Sends_To_That_Conversation()
    {
        var (fake, services) = await StartAsync();
        await using var fakeLifetime = fake;
        await using var servicesLifetime = services;
        fake.MapConnector("POST", $"/connector/v3/conversations/{Conversation}/activities");
        fake.InjectConnectorReply(429, "", retryAfter: "30");
        var adapter = services.Get<TeamsAdapter>();

        var limited = await adapter.PostAsync(Channel, Alert(), CancellationToken.None);
        var held = await adapter.PostAsync(Channel, Alert(), CancellationToken.None);
        services.Clock.Advance(TimeSpan.FromSeconds(31));
        var resumed = await adapter.PostAsync(Channel, Alert(), CancellationToken.None);

        limited.Retryable.ShouldBeTrue();
        limited.RetryAfter.ShouldBe(TimeSpan.FromSeconds(30));
        held.Delivered.ShouldBeFalse();
        held.Retryable.ShouldBeTrue();
        held.RetryAfter.ShouldBe(TimeSpan.FromSeconds(30));
        resumed.Delivered.ShouldBeTrue(resumed.Error);
        fake.ConnectorRequests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_500_Is_Retryable_And_Leaves_The_Conversation_Active()
    {
        var (fake, services) = await StartAsync();
        await using var fakeLifetime = fake;
        await using var servicesLifetime = services;
        fake.MapConnector("POST", $"/connector/v3/conversations/{Conversation}/activities");
        fake.InjectConnectorReply(500, "");

        var result = await services.Get<TeamsAdapter>().PostAsync(Channel, Alert(), CancellationToken.None);

        result.Retryable.ShouldBeTrue();
        (await services.Get<ChannelStore>().FindAsync(Channel, CancellationToken.None))!.Active.ShouldBeTrue();
    }

    [Fact]
    public async Task Sends_Beyond_The_Burst_Wait_For_The_Conversations_Pace()
    {
        var (fake, services) = await StartAsync();
        await using var fakeLifetime = fake;
        await using var servicesLifetime = services;
        fake.MapConnector("POST", $"/connector/v3/conversations/{Conversation}/activities");
        var adapter = services.Get<TeamsAdapter>();
        for (var i = 0; i < ConversationPacer.Burst; i++)
        {
            (await adapter.PostAsync(Channel, Alert(), CancellationToken.None)).Delivered.ShouldBeTrue();
        }

        var paced = adapter.PostAsync(Channel, Alert(), CancellationToken.None);
        await WhenTimerArmedAsync(services.Clock, paced);
        var waitedBeforeTheClockMoved = !paced.IsCompleted && fake.ConnectorRequests.Count == ConversationPacer.Burst;
        services.Clock.Advance(ConversationPacer.Interval);
        var result = await paced.WaitAsync(TimeSpan.FromSeconds(10));

        waitedBeforeTheClockMoved.ShouldBeTrue();
        result.Delivered.ShouldBeTrue(result.Error);
        fake.ConnectorRequests.Count.ShouldBe(ConversationPacer.Burst + 1);
    }

    /// <summary>Returns once the code under test waits on the manual clock (or has finished).</summary>
    private static async Task WhenTimerArmedAsync(ManualTimeProvider clock, Task work)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (clock.ActiveTimers == 0 && !work.IsCompleted)
        {
            await Task.Yield();
            timeout.Token.ThrowIfCancellationRequested();
        }
    }

    [Fact]
    public async Task A_Conversation_Without_A_Stored_Reference_Is_A_Permanent_Failure()
    {
        var (fake, services) = await StartAsync(stored: false);
        await using var fakeLifetime = fake;
        await using var servicesLifetime = services;

        var result = await services.Get<TeamsAdapter>().PostAsync(Channel, Alert(), CancellationToken.None);

        result.Delivered.ShouldBeFalse();
        result.Retryable.ShouldBeFalse();
        fake.Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Adapter_Serves_The_Teams_Platform_And_Is_Registered_Only_When_Teams_Is_Configured()
    {
        await using var configured = await TestServices.CreateAsync(new Dictionary<string, string?> { ["Teams:AppId"] = "" });
        await using var unconfigured = await TestServices.CreateAsync();

        configured.Get<IChatAdapter>().Platform.ShouldBe("teams");
        unconfigured.Provider.GetService(typeof(IChatAdapter)).ShouldBeNull();
    }
}
