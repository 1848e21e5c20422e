using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PolicyBot.Digests;
using PolicyBot.Subscriptions;
using PolicyBot.Tests.Infrastructure;
using Quartz;

namespace PolicyBot.Tests.Digests;

public sealed class DigestSchedulingEndToEndTests
{
    [Fact]
    public async Task Probe()
    {
        var logger = new RecordingLogger<DigestSender>();
        await using var services = await TestServices.CreateAsync(configure: s =>
        {
            s.AddSingleton<ILogger<DigestSender>>(logger);
            s.AddQuartz(DigestScheduleJob.Configure);
        });
        var start = services.Clock.GetUtcNow();
        var saved = await services.Get<SubscriptionStore>().SaveAsync(DigestTestData.Subscription(new DigestSchedule(DigestFrequency.Daily, new TimeOnly(9, 30)), start), CancellationToken.None);
        await DigestTestData.RecordAsync(services, DigestTestData.Alert("Meta says open", quote: "We will keep releasing open weights."), start.AddMinutes(-30));
        var scheduler = await services.Get<ISchedulerFactory>().GetScheduler(CancellationToken.None);
        var sync = ActivatorUtilities.CreateInstance<DigestScheduleJob>(services.Provider);
        await sync.SyncAsync(scheduler, CancellationToken.None);
        var trigger = await scheduler.GetTrigger(DigestJob.TriggerKeyFor(saved.Id), CancellationToken.None);
        Console.WriteLine($"next {trigger!.NextFireTimeUtc} start {trigger.StartTimeUtc} tp {scheduler.TimeProvider.GetType().Name}");
        await scheduler.Start(CancellationToken.None);
        services.Clock.Advance(TimeSpan.FromMinutes(31));
        await logger.WaitForAsync(r => r.EventId().Length > 0).WaitAsync(TimeSpan.FromSeconds(20));
        Console.WriteLine(string.Join("\n", logger.Records.Select(r => r.Message)));
        await scheduler.Shutdown(true, CancellationToken.None);
    }
}

internal static class LogRecordExtensions
{
    public static string EventId(this LogRecord record) => record.EventName ?? "";
}
