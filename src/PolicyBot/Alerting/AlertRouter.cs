using PolicyBot.Chat;
using PolicyBot.Data;
using PolicyBot.Subscriptions;

namespace PolicyBot.Alerting;

/// <summary>
/// Decides which channels an alert goes to: every channel whose instant subscription accepts it (actors, minimum
/// relevance, shifts only), and the console when the console adapter is on. Digest subscriptions collect alerts
/// later instead.
/// </summary>
public sealed class AlertRouter(SubscriptionStore subscriptions, IEnumerable<IChatAdapter> adapters)
{
    private readonly bool _console = adapters.Any(a => a.Platform == ConsoleChatAdapter.PlatformName);

    /// <summary>The routes for an alert, read inside the transaction that stores it.</summary>
    public async Task<IReadOnlyList<AlertRoute>> RouteAsync(DbSession session, Alert alert, CancellationToken cancellationToken)
    {
        var routes = new List<AlertRoute>();
        if (_console)
        {
            routes.Add(new AlertRoute(ConsoleChatAdapter.PlatformName, "the console shows every alert"));
        }

        foreach (var subscription in await subscriptions.ListAsync(session, cancellationToken))
        {
            if (subscription.Digest is null && subscription.Accepts(alert))
            {
                routes.Add(new AlertRoute(subscription.Channel.Key, $"this channel's subscription ({subscription.Describe()})"));
            }
        }

        return routes;
    }
}
