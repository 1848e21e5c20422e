using PolicyBot.Alerting;
using PolicyBot.Chat;

namespace PolicyBot.Slack;

/// <summary>
/// Delivers alerts, digests and notices to Slack channels: <c>chat.postMessage</c> (the message id is the <c>ts</c>),
/// updates with <c>chat.update</c> plus a short follow-up in the thread, or the whole update in the thread when the
/// original cannot be edited. Slack's answers become <see cref="DeliveryResult"/>s; a channel the bot lost, or a
/// revoked token, also marks the channel(s) inactive.
/// </summary>
public sealed partial class SlackAdapter(
    SlackWebApiClient slack,
    BlockKitRenderer renderer,
    ChannelStore channels,
    ILogger<SlackAdapter> logger) : IChatAdapter
{
    public const string PlatformName = "slack";

    private static readonly HashSet<string> NotEditable = new(StringComparer.Ordinal) { "message_not_found", "cant_update_message", "edit_window_closed" };

    public string Platform => PlatformName;

    public async Task<DeliveryResult> PostAsync(ChatChannel channel, OutboundMessage message, CancellationToken cancellationToken)
    {
        var result = await slack.PostMessageAsync(channel.Id, renderer.Render(message.Content), null, cancellationToken);
        return await OutcomeAsync(channel, result, result.Get("ts"), cancellationToken);
    }

    public async Task<DeliveryResult> UpdateAsync(ChatChannel channel, string? messageId, OutboundMessage message, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(messageId))
        {
            return await PostAsync(channel, message, cancellationToken);
        }

        var rendered = renderer.Render(message.Content);
        var update = await slack.UpdateMessageAsync(channel.Id, messageId, rendered, cancellationToken);
        if (update.Ok)
        {
            var note = new SlackMessage([], SlackText.EscapeAndTruncate(NoteText(message.Content.Summary), BlockKitRenderer.MaxSectionText));
            var followUp = await slack.PostMessageAsync(channel.Id, note, messageId, cancellationToken);
            if (!followUp.Ok)
            {
                Log.FollowUpFailed(logger, channel.Id, followUp.Error!);
            }

            return DeliveryResult.Success(messageId);
        }

        if (update.Error is { } error && NotEditable.Contains(error))
        {
            Log.PostingInThread(logger, channel.Id, error);
            var threaded = await slack.PostMessageAsync(channel.Id, rendered, messageId, cancellationToken);
            return await OutcomeAsync(channel, threaded, messageId, cancellationToken);
        }

        return await OutcomeAsync(channel, update, messageId, cancellationToken);
    }

    /// <summary>The thread note for an update: the summary, prefixed with "Updated:" unless it already says it is one
    /// (revised alerts' summaries start "Update: …" or "Updated: …").</summary>
    private static string NoteText(string summary)
    {
        var text = SlackText.Clean(summary);
        return text.StartsWith("Update", StringComparison.OrdinalIgnoreCase) ? text : SlackText.Clean("Updated: " + text);
    }

    private async Task<DeliveryResult> OutcomeAsync(ChatChannel channel, SlackApiResult result, string? messageId, CancellationToken cancellationToken)
    {
        if (result.Ok)
        {
            return DeliveryResult.Success(messageId);
        }

        var error = result.Error!;
        if (result.IsChannelGone)
        {
            Log.ChannelGone(logger, channel.Id, error);
            await channels.DeactivateAsync(new ChatChannel(PlatformName, channel.Id), cancellationToken);
        }
        else if (result.IsAuthGone)
        {
            // not retried, but channels stay subscribed: a token fixed in configuration must not find them all gone
            // (app_uninstalled and tokens_revoked events are what switch Slack off)
            Log.AuthGone(logger, error);
        }

        return DeliveryResult.Failure($"slack: {error}", result.Retryable, result.RetryAfter);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 6101, Level = LogLevel.Warning, Message = "Slack channel {Channel} can no longer be posted to ({Error}); marked inactive")]
        public static partial void ChannelGone(ILogger logger, string channel, string error);

        [LoggerMessage(EventId = 6102, Level = LogLevel.Error, Message = "Slack rejected the bot token ({Error}); nothing can be delivered to Slack until the token is fixed")]
        public static partial void AuthGone(ILogger logger, string error);

        [LoggerMessage(EventId = 6103, Level = LogLevel.Information, Message = "Slack message in {Channel} cannot be edited ({Error}); posting the update in its thread")]
        public static partial void PostingInThread(ILogger logger, string channel, string error);

        [LoggerMessage(EventId = 6104, Level = LogLevel.Warning, Message = "Slack update follow-up in {Channel} failed: {Error}")]
        public static partial void FollowUpFailed(ILogger logger, string channel, string error);
    }
}
