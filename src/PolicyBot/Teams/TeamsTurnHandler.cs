using System.Text.Json.Nodes;
using PolicyBot.Chat;
using PolicyBot.Commands;
using PolicyBot.Subscriptions;

namespace PolicyBot.Teams;

/// <summary>
/// Handles one authenticated inbound activity: remembers the conversation reference (install, bot added, any message),
/// forgets it on removal, and answers messages and card presses by running the command through the
/// <see cref="CommandEngine"/> as the sender and replying with a card. Activities Teams repeats (same id) run once.
/// </summary>
public sealed partial class TeamsTurnHandler(
    ChannelStore channels,
    SubscriptionStore subscriptions,
    CommandEngine commands,
    ConnectorClient connector,
    AdaptiveCardRenderer renderer,
    ConversationPacer pacer,
    TimeProvider timeProvider,
    ILogger<TeamsTurnHandler> logger)
{
    private const string TeamsChannelId = "msteams";

    /// <summary>Activity ids already handled: Teams re-sends an activity it thinks was not received.</summary>
    private readonly RecentIdSet seen = new(1000, TimeSpan.FromHours(1), timeProvider);

    public async Task HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (!string.Equals(activity.ChannelId, TeamsChannelId, StringComparison.OrdinalIgnoreCase))
        {
            // Another Bot Framework channel of the same bot (Web Chat is on by default): its sender ids are chosen by
            // the client, so a command from there could claim an admin's object id. PolicyBot only speaks Teams.
            Log.OtherChannel(logger, activity.ChannelId ?? "");
            return;
        }

        if (!FirstTime(activity.Id))
        {
            Log.Duplicate(logger, activity.Type ?? "");
            return;
        }

        switch (activity.Type)
        {
            case "message":
                await RememberAsync(activity, cancellationToken);
                await AnswerAsync(activity, cancellationToken);
                break;
            case "conversationUpdate":
                await OnConversationUpdateAsync(activity, cancellationToken);
                break;
            case "installationUpdate":
                if (activity.Action is "remove")
                {
                    await ForgetAsync(activity, ConversationReference.ChannelConversationId(activity), cancellationToken);
                    await ForgetTeamChannelsAsync(activity, cancellationToken);
                }
                else if (activity.Action is "add" or "add-upgrade")
                {
                    await RememberAsync(activity, cancellationToken);
                }

                break;
            default:
                Log.Ignored(logger, activity.Type ?? "");
                break;
        }
    }

    private async Task OnConversationUpdateAsync(Activity activity, CancellationToken cancellationToken)
    {
        var eventType = activity.ChannelData?.EventType;
        if (activity.IncludesBot(activity.MembersRemoved) || eventType is "teamDeleted" or "teamHardDeleted")
        {
            await ForgetAsync(activity, ConversationReference.ChannelConversationId(activity), cancellationToken);
            await ForgetTeamChannelsAsync(activity, cancellationToken);
        }
        else if (eventType is "channelDeleted")
        {
            await ForgetAsync(activity, activity.ChannelData?.Channel?.Id, cancellationToken);
        }
        else if (eventType is not ("channelCreated" or "channelRenamed" or "channelRestored"))
        {
            // Bot added (team, group or personal chat), members changed, team renamed/restored: the reference is current.
            await RememberAsync(activity, cancellationToken);
        }
    }

    private async Task RememberAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (ConversationReference.From(activity) is not { } reference)
        {
            return;
        }

        await channels.UpsertAsync(new ChatChannel(TeamsAdapter.PlatformName, reference.ConversationId, reference.ConversationName), reference.ToJson(), cancellationToken);
    }

    private async Task ForgetAsync(Activity activity, string? conversationId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(conversationId))
        {
            return;
        }

        var changed = await channels.DeactivateAsync(new ChatChannel(TeamsAdapter.PlatformName, conversationId), cancellationToken);
        Log.Forgot(logger, activity.Type ?? "", changed);
    }

    /// <summary>
    /// The bot left a team (removed, uninstalled, team deleted): every subscribed channel of that team is deactivated
    /// too, not only the General channel the event names, so no alert, digest or notice is sent there any more.
    /// </summary>
    private async Task ForgetTeamChannelsAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.ChannelData?.Team?.Id is not { Length: > 0 } teamId)
        {
            return;
        }

        foreach (var subscription in await subscriptions.ListAsync(cancellationToken))
        {
            if (subscription.Channel.Platform != TeamsAdapter.PlatformName
                || await channels.FindAsync(subscription.Channel, cancellationToken) is not { Active: true } stored
                || ConversationReference.FromJson(stored.Data) is not { } reference
                || !string.Equals(reference.TeamId, teamId, StringComparison.Ordinal))
            {
                continue;
            }

            await ForgetAsync(activity, reference.ConversationId, cancellationToken);
        }
    }

    private async Task AnswerAsync(Activity activity, CancellationToken cancellationToken)
    {
        var pressed = CardSubmissionReader.CommandText(activity.Value);
        var text = pressed ?? MentionStripper.Strip(activity);
        if (pressed is null && string.IsNullOrEmpty(activity.Text))
        {
            return; // a message with no text (a file, a card of someone else's) asks nothing
        }

        if (activity.From?.Id is not { Length: > 0 } fromId || activity.Conversation?.Id is not { Length: > 0 } conversationId || activity.ServiceUrl is null)
        {
            return;
        }

        JsonObject answer;
        if (AdminCardBuilder.IsRequest(text))
        {
            answer = AdminCardBuilder.Activity();
        }
        else
        {
            // Teams names a chat but not a channel in its messages: the name stored at install ("Team (General)") is better than an id.
            var channelId = ConversationReference.ChannelConversationId(activity)!;
            var name = activity.Conversation.Name
                ?? (await channels.FindAsync(new ChatChannel(TeamsAdapter.PlatformName, channelId), cancellationToken))?.Channel.DisplayName;
            var channel = new ChatChannel(TeamsAdapter.PlatformName, channelId, name);
            var context = new CommandContext(TeamsAdapter.PlatformName, activity.From.AadObjectId ?? fromId, activity.From.Name, channel);
            var reply = await commands.ExecuteAsync(text, context, cancellationToken);
            answer = renderer.RenderActivity(reply);
        }

        answer["from"] = new JsonObject { ["id"] = activity.Recipient?.Id, ["name"] = activity.Recipient?.Name };
        answer["recipient"] = new JsonObject { ["id"] = fromId, ["name"] = activity.From.Name };
        answer["conversation"] = new JsonObject { ["id"] = conversationId };

        if (await pacer.WaitAsync(conversationId, TeamsAdapter.MaxInlineWait, cancellationToken) is var paused && paused > TimeSpan.Zero)
        {
            Log.ReplyDropped(logger, paused);
            return; // Teams asked PolicyBot to hold off this conversation; a late answer helps no one
        }

        var result = string.IsNullOrEmpty(activity.Id)
            ? await connector.SendAsync(activity.ServiceUrl, conversationId, answer, cancellationToken)
            : await connector.ReplyAsync(activity.ServiceUrl, conversationId, activity.Id, answer, cancellationToken);
        if (!result.Succeeded)
        {
            if (result.Status == 429 && result.RetryAfter is { } retryAfter)
            {
                pacer.Pause(conversationId, retryAfter);
            }

            Log.ReplyFailed(logger, result.Error ?? "");
        }
    }

    private bool FirstTime(string? activityId) => string.IsNullOrEmpty(activityId) || seen.TryAdd(activityId);

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Ignored a repeated {Type} activity")]
        public static partial void Duplicate(ILogger logger, string type);

        [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Ignored a {Type} activity")]
        public static partial void Ignored(ILogger logger, string type);

        [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "The bot was removed ({Type}); {Count} conversation(s) deactivated")]
        public static partial void Forgot(ILogger logger, string type, int count);

        [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Could not reply in Teams: {Error}")]
        public static partial void ReplyFailed(ILogger logger, string error);

        [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Did not answer a command: Teams asked to hold off this conversation for {Wait}")]
        public static partial void ReplyDropped(ILogger logger, TimeSpan wait);

        [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Ignored an activity from the Bot Framework channel '{ChannelId}': PolicyBot answers Microsoft Teams (msteams) only")]
        public static partial void OtherChannel(ILogger logger, string channelId);
    }
}
