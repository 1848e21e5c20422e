namespace PolicyBot.Alerting;

/// <summary>Decides which channels an alert goes to. Every configured channel receives every alert for now;
/// per-channel subscriptions and filters narrow this later.</summary>
public sealed class AlertRouter(IEnumerable<IAlertChannel> channels)
{
    private readonly string[] _names = channels.Select(c => c.Name).Distinct(StringComparer.Ordinal).ToArray();

    public IReadOnlyList<string> ChannelsFor(Alert alert) => _names;
}
