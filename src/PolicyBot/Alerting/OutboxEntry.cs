using PolicyBot.Chat;

namespace PolicyBot.Alerting;

/// <summary>One pending delivery to a channel: an alert's post (revision 0) or a later update of it, or a message that
/// is not an alert (a digest, a notice).</summary>
/// <param name="PostMessageId">The platform's id of the channel's post, which an update edits or threads under.</param>
/// <param name="Reason">Why the channel gets it, for "why you got this".</param>
/// <param name="ChannelActive">False when the bot can no longer post in the channel (removed, archived, uninstalled).</param>
public sealed record OutboxEntry(
    long Id, string Channel, int Attempts, int Revision, string? PostMessageId, Alert? Alert, Reply? Message, string? Reason, bool ChannelActive)
{
    /// <summary>What the adapter renders.</summary>
    public OutboundMessage ToOutboundMessage() => Alert is { } alert
        ? new OutboundMessage(AlertMessage.Build(alert, Reason, Revision), alert, Revision)
        : new OutboundMessage(Message ?? throw new InvalidOperationException($"Outbox row {Id} has neither an alert nor a message."));
}
