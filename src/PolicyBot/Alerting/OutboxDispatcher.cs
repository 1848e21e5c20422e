using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Chat;

namespace PolicyBot.Alerting;

/// <summary>
/// Delivers due outbox rows through their platform's adapter: channels in parallel, each channel's rows one at a
/// time in publication order and paced by <see cref="ChannelPacer"/>. A row is claimed (leased) before it is sent
/// and marked sent after, so a process killed at any point re-sends at most the one message it had in flight.
/// A failure holds back the rest of that channel (order is kept) and is retried with exponential back-off and
/// jitter; a rate limit waits exactly as long as asked and does not count as an attempt; errors a retry cannot fix,
/// and the last allowed attempt, make the row dead.
/// </summary>
public sealed partial class OutboxDispatcher(
    AlertOutbox outbox,
    IEnumerable<IChatAdapter> adapters,
    ChannelPacer pacer,
    AdminNotices notices,
    IMeterFactory meterFactory,
    IOptions<AlertingOptions> options,
    TimeProvider timeProvider,
    ILogger<OutboxDispatcher> logger)
{
    private const int BatchSize = 500;

    private const string Unreachable = "the channel is no longer reachable (bot removed, channel archived or app uninstalled)";

    private readonly Counter<long> _deliveries = meterFactory.Create("PolicyBot").CreateCounter<long>("policybot.deliveries", description: "Delivery attempts by channel and outcome");

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _unconfiguredWarned = new(StringComparer.Ordinal);

    private readonly Dictionary<string, IChatAdapter> _adapters = adapters.GroupBy(a => a.Platform).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

    /// <summary>Delivers what is due, pacing each channel; a channel whose pace would carry it past one dispatch interval
    /// continues in the next run. Returns the number of messages delivered.</summary>
    public async Task<int> DispatchAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var deadline = timeProvider.GetUtcNow() + settings.DispatchInterval;
        // a channel can take at most its burst plus what its pace allows within one interval in a run
        var perChannel = (int)Math.Clamp(Math.Ceiling(settings.ChannelBurst + (settings.ChannelMessagesPerSecond * settings.DispatchInterval.TotalSeconds)), 1, BatchSize);
        var due = await outbox.DueAsync(timeProvider.GetUtcNow(), BatchSize, perChannel, cancellationToken);
        var delivered = 0;
        await Parallel.ForEachAsync(
            due.GroupBy(e => e.Channel),
            new ParallelOptions { MaxDegreeOfParallelism = settings.DispatchConcurrency, CancellationToken = cancellationToken },
            async (group, token) => Interlocked.Add(ref delivered, await DeliverChannelAsync(group.Key, group, settings, deadline, token)));
        return delivered;
    }

    private async Task<int> DeliverChannelAsync(string key, IEnumerable<OutboxEntry> entries, AlertingOptions settings, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var channel = ChatChannel.FromKey(key);
        if (!_adapters.TryGetValue(channel.Platform, out var adapter))
        {
            if (_unconfiguredWarned.TryAdd(key, true))
            {
                Log.PlatformNotConfigured(logger, key, entries.Count());
            }

            return 0;
        }

        var delivered = 0;
        foreach (var entry in entries)
        {
            if (!entry.ChannelActive)
            {
                Log.Dead(logger, entry.Id, key, entry.Attempts, Unreachable);
                await outbox.MarkFailedAsync(entry.Id, Unreachable, null, countAttempt: true, cancellationToken);
                continue;
            }

            if (!pacer.TryReserve(key, deadline - timeProvider.GetUtcNow(), out var wait))
            {
                break;
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, timeProvider, cancellationToken);
            }

            var now = timeProvider.GetUtcNow();
            if (!await outbox.ClaimAsync(entry.Id, now, now + settings.ClaimTimeout, cancellationToken)
                || !await DeliverAsync(adapter, channel, entry, cancellationToken))
            {
                break;
            }

            delivered++;
        }

        return delivered;
    }

    private async Task<bool> DeliverAsync(IChatAdapter adapter, ChatChannel channel, OutboxEntry entry, CancellationToken cancellationToken)
    {
        DeliveryResult result;
        try
        {
            var message = entry.ToOutboundMessage();
            result = entry.Revision == 0
                ? await adapter.PostAsync(channel, message, cancellationToken)
                : await adapter.UpdateAsync(channel, entry.PostMessageId, message, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            result = DeliveryResult.Failure($"{exception.GetType().Name}: {exception.Message}");
        }

        _deliveries.Add(1, new("platform", adapter.Platform), new("outcome", result.Delivered ? "delivered" : result.Retryable ? "failed" : "rejected"));
        if (result.Delivered)
        {
            await outbox.MarkSentAsync(entry.Id, result.MessageId, timeProvider.GetUtcNow(), CancellationToken.None);
            return true;
        }

        var error = result.Error ?? "delivery failed";

        // a rate limit is the platform asking to wait, not a failed attempt: it never brings a message closer to dead
        var rateLimited = result.Retryable && result.RetryAfter is not null;
        var attempt = entry.Attempts + (rateLimited ? 0 : 1);
        DateTimeOffset? next = null;
        if (rateLimited || (result.Retryable && attempt < options.Value.MaxAttempts))
        {
            next = timeProvider.GetUtcNow() + (rateLimited ? result.RetryAfter!.Value : RetryDelay(attempt));
            Log.WillRetry(logger, entry.Id, channel.Key, attempt, error, next.Value);
        }
        else
        {
            Log.Dead(logger, entry.Id, channel.Key, attempt, error);
        }

        await outbox.MarkFailedAsync(entry.Id, error, next, countAttempt: !rateLimited, CancellationToken.None);
        if (next is null && entry.Alert is { } alert)
        {
            await notices.QueueAsync($"undeliverable:{entry.Id}", AdminNotices.Undeliverable(channel.Key, alert.Title, attempt, error), CancellationToken.None);
        }

        return false;
    }

    private TimeSpan RetryDelay(int attempt)
    {
        var settings = options.Value;
        var exponential = settings.RetryBaseDelay * Math.Pow(2, Math.Min(attempt - 1, 20));
        var capped = exponential < settings.RetryMaxDelay ? exponential : settings.RetryMaxDelay;
        return capped * (0.8 + (Random.Shared.NextDouble() * 0.4));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Outbox row {EntryId} to {Channel} failed (attempt {Attempt}): {Error}; retrying at {NextAttemptAt}")]
        public static partial void WillRetry(ILogger logger, long entryId, string channel, int attempt, string error, DateTimeOffset nextAttemptAt);

        [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Outbox row {EntryId} to {Channel} is undeliverable after {Attempt} attempt(s): {Error}")]
        public static partial void Dead(ILogger logger, long entryId, string channel, int attempt, string error);

        [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "{Count} message(s) wait for channel {Channel}, whose platform is not configured in this process (said once per channel)")]
        public static partial void PlatformNotConfigured(ILogger logger, string channel, int count);
    }
}
