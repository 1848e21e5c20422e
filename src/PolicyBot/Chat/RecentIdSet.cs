namespace PolicyBot.Chat;

/// <summary>
/// A bounded, in-memory set of recently seen ids (Slack event ids and request signatures, Teams activity ids), each forgotten after
/// <paramref name="keepFor"/>; when full, the oldest is forgotten first. Lost on restart, by design: it guards against
/// platforms' retries and replays within minutes, not forever.
/// </summary>
public sealed class RecentIdSet(int capacity, TimeSpan keepFor, TimeProvider timeProvider)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, DateTimeOffset> seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Id, DateTimeOffset At)> order = new();

    /// <summary>Records <paramref name="id"/>; false when it was already seen within the time kept.</summary>
    public bool TryAdd(string id)
    {
        var now = timeProvider.GetUtcNow();
        lock (gate)
        {
            while (order.TryPeek(out var oldest) && (oldest.At + keepFor <= now || order.Count >= capacity))
            {
                order.Dequeue();
                if (seen.TryGetValue(oldest.Id, out var at) && at == oldest.At)
                {
                    seen.Remove(oldest.Id);
                }
            }

            if (seen.ContainsKey(id))
            {
                return false;
            }

            seen[id] = now;
            order.Enqueue((id, now));
            return true;
        }
    }

    /// <summary>Forgets <paramref name="id"/> (its handling failed, so a retry must not be dropped).</summary>
    public void Forget(string id)
    {
        lock (gate)
        {
            seen.Remove(id);
        }
    }
}
