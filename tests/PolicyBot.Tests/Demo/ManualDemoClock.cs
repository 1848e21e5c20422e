namespace PolicyBot.Tests.Demo;

/// <summary>A TimeProvider whose clock only moves when a test moves it.</summary>
internal sealed class ManualDemoClock(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset Start = new(2025, 7, 31, 12, 0, 0, TimeSpan.Zero);

    private DateTimeOffset _now = now;

    public ManualDemoClock() : this(Start)
    {
    }

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
