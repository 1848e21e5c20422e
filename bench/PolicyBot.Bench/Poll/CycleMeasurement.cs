namespace PolicyBot.Bench.Poll;

/// <summary>What one poll cycle took and did.</summary>
/// <param name="Round">0 is the warm-up (every source's first poll: the baseline).</param>
/// <param name="Elapsed">Wall-clock time of <c>PollCycle.RunAsync</c>.</param>
/// <param name="ProcessorTime">Process CPU time over the cycle (PolicyBot plus the in-process feed server).</param>
/// <param name="AllocatedBytes">Managed bytes allocated during the cycle, process-wide; null when the runtime's counter went
/// backwards (seen with Server GC when DATAS changes the heap count mid-cycle), rather than a wrong figure.</param>
/// <param name="GcPause">Time the GC paused the process during the cycle.</param>
/// <param name="GcCommittedBytes">Memory the GC had committed at the end of the cycle (before the harness collects).</param>
/// <param name="WorkingSetBytes">The process working set at the end of the cycle.</param>
/// <param name="Alerts">New alerts: statements not alerted before.</param>
/// <param name="Revisions">Reports of a statement already alerted (within Alerting:ClusterWindow): the first alert is revised
/// ("also reported by") instead of alerting again.</param>
/// <param name="StatementsStored">Rows in the statements table after the cycle: what each new alert is matched against.</param>
/// <param name="ThreadPoolThreads">Thread-pool threads at the end of the cycle (the pool grows when work blocks threads).</param>
internal sealed record CycleMeasurement(
    int Round,
    TimeSpan Elapsed,
    TimeSpan ProcessorTime,
    long? AllocatedBytes,
    TimeSpan GcPause,
    long GcCommittedBytes,
    long WorkingSetBytes,
    int ThreadPoolThreads,
    int Gen0Collections,
    int Gen1Collections,
    int Gen2Collections,
    int Sources,
    int Updated,
    int Unchanged,
    int Failed,
    int NewItems,
    int ChangedItems,
    int Alerts,
    int Revisions,
    long StatementsStored,
    long ServedFull,
    long ServedNotModified,
    long ServedOther,
    IReadOnlyList<string> Errors)
{
    public double SourcesPerSecond => Sources / Elapsed.TotalSeconds;
}
