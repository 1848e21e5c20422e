namespace PolicyBot.Tests.Infrastructure;

/// <summary>
/// A <see cref="TimeProvider"/> whose clock moves only when a test says so.
/// Supports: <see cref="GetUtcNow"/>, <see cref="TimeProvider.GetTimestamp"/> / elapsed time (advancing with the clock),
/// and timers (so <c>Task.Delay(t, provider)</c>, <c>new CancellationTokenSource(t, provider)</c> and <c>PeriodicTimer</c> work):
/// a timer fires synchronously, on the thread calling <see cref="Advance"/> / <see cref="SetUtcNow"/>, once the clock
/// reaches its due time (periodic timers fire once per period crossed). A zero due time fires on the next Advance,
/// even <c>Advance(TimeSpan.Zero)</c>. The local time zone is UTC. Time never moves backwards.
/// </summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock gate = new();
    private readonly List<ManualTimer> timers = [];
    private readonly DateTimeOffset origin = start;
    private DateTimeOffset now = start;

    /// <summary>Starts at 2025-01-01T00:00:00Z.</summary>
    public ManualTimeProvider()
        : this(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>Timers created and not yet disposed or expired (handy to wait until code under test has armed one).</summary>
    public int ActiveTimers
    {
        get
        {
            lock (gate)
            {
                return timers.Count(t => t.DueAt is not null);
            }
        }
    }

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    /// <inheritdoc />
    public override long GetTimestamp() => (GetUtcNow() - origin).Ticks;

    /// <summary>Moves the clock forward by <paramref name="by"/>, firing timers that fall due on the way.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        SetUtcNow(GetUtcNow() + by);
    }

    /// <summary>Moves the clock forward to <paramref name="value"/>, firing timers that fall due on the way.</summary>
    public void SetUtcNow(DateTimeOffset value)
    {
        while (true)
        {
            ManualTimer? due;
            lock (gate)
            {
                ArgumentOutOfRangeException.ThrowIfLessThan(value, now);
                due = timers.Where(t => t.DueAt <= value).MinBy(t => t.DueAt);
                if (due is null)
                {
                    now = value;
                    return;
                }

                now = due.DueAt!.Value;
                due.DueAt = due.Period > TimeSpan.Zero ? now + due.Period : null;
            }

            due.Fire(); // outside the lock: callbacks may create or change timers
        }
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        lock (gate)
        {
            timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? DueAt { get; set; }

        public TimeSpan Period { get; private set; }

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner.gate)
            {
                if (!owner.timers.Contains(this))
                {
                    return false;
                }

                Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : owner.now + dueTime;
                return true;
            }
        }

        public void Dispose()
        {
            lock (owner.gate)
            {
                owner.timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
