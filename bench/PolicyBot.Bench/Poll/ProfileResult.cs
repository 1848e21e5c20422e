namespace PolicyBot.Bench.Poll;

/// <summary>Everything measured for one profile: the warm-up, the measured cycles and the memory figures.</summary>
/// <param name="PeakIsPerProfile">True when the peak working set was reset before the profile (Linux), so it is this profile's own.</param>
internal sealed record ProfileResult(
    PollProfile Profile,
    int Concurrency,
    int PerHostConcurrency,
    TimeSpan AddSourcesElapsed,
    CycleMeasurement Warmup,
    IReadOnlyList<CycleMeasurement> Cycles,
    long PeakWorkingSetBytes,
    bool PeakIsPerProfile,
    long DatabaseBytes,
    long ServerRetainedBytes,
    double MeanFullFeedBytes)
{
    public int Failures => Warmup.Failed + Cycles.Sum(c => c.Failed);

    public TimeSpan MedianElapsed
    {
        get
        {
            var sorted = Cycles.Select(c => c.Elapsed).Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }
}
