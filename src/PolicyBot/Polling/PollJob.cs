using Quartz;

namespace PolicyBot.Polling;

/// <summary>The scheduler's poll: wakes every <c>Polling:JobInterval</c> and checks the sources that are due.
/// Never runs twice at once; due-ness lives in the database, so a restart resumes where it stopped and a
/// missed check runs once, not once per missed interval.</summary>
[DisallowConcurrentExecution]
public sealed class PollJob(PollCycle cycle) : IJob
{
    public static readonly JobKey Key = new("poll", "policybot");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await cycle.RunDueAsync(cancellationToken);
}
