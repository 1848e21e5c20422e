using Microsoft.Extensions.Options;

namespace PolicyBot.Alerting;

/// <summary>
/// A token bucket per channel: each channel may receive <c>Alerting:ChannelBurst</c> messages at once and then
/// <c>Alerting:ChannelMessagesPerSecond</c>. A reservation returns how long to wait before sending.
/// </summary>
public sealed class ChannelPacer(IOptions<AlertingOptions> options, TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>Takes a token for one message to <paramref name="channel"/> unless the wait for it would exceed
    /// <paramref name="maxWait"/> (then nothing is taken); <paramref name="wait"/> is how long to wait before sending.</summary>
    public bool TryReserve(string channel, TimeSpan maxWait, out TimeSpan wait)
    {
        var settings = options.Value;
        var now = timeProvider.GetTimestamp();
        lock (_gate)
        {
            if (!_buckets.TryGetValue(channel, out var bucket))
            {
                bucket = new Bucket(settings.ChannelBurst, now);
            }

            var refilled = Math.Min(settings.ChannelBurst, bucket.Tokens + (timeProvider.GetElapsedTime(bucket.At, now).TotalSeconds * settings.ChannelMessagesPerSecond));
            var left = refilled - 1;
            wait = left >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-left / settings.ChannelMessagesPerSecond);
            if (wait > maxWait)
            {
                return false;
            }

            _buckets[channel] = new Bucket(left, now);
            return true;
        }
    }

    /// <summary>Tokens (negative: reservations ahead of the rate) at a timestamp.</summary>
    private readonly record struct Bucket(double Tokens, long At);
}
