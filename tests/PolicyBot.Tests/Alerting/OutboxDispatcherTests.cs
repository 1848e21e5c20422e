using Dapper;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Alerting;
using PolicyBot.Data;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Alerting;

public sealed class OutboxDispatcherTests
{
    private static async Task<(TestServices Services, RecordingChannel Channel)> CreateAsync(RecordingChannel? channel = null)
    {
        channel ??= new RecordingChannel();
        var services = await TestServices.CreateAsync(
            new Dictionary<string, string?> { ["Alerting:MaxAttempts"] = "3", ["Alerting:RetryBaseDelay"] = "00:01:00" },
            s => s.AddSingleton<PolicyBot.Chat.IChatAdapter>(channel));
        return (services, channel);
    }

    private static Task<Alert> EnqueueAsync(TestServices services, string title, DateTimeOffset publishedAt) =>
        OutboxSeed.EnqueueAsync(services, title, publishedAt);

    private static async Task<(string State, int Attempts, string? Error)> RowAsync(TestServices services, long alertId)
    {
        await using var connection = await services.Get<SqliteDatabase>().OpenAsync(CancellationToken.None);
        return await connection.QuerySingleAsync<(string, int, string?)>("SELECT state, attempts, last_error FROM outbox WHERE alert_id = @alertId", new { alertId });
    }

    [Fact]
    public async Task A_Due_Alert_Is_Delivered_Once_And_Not_Again()
    {
        var (services, channel) = await CreateAsync();
        await using var _ = services;
        var alert = await EnqueueAsync(services, "one", services.Clock.GetUtcNow());
        var dispatcher = services.Get<OutboxDispatcher>();

        var first = await dispatcher.DispatchAsync(CancellationToken.None);
        var second = await dispatcher.DispatchAsync(CancellationToken.None);

        first.ShouldBe(1);
        second.ShouldBe(0);
        channel.Sent.Single().Id.ShouldBe(alert.Id);
        (await RowAsync(services, alert.Id)).State.ShouldBe("sent");
    }

    [Fact]
    public async Task Alerts_Go_Out_In_Publication_Order_Within_A_Channel()
    {
        var (services, channel) = await CreateAsync();
        await using var _ = services;
        var now = services.Clock.GetUtcNow();
        await EnqueueAsync(services, "newest", now.AddHours(-1));
        await EnqueueAsync(services, "oldest", now.AddHours(-3));
        await EnqueueAsync(services, "middle", now.AddHours(-2));

        await services.Get<OutboxDispatcher>().DispatchAsync(CancellationToken.None);

        channel.Sent.Select(a => a.Title).ShouldBe(["oldest", "middle", "newest"]);
    }

    [Fact]
    public async Task A_Failed_Delivery_Is_Retried_After_A_Back_Off_And_Holds_Back_Later_Alerts()
    {
        var (services, channel) = await CreateAsync(new RecordingChannel().Then(DeliveryResult.Failure("HTTP 500")));
        await using var _ = services;
        var now = services.Clock.GetUtcNow();
        var first = await EnqueueAsync(services, "first", now.AddHours(-2));
        await EnqueueAsync(services, "second", now.AddHours(-1));
        var dispatcher = services.Get<OutboxDispatcher>();

        (await dispatcher.DispatchAsync(CancellationToken.None)).ShouldBe(0);
        var failed = await RowAsync(services, first.Id);
        services.Clock.Advance(TimeSpan.FromSeconds(30));
        (await dispatcher.DispatchAsync(CancellationToken.None)).ShouldBe(0);
        services.Clock.Advance(TimeSpan.FromMinutes(2));
        var delivered = await dispatcher.DispatchAsync(CancellationToken.None);

        failed.ShouldBe(("pending", 1, "HTTP 500"));
        delivered.ShouldBe(2);
        channel.Sent.Select(a => a.Title).ShouldBe(["first", "second"]);
    }

