using Microsoft.Extensions.Options;
using PolicyBot.Sources;

namespace PolicyBot.Polling;

/// <summary>When a source is next due: its interval plus jitter after a success; exponential back-off after
/// failures, never sooner than the server's Retry-After and never later than <c>Polling:MaxBackoff</c>.</summary>
public sealed class SchedulePlanner(IOptions<PollingOptions> options)
{
    public TimeSpan IntervalOf(Source source) => source.Interval ?? options.Value.Interval;

    public DateTimeOffset AfterSuccess(Source source, DateTimeOffset now) => now + WithJitter(IntervalOf(source));

    /// <param name="consecutiveErrors">The error count including this failure (1 for the first).</param>
    public DateTimeOffset AfterFailure(Source source, int consecutiveErrors, TimeSpan? retryAfter, DateTimeOffset now)
    {
        var settings = options.Value;
        var exponent = Math.Clamp(consecutiveErrors - 1, 0, 30);
        var backoff = IntervalOf(source) * Math.Pow(2, exponent);
        if (backoff > settings.MaxBackoff)
        {
            backoff = settings.MaxBackoff;
        }

        backoff = WithJitter(backoff);
        if (retryAfter is { } asked && asked > backoff)
        {
            backoff = asked < settings.MaxBackoff ? asked : settings.MaxBackoff;
        }

        return now + backoff;
    }

    private TimeSpan WithJitter(TimeSpan delay) => delay * (1 + (Random.Shared.NextDouble() * options.Value.Jitter));
}
