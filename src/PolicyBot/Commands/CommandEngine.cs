using Microsoft.Extensions.Logging;
using PolicyBot.Chat;

namespace PolicyBot.Commands;

/// <summary>
/// Parses and runs the <c>/policy</c> grammar into a platform-neutral <see cref="Reply"/>: <c>help</c>,
/// <c>&lt;org or person&gt;</c>, <c>latest [n]</c>, <c>search &lt;words&gt;</c>, <c>sources …</c>,
/// <c>subscribe …</c>, <c>unsubscribe</c>, <c>status</c>. Admin commands are authorised before anything changes and
/// audited whatever the outcome. Never throws for bad input or a failure inside: the person gets a clear reply,
/// the log gets the exception.
/// </summary>
public sealed partial class CommandEngine(
    ActorLookup actors,
    StatementQueryStore statements,
    SourceAdministration sources,
    SubscriptionCommands subscriptions,
    StatusReport status,
    CommandAuthorizer authorizer,
    AuditLog audit,
    ILogger<CommandEngine> logger)
{
    /// <summary>Statements <c>latest</c> and <c>search</c> show by default; <c>latest</c> allows up to <see cref="MaxLatest"/>.</summary>
    public const int DefaultCount = 5;

    public const int MaxLatest = 20;

    public async Task<Reply> ExecuteAsync(string text, CommandContext context, CancellationToken cancellationToken)
    {
        try
        {
            if ((text?.Length ?? 0) > CommandText.MaxLength)
            {
                return Reply.Error($"That command is too long ({text!.Length} characters; the limit is {CommandText.MaxLength}).", "Type `help` for the commands.");
            }

            var tokens = CommandText.Tokenize(text);
            return await RunAsync(tokens, context, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            Log.CommandFailed(logger, context.Platform, AuditLog.Redact(Shorten(text ?? "")), exception);
            return Reply.Error("Sorry, something went wrong answering that. The error was logged.", "Try again in a moment; if it keeps failing, an admin can check the logs.");
        }
    }

    private async Task<Reply> RunAsync(IReadOnlyList<CommandToken> tokens, CommandContext context, CancellationToken cancellationToken)
    {
        if (tokens.Count == 0)
        {
            return CommandHelp.Build(authorizer.IsAdmin(context));
        }

        var verb = tokens[0].Quoted ? "" : CommandText.Fold(tokens[0].Text);
        var arguments = tokens.Skip(1).ToList();
        switch (verb)
        {
            case "help" or "?":
                return CommandHelp.Build(authorizer.IsAdmin(context));
            case "latest":
                return await LatestAsync(arguments, cancellationToken);
            case "search":
                return await SearchAsync(arguments, cancellationToken);
            case "status":
                return arguments.Count > 0
                    ? Reply.Error("`status` takes no arguments.", "Usage: `status`.")
                    : await status.BuildAsync(cancellationToken);
            case "sources":
                return await SourcesAsync(tokens, arguments, context, cancellationToken);
            case "subscribe":
                return await AsAdminAsync(tokens, context, () => subscriptions.SubscribeAsync(arguments, context, cancellationToken), cancellationToken);
            case "unsubscribe":
                return await AsAdminAsync(tokens, context, () => subscriptions.UnsubscribeAsync(arguments, context, cancellationToken), cancellationToken);
        }

        var name = string.Join(' ', tokens.Select(t => t.Text));
        return await actors.AnswerAsync(name, cancellationToken) ?? actors.Unknown(tokens);
    }

    private async Task<Reply> SourcesAsync(IReadOnlyList<CommandToken> tokens, List<CommandToken> arguments, CommandContext context, CancellationToken cancellationToken)
    {
        var sub = arguments.Count == 0 || arguments[0].Quoted ? (arguments.Count == 0 ? "list" : "") : CommandText.Fold(arguments[0].Text);
        var rest = arguments.Skip(1).ToList();
        return sub switch
        {
            "list" when rest.Count == 0 => await sources.ListAsync(authorizer.IsAdmin(context), cancellationToken),
            "list" => Reply.Error("`sources` takes no more words to list them.", "Usage: `sources`."),
            "add" => await AsAdminAsync(tokens, context, () => sources.AddAsync(rest, cancellationToken), cancellationToken),
            "remove" or "pause" or "resume" => await AsAdminAsync(tokens, context, () => sources.ChangeAsync(sub, rest, cancellationToken), cancellationToken),
            _ => Reply.Error($"Unknown sources command \"{Shorten(arguments[0].Text)}\".", "Usage: `sources`, `sources add <url> [kind] [org] [interval]`, `sources remove|pause|resume <id or name>`."),
        };
    }

    private async Task<Reply> LatestAsync(List<CommandToken> arguments, CancellationToken cancellationToken)
    {
        var count = DefaultCount;
        if (arguments.Count > 1)
        {
            return Reply.Error("`latest` takes one number at most.", "Usage: `latest [n]`, e.g. `latest 10`.");
        }

        if (arguments.Count == 1)
        {
            var number = arguments[0].Text;
            var digits = number.TrimStart('-', '+');
            if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
            {
                return Reply.Error($"\"{Shorten(number)}\" is not a number.", $"Usage: `latest [n]` with n from 1 to {MaxLatest}, e.g. `latest 10`.");
            }

            count = number.StartsWith('-') ? 1 : digits.Length > 6 ? MaxLatest : Math.Clamp(int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture), 1, MaxLatest);
        }

        var latest = await statements.LatestAsync(count, cancellationToken);
        if (latest.Count == 0)
        {
            return new Reply("No statements are stored yet.", [new TextBlock("No statements are stored yet."), new ContextBlock(["They appear after the first polls find relevant news; `sources` shows what is watched."])]);
        }

        var blocks = new List<ReplyBlock> { new HeaderBlock($"Latest {latest.Count} statement(s)") };
        StatementBlocks.AddAll(blocks, latest);
        return new Reply($"The latest {latest.Count} statement(s)", blocks);
    }

    private async Task<Reply> SearchAsync(List<CommandToken> arguments, CancellationToken cancellationToken)
    {
        const string Usage = "Usage: `search <words>`; quote phrases: `search \"open weights\" meta`.";
        var terms = SearchExpression.Terms(arguments);
        if (terms.Count == 0)
        {
            return Reply.Error(arguments.Count == 0 ? "What should I search for?" : "There is nothing to search for in that (only punctuation?).", Usage);
        }

        var typed = string.Join(' ', arguments.Select(a => a.Quoted ? $"\"{a.Text}\"" : a.Text));
        var hits = await statements.SearchAsync(terms, DefaultCount, cancellationToken);
        if (hits.Count == 0)
        {
            return new Reply($"No stored statement matches {Shorten(typed)}.", [new TextBlock($"No stored statement matches {Shorten(typed)}."), new ContextBlock(["Every word must appear; try fewer or other words. " + Usage])]);
        }

        var blocks = new List<ReplyBlock> { new HeaderBlock($"Search: {Shorten(typed)}") };
        StatementBlocks.AddAll(blocks, hits, withSnippets: true);
        return new Reply($"{hits.Count} best match(es) for {Shorten(typed)}", blocks);
    }

    /// <summary>Runs an admin command for an admin, refuses it for anyone else, and audits either way.</summary>
    private async Task<Reply> AsAdminAsync(IReadOnlyList<CommandToken> tokens, CommandContext context, Func<Task<Reply>> run, CancellationToken cancellationToken)
    {
        var command = string.Join(' ', tokens.Select(t => t.Quoted ? $"\"{t.Text}\"" : t.Text));
        if (!authorizer.IsAdmin(context))
        {
            await audit.AddAsync(context, command, "refused", "not an admin", cancellationToken);
            Log.Refused(logger, context.Platform, context.UserId);
            return Reply.Refused($"Only PolicyBot admins can run `{Shorten(tokens[0].Text)}{(tokens.Count > 1 && tokens[0].Text.Equals("sources", StringComparison.OrdinalIgnoreCase) ? " " + Shorten(tokens[1].Text) : "")}`. "
                + "Ask a workspace admin, or someone listed in the Admins settings.");
        }

        Reply reply;
        try
        {
            reply = await run();
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await audit.AddAsync(context, command, "error", $"failed: {exception.GetType().Name}", CancellationToken.None);
            throw;
        }

        await audit.AddAsync(context, command, reply.Outcome == ReplyOutcome.Ok ? "ok" : "error", reply.Summary, cancellationToken);
        return reply;
    }

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "A {Platform} command failed: {Command}")]
        public static partial void CommandFailed(ILogger logger, string platform, string command, Exception exception);

        [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Refused an admin command to {Platform} user {UserId}")]
        public static partial void Refused(ILogger logger, string platform, string userId);
    }
}