    [Fact]
    public async Task Retry_After_From_The_Platform_Is_Honoured()
    {
        var (services, channel) = await CreateAsync(new RecordingChannel().Then(DeliveryResult.Failure("rate limited", retryAfter: TimeSpan.FromMinutes(10))));
        await using var _ = services;
        await EnqueueAsync(services, "one", services.Clock.GetUtcNow());
        var dispatcher = services.Get<OutboxDispatcher>();

        await dispatcher.DispatchAsync(CancellationToken.None);
        services.Clock.Advance(TimeSpan.FromMinutes(9));
        var early = await dispatcher.DispatchAsync(CancellationToken.None);
        services.Clock.Advance(TimeSpan.FromMinutes(2));
        var late = await dispatcher.DispatchAsync(CancellationToken.None);

        early.ShouldBe(0);
        late.ShouldBe(1);
        channel.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task An_Error_Retrying_Cannot_Fix_Makes_The_Row_Dead_At_Once()
    {
        var (services, channel) = await CreateAsync(new RecordingChannel().Then(DeliveryResult.Failure("channel_not_found", retryable: false)));
        await using var _ = services;
        var alert = await EnqueueAsync(services, "one", services.Clock.GetUtcNow());

        await services.Get<OutboxDispatcher>().DispatchAsync(CancellationToken.None);
        services.Clock.Advance(TimeSpan.FromDays(1));
        await services.Get<OutboxDispatcher>().DispatchAsync(CancellationToken.None);

        (await RowAsync(services, alert.Id)).ShouldBe(("dead", 1, "channel_not_found"));
        channel.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task After_The_Maximum_Attempts_A_Row_Is_Dead_And_Counted()
    {
        var failing = new RecordingChannel()
            .Then(DeliveryResult.Failure("HTTP 500"))
            .ThenThrow(new HttpRequestException("connection reset"))
            .Then(DeliveryResult.Failure("HTTP 503"));
        var (services, channel) = await CreateAsync(failing);
        await using var _ = services;
        var alert = await EnqueueAsync(services, "one", services.Clock.GetUtcNow());
        var dispatcher = services.Get<OutboxDispatcher>();

        for (var i = 0; i < 5; i++)
        {
            await dispatcher.DispatchAsync(CancellationToken.None);
            services.Clock.Advance(TimeSpan.FromHours(2));
        }

        (await RowAsync(services, alert.Id)).ShouldBe(("dead", 3, "HTTP 503"));
        channel.Attempts.ShouldBe(3);
        (await services.Get<AlertOutbox>().CountByStateAsync(CancellationToken.None))["dead"].ShouldBe(1);
    }

    [Fact]
    public async Task Enqueuing_The_Same_Alert_For_The_Same_Channel_Twice_Keeps_One_Row()
    {
        var (services, _) = await CreateAsync();
        await using var __ = services;
        var alert = await EnqueueAsync(services, "one", services.Clock.GetUtcNow());
        await using (var session = await services.Get<SqliteDatabase>().BeginAsync(CancellationToken.None))
        {
            await session.Connection.ExecuteAsync(session.Command(
                "INSERT INTO outbox (alert_id, channel, order_at, next_attempt_at) VALUES (@Id, 'test', '2026-01-01', '2026-01-01') ON CONFLICT DO NOTHING", new { alert.Id }, CancellationToken.None));
            await session.CommitAsync(CancellationToken.None);
        }

        await using var connection = await services.Get<SqliteDatabase>().OpenAsync(CancellationToken.None);
        (await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM outbox")).ShouldBe(1);
    }

    [Fact]
    public async Task Rate_Limits_Wait_As_Asked_But_Never_Make_A_Row_Dead()
    {
        var limited = new RecordingChannel();
        for (var i = 0; i < 5; i++)
        {
            limited.Then(DeliveryResult.Failure("ratelimited", retryAfter: TimeSpan.FromMinutes(1)));
        }

        var (services, channel) = await CreateAsync(limited);
        await using var _ = services;
        var alert = await EnqueueAsync(services, "one", services.Clock.GetUtcNow());
        var dispatcher = services.Get<OutboxDispatcher>();

        var delivered = 0;
        for (var i = 0; i < 6; i++)
        {
            delivered += await dispatcher.DispatchAsync(CancellationToken.None);
            services.Clock.Advance(TimeSpan.FromSeconds(61));
        }

        delivered.ShouldBe(1);
        channel.Attempts.ShouldBe(6);
        (await RowAsync(services, alert.Id)).ShouldBe(("sent", 1, null));
    }
}
