using Microsoft.Extensions.Logging;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;

namespace PolicyBot.Alerting;

/// <summary>
/// Delivers due outbox rows through their channels, in publication order within each channel. A failure
/// holds back the rest of that channel (order is kept) and is retried with exponential back-off and jitter,
/// honouring Retry-After; errors a retry cannot fix, and the last allowed attempt, make the row dead.
/// </summary>
public sealed partial class OutboxDispatcher(
    AlertOutbox outbox,
    IEnumerable<IAlertChannel> channels,
    IMeterFactory meterFactory,
    IOptions<AlertingOptions> options,
    TimeProvider timeProvider,
    ILogger<OutboxDispatcher> logger)
{
    private readonly Counter<long> _deliveries = meterFactory.Create("PolicyBot").CreateCounter<long>("policybot.deliveries", description: "Delivery attempts by channel and outcome");

    private readonly Dictionary<string, IAlertChannel> _channels = channels.ToDictionary(c => c.Name, StringComparer.Ordinal);

    /// <summary>Delivers what is due; returns the number of messages delivered.</summary>
    public async Task<int> DispatchAsync(CancellationToken cancellationToken)
    {
        var due = await outbox.DueAsync(timeProvider.GetUtcNow(), 500, cancellationToken);
        var delivered = 0;
        foreach (var group in due.GroupBy(e => e.Channel))
        {
            if (!_channels.TryGetValue(group.Key, out var channel))
            {
                Log.ChannelNotConfigured(logger, group.Key, group.Count());
                continue;
            }

            foreach (var entry in group)
            {
                if (!await DeliverAsync(channel, entry, cancellationToken))
                {
                    break;
                }

                delivered++;
            }
        }

        return delivered;
    }

    private async Task<bool> DeliverAsync(IAlertChannel channel, OutboxEntry entry, CancellationToken cancellationToken)
    {
        DeliveryResult result;
        try
        {
            result = entry.Revision == 0
                ? await channel.SendAsync(entry.Alert, cancellationToken)
                : await channel.UpdateAsync(entry.Alert, entry.PostMessageId, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            result = DeliveryResult.Failure($"{exception.GetType().Name}: {exception.Message}");
        }

        _deliveries.Add(1, new("channel", channel.Name), new("outcome", result.Delivered ? "delivered" : result.Retryable ? "failed" : "rejected"));
        if (result.Delivered)
        {
            await outbox.MarkSentAsync(entry.Id, result.MessageId, timeProvider.GetUtcNow(), cancellationToken);
            return true;
        }

        var error = result.Error ?? "delivery failed";
        var attempt = entry.Attempts + 1;
        DateTimeOffset? next = null;
        if (result.Retryable && attempt < options.Value.MaxAttempts)
        {
            next = timeProvider.GetUtcNow() + RetryDelay(attempt, result.RetryAfter);
            Log.WillRetry(logger, entry.Alert.Id, channel.Name, attempt, error, next.Value);
        }
        else
        {
            Log.Dead(logger, entry.Alert.Id, channel.Name, attempt, error);
        }

        await outbox.MarkFailedAsync(entry.Id, error, next, cancellationToken);
        return false;
    }

    private TimeSpan RetryDelay(int attempt, TimeSpan? retryAfter)
    {
        var settings = options.Value;
        var exponential = settings.RetryBaseDelay * Math.Pow(2, Math.Min(attempt - 1, 20));
        var capped = exponential < settings.RetryMaxDelay ? exponential : settings.RetryMaxDelay;
        var jittered = capped * (0.8 + (Random.Shared.NextDouble() * 0.4));
        return retryAfter is { } asked && asked > jittered ? asked : jittered;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Alert {AlertId} to {Channel} failed (attempt {Attempt}): {Error}; retrying at {NextAttemptAt}")]
        public static partial void WillRetry(ILogger logger, long alertId, string channel, int attempt, string error, DateTimeOffset nextAttemptAt);

        [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Alert {AlertId} to {Channel} is undeliverable after {Attempt} attempt(s): {Error}")]
        public static partial void Dead(ILogger logger, long alertId, string channel, int attempt, string error);

        [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "{Count} alert(s) wait for channel {Channel}, which is not configured in this process")]
        public static partial void ChannelNotConfigured(ILogger logger, string channel, int count);
    }
}
