namespace PolicyBot.Tests.Infrastructure;

public sealed class ManualTimeProviderTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Clock_Moves_Only_When_Advanced()
    {
        var clock = new ManualTimeProvider(Start);
        var stamp = clock.GetTimestamp();

        clock.GetUtcNow().ShouldBe(Start);
        clock.Advance(TimeSpan.FromMinutes(5));

        clock.GetUtcNow().ShouldBe(Start.AddMinutes(5));
        clock.GetElapsedTime(stamp).ShouldBe(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public void Clock_Refuses_To_Go_Backwards()
    {
        var clock = new ManualTimeProvider(Start);

        Should.Throw<ArgumentOutOfRangeException>(() => clock.SetUtcNow(Start.AddSeconds(-1)));
        Should.Throw<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public async Task Delay_Completes_When_The_Clock_Reaches_It()
    {
        var clock = new ManualTimeProvider(Start);
        var delay = Task.Delay(TimeSpan.FromSeconds(30), clock);

        clock.Advance(TimeSpan.FromSeconds(29));
        delay.IsCompleted.ShouldBeFalse();
        clock.Advance(TimeSpan.FromSeconds(1));

        await delay.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Cancellation_Source_With_Delay_Cancels_On_Advance()
    {
        var clock = new ManualTimeProvider(Start);
        using var source = new CancellationTokenSource(TimeSpan.FromSeconds(20), clock);

        clock.Advance(TimeSpan.FromSeconds(19));
        source.IsCancellationRequested.ShouldBeFalse();
        clock.Advance(TimeSpan.FromSeconds(1));

        source.IsCancellationRequested.ShouldBeTrue();
    }

    [Fact]
    public void Periodic_Timer_Fires_Once_Per_Period_Crossed_At_The_Right_Times()
    {
        var clock = new ManualTimeProvider(Start);
        var firedAt = new List<DateTimeOffset>();
        using var timer = clock.CreateTimer(_ => firedAt.Add(clock.GetUtcNow()), null, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));

        clock.Advance(TimeSpan.FromSeconds(35));

        firedAt.ShouldBe([Start.AddSeconds(10), Start.AddSeconds(20), Start.AddSeconds(30)]);
        clock.GetUtcNow().ShouldBe(Start.AddSeconds(35));
    }

    [Fact]
    public void Disposed_Or_Changed_Timer_Does_Not_Fire()
    {
        var clock = new ManualTimeProvider(Start);
        var fired = 0;
        var disposed = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        using var stopped = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        clock.ActiveTimers.ShouldBe(2);

        disposed.Dispose();
        stopped.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan).ShouldBeTrue();
        clock.Advance(TimeSpan.FromMinutes(1));

        fired.ShouldBe(0);
        clock.ActiveTimers.ShouldBe(0);
        disposed.Change(TimeSpan.Zero, TimeSpan.Zero).ShouldBeFalse();
    }
}
