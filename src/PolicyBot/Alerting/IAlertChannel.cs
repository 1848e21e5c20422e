namespace PolicyBot.Alerting;

/// <summary>A place alerts are delivered to: the console, Slack, Teams.</summary>
public interface IAlertChannel
{
    /// <summary>The channel's stable name, as stored in the outbox (e.g. <c>console</c>).</summary>
    string Name { get; }

    Task<DeliveryResult> SendAsync(Alert alert, CancellationToken cancellationToken);
}
