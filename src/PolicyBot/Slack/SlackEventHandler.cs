using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PolicyBot.Chat;

namespace PolicyBot.Slack;

/// <summary>
/// Events API callbacks (over HTTP or Socket Mode): <c>url_verification</c>, <c>app_home_opened</c> (publish the
/// Home tab), <c>app_uninstalled</c> and <c>tokens_revoked</c> (every Slack channel inactive). Each <c>event_id</c> is
/// handled once: Slack's retries are acknowledged and dropped (ids are kept in memory, bounded, for an hour).
/// </summary>
public sealed partial class SlackEventHandler(
    SlackHomePublisher home,
    ChannelStore channels,
    SlackDeferredWork deferred,
    IOptions<SlackOptions> options,
    TimeProvider timeProvider,
    ILogger<SlackEventHandler> logger)
{
    private readonly RecentIdSet seen = new(20_000, TimeSpan.FromHours(1), timeProvider);

    public async Task<SlackAck> HandleAsync(JsonObject body, CancellationToken cancellationToken)
    {
        switch (Text(body, "type"))
        {
            case "url_verification":
                var challenge = Text(body, "challenge");
                return challenge is { Length: > 0 and <= 500 } ? SlackAck.Json(new JsonObject { ["challenge"] = challenge }) : new SlackAck(400);
            case "event_callback":
                break;
            default:
                return SlackAck.Empty;
        }

        if (Text(body, "event_id") is not { Length: > 0 and <= 200 } eventId || body["event"] is not JsonObject @event)
        {
            return new SlackAck(400);
        }

        if (!seen.TryAdd(eventId))
        {
            Log.Duplicate(logger, eventId);
            return SlackAck.Empty;
        }

        try
        {
            switch (Text(@event, "type"))
            {
                case "app_home_opened" when (Text(@event, "tab") is "home" or null) && Text(@event, "user") is { Length: > 0 } user:
                    await deferred.WaitWithinAsync(PublishHomeAsync(user), options.Value.CommandBudget);
                    break;
                case "app_uninstalled":
                    await DeactivateAllAsync("app_uninstalled", cancellationToken);
                    break;
                case "tokens_revoked" when (SlackJson.Object(@event, "tokens")?["bot"] is JsonArray { Count: > 0 }):
                    await DeactivateAllAsync("tokens_revoked", cancellationToken);
                    break;
            }
        }
        catch
        {
            seen.Forget(eventId); // not handled: Slack's retry must be handled, not dropped
            throw;
        }

        return SlackAck.Empty;
    }

    private Task PublishHomeAsync(string user)
    {
        var task = home.PublishAsync(user, null, deferred.Stopping);
        deferred.Run(async _ => await task, "App Home publish");
        return task;
    }

    private async Task DeactivateAllAsync(string why, CancellationToken cancellationToken)
    {
        var count = await channels.DeactivateAsync(new ChatChannel(SlackAdapter.PlatformName, ""), cancellationToken);
        Log.Deactivated(logger, why, count);
    }

    private static string? Text(JsonObject node, string name) => node[name] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;

    private static partial class Log
    {
        [LoggerMessage(EventId = 6501, Level = LogLevel.Debug, Message = "Slack event {EventId} already handled; retry dropped")]
        public static partial void Duplicate(ILogger logger, string eventId);

        [LoggerMessage(EventId = 6502, Level = LogLevel.Warning, Message = "Slack {Why}: {Count} Slack channel(s) marked inactive")]
        public static partial void Deactivated(ILogger logger, string why, int count);
    }
}
