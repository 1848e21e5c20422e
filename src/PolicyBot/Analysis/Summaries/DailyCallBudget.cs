namespace PolicyBot.Analysis.Summaries;

/// <summary>
/// Counts calls per UTC calendar day (by the injected clock) and refuses more than the limit. In memory, per instance:
/// a restart starts the day's count again, which is acceptable for a cost guard of this size.
/// </summary>
internal sealed class DailyCallBudget(int limit, TimeProvider time)
{
    private readonly Lock _gate = new();
    private DateOnly _day;
    private int _used;

    /// <summary>Takes one call from today's allowance; false when it is spent (or the limit is zero).</summary>
    public bool TryTake()
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        lock (_gate)
        {
            if (today != _day)
            {
                _day = today;
                _used = 0;
            }

            if (_used >= limit)
            {
                return false;
            }

            _used++;
            return true;
        }
    }

    /// <summary>Calls left today.</summary>
    public int Remaining
    {
        get
        {
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            lock (_gate)
            {
                return today == _day ? Math.Max(0, limit - _used) : limit;
            }
        }
    }
}
