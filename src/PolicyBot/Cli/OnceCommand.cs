using System.CommandLine;
using PolicyBot.Alerting;
using PolicyBot.Polling;
using PolicyBot.Sources;

namespace PolicyBot.Cli;

/// <summary><c>once [--json] [--no-deliver]</c>: one poll of every enabled source, due or not, printing the alerts it produced.</summary>
public static class OnceCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var json = new Option<bool>("--json") { Description = "Print the alerts as one JSON array." };
        var noDeliver = new Option<bool>("--no-deliver") { Description = "Do not deliver the alerts to subscribed chats." };
        var command = new Command("once", "Check every enabled source once and print the alerts produced.") { json, noDeliver };
        command.SetAction((result, token) => SourcesCommand.WithHost(environment, token, async services =>
        {
            var sources = (await services.GetRequiredService<SourceStore>().ListAsync(token)).Where(s => s.Enabled).ToList();
            var reports = await services.GetRequiredService<PollCycle>().RunAsync(sources, token);
            var alerts = reports.SelectMany(r => r.Alerts).ToList();
            var printer = new AlertPrinter(environment, services.GetRequiredService<AlertTextFormatter>());
            await printer.PrintAsync(reports, result.GetValue(json), token);
            await printer.SummarizeAsync(reports, token);

            var outbox = services.GetRequiredService<AlertOutbox>();
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            if (result.GetValue(noDeliver))
            {
                await outbox.SettleAsync(alerts.Select(a => a.Id), null, "skipped", now, token);
            }
            else
            {
                var delivered = await services.GetRequiredService<OutboxDispatcher>().DispatchAsync(token);
                if (delivered > 0)
                {
                    await environment.Error.WriteLineAsync($"Delivered {delivered} message(s) to chat.");
                }
            }

            return 0;
        }));
        return command;
    }
}
