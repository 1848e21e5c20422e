using PolicyBot.Chat;
using PolicyBot.Commands;

namespace PolicyBot.Slack;

/// <summary>
/// Runs <c>/policy</c> text through the command engine as a Slack user. Workspace-admin status is looked up
/// (<c>users.info</c>, cached) only for the verbs that need it, so everyday commands never wait for Slack.
/// </summary>
public sealed partial class SlackCommandRunner(CommandEngine engine, SlackWorkspaceAdmins admins, ILogger<SlackCommandRunner> logger)
{
    /// <summary>Runs <paramref name="text"/>; never throws except for cancellation (a failing command becomes an error reply).</summary>
    public async Task<Reply> RunAsync(string text, string userId, string? userName, ChatChannel? channel, CancellationToken cancellationToken)
    {
        try
        {
            var isAdmin = IsAdminVerb(text) && await admins.IsAdminAsync(userId, cancellationToken);
            return await engine.ExecuteAsync(text, new CommandContext(SlackAdapter.PlatformName, userId, userName, channel, isAdmin), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.CommandFailed(logger, exception);
            return Reply.Error("Sorry, that command failed on PolicyBot's side.", "Try again in a minute; the error is in PolicyBot's log.");
        }
    }

    /// <summary>The admin-only verbs: <c>sources add|remove|pause|resume</c>, <c>subscribe</c>, <c>unsubscribe</c>.</summary>
    public static bool IsAdminVerb(string text)
    {
        var words = text.Trim().Split([' ', '\t', '\n'], 3, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return false;
        }

        var verb = words[0].ToLowerInvariant();
        return verb is "subscribe" or "unsubscribe"
            || (verb == "sources" && words.Length > 1 && words[1].ToLowerInvariant() is "add" or "remove" or "pause" or "resume");
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 6301, Level = LogLevel.Error, Message = "A Slack command failed")]
        public static partial void CommandFailed(ILogger logger, Exception exception);
    }
}
