using Dapper;
using PolicyBot.Alerting;
using PolicyBot.Data;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Alerting;

/// <summary>Stores alerts through the real <see cref="AlertOutbox"/>, each with its own source and item, routed to the given channels.</summary>
public static class OutboxSeed
{
    public static async Task<Alert> EnqueueAsync(TestServices services, string title, DateTimeOffset publishedAt, params string[] channels) =>
        await EnqueueAsync(services, new Alert { Kind = "new", Title = title, Url = "https://example.org/" + Uri.EscapeDataString(title), Source = "s", PublishedAt = publishedAt }, channels);

    public static async Task<Alert> EnqueueAsync(TestServices services, Alert alert, params string[] channels)
    {
        var database = services.Get<SqliteDatabase>();
        await using var session = await database.BeginAsync(CancellationToken.None);
        var now = services.Clock.GetUtcNow();
        var sourceId = await session.Connection.ExecuteScalarAsync<long>(session.Command(
            "INSERT INTO sources (name, url, kind, created_at, next_check_at) VALUES (@title, @url, 'feed', @now, @now) RETURNING id",
            new { title = alert.Title, url = "https://example.org/" + Guid.NewGuid(), now }, CancellationToken.None));
        var itemId = await session.Connection.ExecuteScalarAsync<long>(session.Command(
            "INSERT INTO items (source_id, guid, fingerprint, text, first_seen_at, last_changed_at) VALUES (@sourceId, 'g', 'f', 't', @now, @now) RETURNING id",
            new { sourceId, now }, CancellationToken.None));
        var routes = (channels.Length == 0 ? ["test"] : channels).Select(c => new AlertRoute(c, "test subscription"));
        var saved = await services.Get<AlertOutbox>().AddAsync(session, new AlertOrigin(sourceId, itemId, null), alert, routes, now, CancellationToken.None);
        await session.CommitAsync(CancellationToken.None);
        return saved;
    }

    /// <summary>Waits (bounded) until a condition holds, for code running on another task.</summary>
    public static async Task<bool> WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        return condition();
    }
}
