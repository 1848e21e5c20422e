using PolicyBot.Alerting;
using PolicyBot.Polling;

namespace PolicyBot.Cli;

/// <summary>Prints alerts for a person (text) or a program (one JSON array), and a summary of a poll on standard error.</summary>
public sealed class AlertPrinter(CliEnvironment environment, AlertTextFormatter formatter)
{
    public async Task PrintAsync(IReadOnlyList<Alert> alerts, bool json, CancellationToken cancellationToken)
    {
        if (json)
        {
            await environment.Out.WriteLineAsync(AlertJson.Serialize(alerts).AsMemory(), cancellationToken);
            return;
        }

        foreach (var alert in alerts)
        {
            await environment.Out.WriteAsync(formatter.Format(alert).AsMemory(), cancellationToken);
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
