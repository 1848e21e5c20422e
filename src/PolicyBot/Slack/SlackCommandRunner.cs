using PolicyBot.Chat;
using PolicyBot.Commands;

namespace PolicyBot.Slack;

/// <summary>
/// Runs <c>/policy</c> text through the command engine as a Slack user. Workspace-admin status is looked up
/// (<c>users.info</c>, cached) only for the verbs that need it, so everyday commands never wait for Slack.
/// </summary>
public sealed partial class SlackCommandRunner(CommandEngine engine, SlackWorkspaceAdmins admins, SlackWebApiClient slack, ILogger<SlackCommandRunner> logger)
{
    /// <summary>Added to a successful <c>subscribe</c> in a channel the bot has not joined (it could not post there).</summary>
    public const string InviteHint = "PolicyBot is not a member of this channel yet: invite it (/invite @PolicyBot) so alerts can be posted here.";

    /// <summary>Runs <paramref name="text"/>; never throws except for cancellation (a failing command becomes an error reply).</summary>
    public async Task<Reply> RunAsync(string text, string userId, string? userName, ChatChannel? channel, CancellationToken cancellationToken)
    {
        try
        {
            var isAdmin = IsAdminVerb(text) && await admins.IsAdminAsync(userId, cancellationToken);
            var reply = await engine.ExecuteAsync(text, new CommandContext(SlackAdapter.PlatformName, userId, userName, channel, isAdmin), cancellationToken);
            return IsSubscribe(text) && reply.Outcome == ReplyOutcome.Ok && channel is not null && !await IsMemberAsync(channel.Id, cancellationToken)
                ? reply with { Blocks = [.. reply.Blocks, new ContextBlock([InviteHint])] }
                : reply;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.CommandFailed(logger, exception);
            return Reply.Error("Sorry, that command failed on PolicyBot's side.", "Try again in a minute; the error is in PolicyBot's log.");
        }
    }

    private static bool IsSubscribe(string text) => Verbs(text) is ["subscribe", ..];

    /// <summary>Whether the bot is in the channel (<c>conversations.info</c>); true when Slack cannot say, so no false alarm.</summary>
    private async Task<bool> IsMemberAsync(string channelId, CancellationToken cancellationToken)
    {
        var info = await slack.ConversationInfoAsync(channelId, cancellationToken);
        return !info.Ok || SlackJson.Object(info.Body, "channel")?["is_member"] is not System.Text.Json.Nodes.JsonValue member || !member.TryGetValue<bool>(out var isMember) || isMember;
    }

    /// <summary>The admin-only verbs: <c>sources add|remove|pause|resume</c>, <c>subscribe</c>, <c>unsubscribe</c> — read
    /// the way the command engine reads them (any white space, a leading <c>/policy</c>, full-width letters).</summary>
    public static bool IsAdminVerb(string text) => Verbs(text) switch
    {
        ["subscribe" or "unsubscribe", ..] => true,
        ["sources", "add" or "remove" or "pause" or "resume"] => true,
        _ => false,
    };

    /// <summary>The first two words, folded as the command engine folds verbs ("" for a quoted phrase).</summary>
    private static string[] Verbs(string text) =>
        [.. CommandText.Tokenize(text.Length > CommandText.MaxLength ? "" : text).Take(2).Select(t => t.Quoted ? "" : CommandText.Fold(t.Text))];

    private static partial class Log
    {
        [LoggerMessage(EventId = 6301, Level = LogLevel.Error, Message = "A Slack command failed")]
        public static partial void CommandFailed(ILogger logger, Exception exception);
    }
}
