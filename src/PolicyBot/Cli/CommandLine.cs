using System.CommandLine;
using Microsoft.Extensions.Options;

namespace PolicyBot.Cli;

/// <summary>PolicyBot's verbs: <c>serve</c> (the default), <c>once</c>, <c>demo</c>, <c>analyze</c>, <c>sources …</c>, <c>db …</c>.</summary>
public static class CommandLine
{
    public static async Task<int> RunAsync(string[] args, CliEnvironment? environment = null)
    {
        environment ??= CliEnvironment.Console;
        var serve = ServeCommand.Create(environment);
        var root = new RootCommand("PolicyBot: alerts on open-source / open-weights AI policy statements, in Slack, Teams or the console.")
        {
            serve,
            OnceCommand.Create(environment),
            DemoCommand.Create(environment),
            AnalyzeCommand.Create(environment),
            SourcesCommand.Create(environment),
            DbCommand.Create(environment),
            QueryCommand.Create(environment),
            TeamsCommand.Create(environment),
        };
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction((result, token) => ServeCommand.RunAsync(result.UnmatchedTokens.ToArray(), environment, token));

        try
        {
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = environment.Out, Error = environment.Error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception exception) when (ValidationFailures(exception) is { Count: > 0 } failures)
        {
            await environment.Error.WriteLineAsync("PolicyBot cannot start: the configuration is invalid.");
            foreach (var failure in failures)
            {
                await environment.Error.WriteLineAsync($"  - {failure}");
            }

            return 2;
        }
        catch (InvalidOperationException exception) when (exception.Message.Contains("configuration", StringComparison.OrdinalIgnoreCase))
        {
            await environment.Error.WriteLineAsync($"PolicyBot cannot start: {exception.Message}");
            return 2;
        }
    }

    /// <summary>Every options-validation failure inside an exception (start-up validation aggregates them).</summary>
    private static List<string> ValidationFailures(Exception exception) => exception switch
    {
        OptionsValidationException validation => validation.Failures.ToList(),
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(ValidationFailures).ToList(),
        _ => [],
    };
}
