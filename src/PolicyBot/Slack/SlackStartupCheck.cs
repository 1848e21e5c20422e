namespace PolicyBot.Slack;

/// <summary>At start-up, <c>auth.test</c>: logs which bot and workspace the token belongs to, or a clear error when
/// the token is wrong. It never stops the app (alerts keep queuing in the outbox until Slack works).</summary>
public sealed partial class SlackStartupCheck(SlackWebApiClient slack, ILogger<SlackStartupCheck> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var result = await slack.AuthTestAsync(stoppingToken);
        if (result.Ok)
        {
            Log.Connected(logger, result.Get("user") ?? "?", result.Get("user_id") ?? "?", result.Get("team") ?? "?");
        }
        else
        {
            Log.Failed(logger, result.Error!);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 6801, Level = LogLevel.Information, Message = "Slack: connected as {BotUser} ({BotUserId}) in {Team}")]
        public static partial void Connected(ILogger logger, string botUser, string botUserId, string team);

        [LoggerMessage(EventId = 6802, Level = LogLevel.Error, Message = "Slack: auth.test failed with {Error}; check Slack:BotToken. Slack deliveries will fail until it works.")]
        public static partial void Failed(ILogger logger, string error);
    }
}
