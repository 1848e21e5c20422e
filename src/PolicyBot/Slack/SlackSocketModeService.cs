namespace PolicyBot.Slack;

/// <summary>
/// Socket Mode (when <c>Slack:AppToken</c> is set): opens a connection URL with <c>apps.connections.open</c>, serves
/// it, and reconnects — at once when Slack asks (<c>disconnect</c>), otherwise after a back-off of 1, 2, 4 … 60
/// seconds (reset by a successful <c>hello</c>). Stops for good only on an unrecoverable token error.
/// </summary>
public sealed partial class SlackSocketModeService(
    SlackWebApiClient slack,
    SocketModeConnection connection,
    TimeProvider timeProvider,
    ILogger<SlackSocketModeService> logger) : BackgroundService
{
    /// <summary>The longest wait between attempts.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    private static readonly HashSet<string> Unrecoverable = new(StringComparer.Ordinal)
    {
        "not_authed", "invalid_auth", "account_inactive", "user_removed_from_team", "team_disabled", "token_revoked",
    };

    /// <summary>The wait before attempt <paramref name="failures"/> + 1.</summary>
    public static TimeSpan Backoff(int failures) =>
        failures <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Min(failures - 1, 10))));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var delay = Backoff(failures);
            if (delay > TimeSpan.Zero)
            {
                Log.Waiting(logger, delay);
                await Task.Delay(delay, timeProvider, stoppingToken);
            }

            var open = await slack.OpenConnectionAsync(stoppingToken);
            if (!open.Ok)
            {
                if (Unrecoverable.Contains(open.Error!))
                {
                    Log.GivingUp(logger, open.Error!);
                    return;
                }

                failures++;
                continue;
            }

            if (!Uri.TryCreate(open.Get("url"), UriKind.Absolute, out var url) || url.Scheme is not ("wss" or "ws"))
            {
                Log.BadUrl(logger);
                failures++;
                continue;
            }

            var (hello, disconnected) = await connection.RunAsync(url, stoppingToken);
            failures = hello && disconnected ? 0 : hello ? 1 : failures + 1;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 6951, Level = LogLevel.Information, Message = "Slack Socket Mode: reconnecting in {Delay}")]
        public static partial void Waiting(ILogger logger, TimeSpan delay);

        [LoggerMessage(EventId = 6952, Level = LogLevel.Error, Message = "Slack Socket Mode stopped: apps.connections.open answered {Error}; check Slack:AppToken")]
        public static partial void GivingUp(ILogger logger, string error);

        [LoggerMessage(EventId = 6953, Level = LogLevel.Warning, Message = "Slack Socket Mode: apps.connections.open returned no usable URL")]
        public static partial void BadUrl(ILogger logger);
    }
}
