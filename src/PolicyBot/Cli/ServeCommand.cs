using System.CommandLine;
using PolicyBot.Hosting;

namespace PolicyBot.Cli;

/// <summary><c>serve</c>: web endpoints, the scheduler and the dispatcher, until stopped.</summary>
public static class ServeCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("serve", "Run PolicyBot: endpoints, scheduled polling and delivery (the default). ASP.NET options such as --urls pass through.");
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((result, token) => RunAsync(result.UnmatchedTokens.ToArray(), environment, token));
        return command;
    }

    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken)
    {
        await using var app = PolicyBotHost.BuildWebApp(args, environment);
        await app.RunAsync(cancellationToken);
        return 0;
    }
}
