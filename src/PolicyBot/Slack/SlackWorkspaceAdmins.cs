using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace PolicyBot.Slack;

/// <summary>
/// Whether a Slack user administers the workspace (admin, owner or primary owner), from <c>users.info</c>, remembered
/// for a few minutes per user so repeated admin commands do not each wait for Slack. A failed lookup counts as
/// "not an admin" and is not remembered.
/// </summary>
public sealed class SlackWorkspaceAdmins(SlackWebApiClient slack, TimeProvider timeProvider)
{
    /// <summary>How long an answer is reused.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);

    private const int MaxCachedUsers = 10_000;
    private readonly ConcurrentDictionary<string, (bool IsAdmin, DateTimeOffset Until)> cache = new(StringComparer.Ordinal);

    public async Task<bool> IsAdminAsync(string userId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (cache.TryGetValue(userId, out var known) && known.Until > now)
        {
            return known.IsAdmin;
        }

        var result = await slack.UserInfoAsync(userId, cancellationToken);
        if (!result.Ok || result.Body?["user"] is not JsonObject user)
        {
            return false;
        }

        var isAdmin = Flag(user, "is_admin") || Flag(user, "is_owner") || Flag(user, "is_primary_owner");
        if (cache.Count >= MaxCachedUsers)
        {
            foreach (var stale in cache.Where(e => e.Value.Until <= now).Select(e => e.Key).ToList())
            {
                cache.TryRemove(stale, out _);
            }

            if (cache.Count >= MaxCachedUsers)
            {
                cache.Clear();
            }
        }

        cache[userId] = (isAdmin, now + CacheFor);
        return isAdmin;
    }

    private static bool Flag(JsonObject user, string name) => user[name] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;
}
