namespace PolicyBot.Teams;

/// <summary>
/// Per-conversation pacing for Connector sends: a token bucket (a burst of <see cref="Burst"/>, then one send per
/// <see cref="Interval"/>, under Teams' per-thread limits of 7/s, 60/30 s and 1800/h), and a pause when the Connector
/// answered 429 with Retry-After. Callers either wait the returned delay or report it to the dispatcher.
/// </summary>
public sealed class ConversationPacer(TimeProvider timeProvider)
{
    /// <summary>Sends allowed at once after a quiet period.</summary>
    public const int Burst = 5;

    /// <summary>One more send is allowed per interval (1800 an hour).</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private readonly Lock gate = new();
    private readonly Dictionary<string, Bucket> buckets = new(StringComparer.Ordinal);

    /// <summary>Takes a send slot for <paramref name="conversationId"/> and returns zero, or returns how long to wait (nothing taken).</summary>
    public TimeSpan TryAcquire(string conversationId)
    {
        var now = timeProvider.GetUtcNow();
        lock (gate)
        {
            var bucket = Refill(conversationId, now);
            if (bucket.PausedUntil > now)
            {
                return bucket.PausedUntil - now;
            }

            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                return TimeSpan.Zero;
            }

            return TimeSpan.FromTicks((long)Math.Ceiling((1 - bucket.Tokens) * Interval.Ticks));
        }
    }

    /// <summary>Holds every send to <paramref name="conversationId"/> for <paramref name="delay"/> (a 429's Retry-After).</summary>
    public void Pause(string conversationId, TimeSpan delay)
    {
        var now = timeProvider.GetUtcNow();
        lock (gate)
        {
            var bucket = Refill(conversationId, now);
            var until = now + delay;
            bucket.PausedUntil = until > bucket.PausedUntil ? until : bucket.PausedUntil;
            bucket.Tokens = 0;
        }
    }

    /// <summary>
    /// Waits (on the injected clock) for a slot and takes it, returning zero; when the wait would exceed
    /// <paramref name="maxWait"/> (a 429 pause), takes nothing and returns that wait instead.
    /// </summary>
    public async Task<TimeSpan> WaitAsync(string conversationId, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        while (TryAcquire(conversationId) is var delay && delay > TimeSpan.Zero)
        {
            if (delay > maxWait)
            {
                return delay;
            }

            await Task.Delay(delay, timeProvider, cancellationToken);
        }

        return TimeSpan.Zero;
    }

    private Bucket Refill(string conversationId, DateTimeOffset now)
    {
        if (!buckets.TryGetValue(conversationId, out var bucket))
        {
            if (buckets.Count >= 10_000)
            {
                Prune(now);
            }

            bucket = new Bucket { Tokens = Burst, UpdatedAt = now };
            buckets[conversationId] = bucket;
            return bucket;
        }

        var elapsed = now - bucket.UpdatedAt;
        bucket.Tokens = Math.Min(Burst, bucket.Tokens + (elapsed.Ticks / (double)Interval.Ticks));
        bucket.UpdatedAt = now;
        return bucket;
    }

    /// <summary>Forgets conversations whose bucket has refilled and that are not paused (they behave like new ones).</summary>
    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, bucket) in buckets.ToList())
        {
            if (bucket.PausedUntil <= now && bucket.Tokens + ((now - bucket.UpdatedAt).Ticks / (double)Interval.Ticks) >= Burst)
            {
                buckets.Remove(key);
            }
        }
    }

    private sealed class Bucket
    {
        public double Tokens { get; set; }

        public DateTimeOffset UpdatedAt { get; set; }

        public DateTimeOffset PausedUntil { get; set; }
    }
}
