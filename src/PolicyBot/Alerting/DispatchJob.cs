using Quartz;

namespace PolicyBot.Alerting;

/// <summary>The scheduler's delivery run: every <c>Alerting:DispatchInterval</c>, delivers due outbox rows.</summary>
[DisallowConcurrentExecution]
public sealed class DispatchJob(OutboxDispatcher dispatcher) : IJob
{
    public static readonly JobKey Key = new("dispatch", "policybot");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await dispatcher.DispatchAsync(cancellationToken);
}
