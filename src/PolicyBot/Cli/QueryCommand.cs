using System.CommandLine;
using PolicyBot.Chat;
using PolicyBot.Commands;

namespace PolicyBot.Cli;

/// <summary>
/// <c>query &lt;text&gt;</c>: what <c>/policy &lt;text&gt;</c> would answer, as text. The command line is an admin
/// (it holds the database); <c>subscribe</c> and <c>unsubscribe</c> name their channel with <c>--channel slack:C0123</c>.
/// Exit code 0 for an answer, 1 for an error or refusal.
/// </summary>
public static class QueryCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var text = new Argument<string[]>("text") { Description = "The command, as after /policy (e.g. meta, \"search open weights\", status).", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("query", "Print what /policy <text> would answer.") { text };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((result, token) => SourcesCommand.WithHost(environment, token, async services =>
        {
            // the words in their order, options such as --shifts-only included (they are the engine's, not ours)
            var all = result.Tokens.ToList();
            var start = all.FindIndex(t => t.Type == System.CommandLine.Parsing.TokenType.Command && t.Value == "query") + 1;
            var words = all.Skip(start).Where(t => t.Type != System.CommandLine.Parsing.TokenType.DoubleDash).Select((t, i) => i == 0 ? t.Value : Quote(t.Value));
            var context = new CommandContext("cli", Environment.UserName, Environment.UserName, Channel: null);
            var reply = await services.GetRequiredService<CommandEngine>().ExecuteAsync(string.Join(' ', words), context, token);
            await (reply.Outcome == ReplyOutcome.Ok ? environment.Out : environment.Error).WriteAsync(ReplyTextRenderer.Render(reply));
            return reply.Outcome == ReplyOutcome.Ok ? 0 : 1;
        }));
        return command;
    }

    /// <summary>The shell already split the words; one that held spaces was quoted there, so it is quoted again. The first
    /// word never is: it holds the verb, or the whole command when it was given as one argument (<c>query "latest 5"</c>).</summary>
    private static string Quote(string word) =>
        word.Any(char.IsWhiteSpace) && !word.Contains('"', StringComparison.Ordinal) ? $"\"{word}\"" : word;
}
