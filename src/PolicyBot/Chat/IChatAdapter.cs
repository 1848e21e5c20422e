namespace PolicyBot.Chat;

/// <summary>
/// A chat platform the dispatcher delivers through: the console, Slack, Teams. It renders a message for its
/// platform, sends it, and reports the outcome — never throwing for an outcome the platform reported
/// (rate limits, a channel gone, revoked auth are <see cref="Alerting.DeliveryResult"/>s).
/// </summary>
public interface IChatAdapter
{
    /// <summary>The <see cref="ChatChannel.Platform"/> this adapter serves.</summary>
    string Platform { get; }

    /// <summary>Posts a message to a channel; on success the result carries the platform's message id.</summary>
    Task<Alerting.DeliveryResult> PostAsync(ChatChannel channel, OutboundMessage message, CancellationToken cancellationToken);

    /// <summary>Shows a revised version where the earlier post was: edited in place, or a follow-up in its thread where
    /// editing is not possible.</summary>
    /// <param name="messageId">The id <see cref="PostAsync"/> returned for the earlier post; null when it returned none.</param>
    Task<Alerting.DeliveryResult> UpdateAsync(ChatChannel channel, string? messageId, OutboundMessage message, CancellationToken cancellationToken);
}
