using PolicyBot.Alerting;
using PolicyBot.Polling;

namespace PolicyBot.Cli;

/// <summary>Prints alerts for a person (text) or a program (one JSON array), and a summary of a poll on standard error.</summary>
public sealed class AlertPrinter(CliEnvironment environment, AlertTextFormatter formatter)
{
    /// <summary>New alerts in full, then revised ones: as updates in text, as their current version in JSON.</summary>
    public async Task PrintAsync(IReadOnlyList<PollReport> reports, bool json, CancellationToken cancellationToken)
    {
        var alerts = reports.SelectMany(r => r.Alerts).ToList();
        var revised = reports.SelectMany(r => r.Revised).Where(r => alerts.All(a => a.Id != r.Id)).DistinctBy(r => r.Id).ToList();
        if (json)
        {
            await environment.Out.WriteLineAsync(AlertJson.Serialize(alerts.Concat(revised).ToList()).AsMemory(), cancellationToken);
            return;
        }

        foreach (var alert in alerts)
        {
            await environment.Out.WriteAsync(formatter.Format(alert).AsMemory(), cancellationToken);
        }

        foreach (var alert in revised)
        {
            await environment.Out.WriteAsync(formatter.FormatUpdate(alert).AsMemory(), cancellationToken);
        }
    }

    public async Task SummarizeAsync(IReadOnlyList<PollReport> reports, CancellationToken cancellationToken)
    {
        var failed = reports.Where(r => r.Outcome == PollOutcome.Failed).ToList();
        var summary = $"Checked {reports.Count} source(s): {reports.Sum(r => r.NewItems)} new item(s), {reports.Sum(r => r.ChangedItems)} changed, " +
            $"{reports.Sum(r => r.Alerts.Count)} alert(s), {failed.Count} failed.";
        await environment.Error.WriteLineAsync(summary.AsMemory(), cancellationToken);
        foreach (var report in failed)
        {
            await environment.Error.WriteLineAsync($"  #{report.SourceId} {report.SourceName}: {report.Error}".AsMemory(), cancellationToken);
        }
    }
}
