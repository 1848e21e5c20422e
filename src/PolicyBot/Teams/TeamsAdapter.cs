using PolicyBot.Alerting;
using PolicyBot.Chat;

namespace PolicyBot.Teams;

/// <summary>
/// Delivers messages (alerts, digests, notices) to Teams conversations proactively: the conversation reference
/// stored for the channel gives the service URL; the content goes as one Adaptive Card through the Connector.
/// Updates replace the earlier card in place. Conversations the bot lost (403/404) are deactivated; 429 and 5xx
/// are retryable. Sends are paced per conversation: a short wait is waited out, a 429 pause is reported as retryable.
/// </summary>
public sealed partial class TeamsAdapter(
    ChannelStore channels,
    ConnectorClient connector,
    AdaptiveCardRenderer renderer,
    ConversationPacer pacer,
    ILogger<TeamsAdapter> logger) : IChatAdapter
{
    public const string PlatformName = "teams";

    /// <summary>A pacing wait up to this long is waited out; a longer one (a 429 pause) is reported as retryable.</summary>
    public static readonly TimeSpan MaxInlineWait = TimeSpan.FromSeconds(5);

    public string Platform => PlatformName;

    public async Task<DeliveryResult> PostAsync(ChatChannel channel, OutboundMessage message, CancellationToken cancellationToken)
    {
        var (reference, refusal) = await ReferenceAsync(channel, cancellationToken);
        if (reference is null)
        {
            return refusal!;
        }

        if (await PaceAsync(reference, cancellationToken) is { } paced)
        {
            return paced;
        }

        var result = await connector.SendAsync(reference.ServiceUrl, reference.ConversationId, renderer.RenderActivity(message.Content), cancellationToken);
        return await ToDeliveryAsync(channel, reference, result, cancellationToken);
    }

    public async Task<DeliveryResult> UpdateAsync(ChatChannel channel, string? messageId, OutboundMessage message, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(messageId))
        {
            return await PostAsync(channel, message, cancellationToken);
        }

        var (reference, refusal) = await ReferenceAsync(channel, cancellationToken);
        if (reference is null)
        {
            return refusal!;
        }

        if (await PaceAsync(reference, cancellationToken) is { } paced)
        {
            return paced;
        }

        var result = await connector.UpdateAsync(reference.ServiceUrl, reference.ConversationId, messageId, renderer.RenderActivity(message.Content), cancellationToken);
        if (result.Status == 404)
        {
            // The earlier card is gone (deleted, or too old to edit): post the revision as a new message.
            Log.UpdateFellBack(logger, channel.Key);
            return await PostAsync(channel, message, cancellationToken);
        }

        var delivery = await ToDeliveryAsync(channel, reference, result, cancellationToken);
        return delivery.Delivered ? DeliveryResult.Success(messageId) : delivery;
    }

    private async Task<(ConversationReference? Reference, DeliveryResult? Refusal)> ReferenceAsync(ChatChannel channel, CancellationToken cancellationToken)
    {
        if (channel.Platform != PlatformName)
        {
            return (null, DeliveryResult.Failure($"{channel.Key} is not a Teams channel", retryable: false));
        }

        var stored = await channels.FindAsync(channel, cancellationToken);
        if (stored is null || !stored.Active)
        {
            return (null, DeliveryResult.Failure("the bot is not installed in this Teams conversation", retryable: false));
        }

        var reference = ConversationReference.FromJson(stored.Data);
        return reference is null
            ? (null, DeliveryResult.Failure("no conversation reference is stored for this Teams conversation", retryable: false))
            : (reference, null);
    }

    private async Task<DeliveryResult?> PaceAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        var wait = await pacer.WaitAsync(reference.ConversationId, MaxInlineWait, cancellationToken);
        return wait > TimeSpan.Zero ? DeliveryResult.Failure("paced: Teams asked PolicyBot to slow down in this conversation", retryable: true, wait) : null;
    }

    private async Task<DeliveryResult> ToDeliveryAsync(ChatChannel channel, ConversationReference reference, ConnectorResult result, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            return DeliveryResult.Success(result.ActivityId);
        }

        if (result.Status == 429 && result.RetryAfter is { } retryAfter)
        {
            pacer.Pause(reference.ConversationId, retryAfter);
        }

        if (result.ConversationGone)
        {
            await channels.DeactivateAsync(channel, cancellationToken);
            Log.Deactivated(logger, channel.Key, result.Status);
        }

        return DeliveryResult.Failure(result.Error ?? "delivery failed", result.Retryable, result.RetryAfter);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Teams conversation {Channel} answered {Status}: the bot lost it; deactivated")]
        public static partial void Deactivated(ILogger logger, string channel, int status);

        [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "The earlier card in {Channel} is gone; posting the update as a new message")]
        public static partial void UpdateFellBack(ILogger logger, string channel);
    }
}
