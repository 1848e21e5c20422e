namespace PolicyBot.Alerting;

/// <summary>A place alerts are delivered to: the console, Slack, Teams.</summary>
public interface IAlertChannel
{
    /// <summary>The channel's stable name, as stored in the outbox (e.g. <c>console</c>).</summary>
    string Name { get; }

    Task<DeliveryResult> SendAsync(Alert alert, CancellationToken cancellationToken);

    /// <summary>Shows a revised alert where the post was: edited in place, or a follow-up in its thread.</summary>
    /// <param name="messageId">The platform's id of the post, when the channel returned one.</param>
    Task<DeliveryResult> UpdateAsync(Alert alert, string? messageId, CancellationToken cancellationToken);
}
