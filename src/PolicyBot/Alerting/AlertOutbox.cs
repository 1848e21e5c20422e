using Dapper;
using PolicyBot.Chat;
using PolicyBot.Data;

namespace PolicyBot.Alerting;

/// <summary>
/// The <c>alerts</c> and <c>outbox</c> tables. Alerts and their per-channel outbox rows are written in the same
/// transaction as the history that caused them, so an alert is never lost nor written twice.
/// </summary>
public sealed class AlertOutbox(SqliteDatabase database)
{
    /// <summary>Saves an alert and one pending outbox row per route; returns the alert with its id.</summary>
    public async Task<Alert> AddAsync(DbSession session, AlertOrigin origin, Alert alert, IEnumerable<AlertRoute> routes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = await session.Connection.ExecuteScalarAsync<long>(session.Command(
            """
            INSERT INTO alerts (source_id, item_id, change_id, created_at, published_at, payload)
            VALUES (@SourceId, @ItemId, @ChangeId, @now, @publishedAt, '{}') RETURNING id
            """,
            new { origin.SourceId, origin.ItemId, origin.ChangeId, now, publishedAt = alert.PublishedAt }, cancellationToken));
        var saved = alert with { Id = id };
        await session.Connection.ExecuteAsync(session.Command(
            "UPDATE alerts SET payload = @payload WHERE id = @id",
            new { id, payload = AlertJson.Serialize(saved, AlertJson.Compact) }, cancellationToken));
        foreach (var route in routes)
        {
            await session.Connection.ExecuteAsync(session.Command(
                """
                INSERT INTO outbox (alert_id, channel, reason, order_at, next_attempt_at)
                VALUES (@id, @Channel, @Reason, @orderAt, @now) ON CONFLICT DO NOTHING
                """,
                new { id, route.Channel, route.Reason, orderAt = alert.PublishedAt ?? now, now }, cancellationToken));
        }

        return saved;
    }

    /// <summary>The newest change alert of an item created since <paramref name="since"/>, if any.</summary>
    public async Task<long?> LatestForItemAsync(DbSession session, long itemId, DateTimeOffset since, CancellationToken cancellationToken) =>
        await session.Connection.ExecuteScalarAsync<long?>(session.Command(
            "SELECT id FROM alerts WHERE item_id = @itemId AND change_id IS NOT NULL AND created_at >= @since ORDER BY id DESC LIMIT 1",
            new { itemId, since }, cancellationToken));

    /// <summary>Queues a message that is not an alert (a digest, a notice) for one channel, once per
    /// <paramref name="dedupeKey"/>; false when that key was queued before.</summary>
    public async Task<bool> AddMessageAsync(DbSession session, string channel, Reply message, string dedupeKey, DateTimeOffset now, CancellationToken cancellationToken) =>
        await session.Connection.ExecuteAsync(session.Command(
            """
            INSERT INTO outbox (message, dedupe_key, channel, order_at, next_attempt_at)
            VALUES (@json, @dedupeKey, @channel, @now, @now) ON CONFLICT DO NOTHING
            """,
            new { json = System.Text.Json.JsonSerializer.Serialize(message, AlertJson.Compact), dedupeKey, channel, now }, cancellationToken)) > 0;

    /// <summary>
    /// Changes a stored alert and queues an update to every channel that already shows it or is being sent it (a channel
    /// whose post still waits will simply send the new version). Returns the alert as revised.
    /// </summary>
    public async Task<Alert> ReviseAsync(DbSession session, long alertId, Func<Alert, Alert> revise, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var payload = await session.Connection.ExecuteScalarAsync<string>(session.Command(
            "SELECT payload FROM alerts WHERE id = @alertId", new { alertId }, cancellationToken))
            ?? throw new InvalidOperationException($"Alert {alertId} does not exist.");
        var revised = revise(AlertJson.Deserialize(payload));
        var json = AlertJson.Serialize(revised, AlertJson.Compact);
        if (json == payload)
        {
            return revised;
        }

        await session.Connection.ExecuteAsync(session.Command(
            "UPDATE alerts SET payload = @json WHERE id = @alertId", new { alertId, json }, cancellationToken));
        await session.Connection.ExecuteAsync(session.Command(
            """
            INSERT INTO outbox (alert_id, channel, reason, revision, order_at, next_attempt_at)
            SELECT p.alert_id, p.channel, p.reason, (SELECT MAX(r.revision) + 1 FROM outbox r WHERE r.alert_id = p.alert_id AND r.channel = p.channel), p.order_at, @now
            FROM outbox p
            -- the post was sent, or is being sent right now with the old version (then the update waits behind it)
            WHERE p.alert_id = @alertId AND p.revision = 0 AND (p.state = 'sent' OR (p.state = 'pending' AND p.claimed_until > @now))
              AND NOT EXISTS (SELECT 1 FROM outbox u WHERE u.alert_id = p.alert_id AND u.channel = p.channel AND u.revision > 0 AND u.state = 'pending')
            """, new { alertId, now }, cancellationToken));
        return revised;
    }

    /// <summary>
    /// Pending deliveries that are due and not claimed, per channel in publication order; nothing overtakes an earlier
    /// row of its channel that waits for a retry or is being sent. At most <paramref name="perChannel"/> rows of each
    /// channel, taken round-robin (every channel's first row before any channel's second), so a channel with a
    /// backlog never crowds the others out of a batch.
    /// </summary>
    public async Task<IReadOnlyList<OutboxEntry>> DueAsync(DateTimeOffset now, int limit, int perChannel, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<DueRow>(new CommandDefinition(
            """
            WITH due AS (
                SELECT o.*, ROW_NUMBER() OVER (PARTITION BY o.channel ORDER BY o.order_at, COALESCE(o.alert_id, 0), o.revision, o.id) AS place
                FROM outbox o
                WHERE o.state = 'pending' AND o.next_attempt_at <= @now AND (o.claimed_until IS NULL OR o.claimed_until <= @now)
                  -- an earlier row of the same channel waiting for its retry, or being sent, holds the later ones back
                  -- (two probes of small partial indexes: only rows that wait or are claimed are looked at)
                  AND NOT EXISTS (
                      SELECT 1 FROM outbox b
                      WHERE b.channel = o.channel AND b.state = 'pending' AND b.next_attempt_at > @now
                        AND (b.order_at, COALESCE(b.alert_id, 0), b.revision, b.id) < (o.order_at, COALESCE(o.alert_id, 0), o.revision, o.id))
                  AND NOT EXISTS (
                      SELECT 1 FROM outbox b
                      WHERE b.channel = o.channel AND b.state = 'pending' AND b.claimed_until > @now
                        AND (b.order_at, COALESCE(b.alert_id, 0), b.revision, b.id) < (o.order_at, COALESCE(o.alert_id, 0), o.revision, o.id)))
            SELECT d.id AS Id, d.channel AS Channel, d.attempts AS Attempts, d.revision AS Revision,
                   (SELECT p.message_id FROM outbox p WHERE p.alert_id = d.alert_id AND p.channel = d.channel AND p.revision = 0) AS PostMessageId,
                   a.payload AS Payload, d.message AS Message, d.reason AS Reason
            FROM due d LEFT JOIN alerts a ON a.id = d.alert_id
            WHERE d.place <= @perChannel
            ORDER BY d.place, d.order_at, d.channel
            LIMIT @limit
            """, new { now, limit, perChannel }, cancellationToken: cancellationToken));
        if (!rows.Any())
        {
            return [];
        }

        // channels the bot can no longer post in: their rows are dead without an attempt
        var unreachable = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT platform || ':' || external_id FROM channels WHERE active = 0", cancellationToken: cancellationToken))).ToHashSet(StringComparer.Ordinal);
        return rows.Select(r => new OutboxEntry(
            r.Id, r.Channel, r.Attempts, r.Revision, r.PostMessageId,
            r.Payload is null ? null : AlertJson.Deserialize(r.Payload),
            r.Message is null ? null : System.Text.Json.JsonSerializer.Deserialize<Reply>(r.Message, AlertJson.Compact),
            r.Reason, !unreachable.Contains(r.Channel))).ToList();
    }

    /// <summary>Takes a lease on a row for sending it; false when another dispatcher holds it or it is no longer pending.
    /// A process killed while holding the lease leaves the row to be sent again once the lease ends.</summary>
    public async Task<bool> ClaimAsync(long entryId, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE outbox SET claimed_until = @until
            WHERE id = @entryId AND state = 'pending' AND (claimed_until IS NULL OR claimed_until <= @now)
            """,
            new { entryId, now, until }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task MarkSentAsync(long entryId, string? messageId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE outbox SET state = 'sent', sent_at = @now, message_id = @messageId, attempts = attempts + 1, last_error = NULL, claimed_until = NULL
            WHERE id = @entryId;
            -- an update that had to be posted anew (the original was deleted) is what later updates must edit
            UPDATE outbox SET message_id = @messageId
            WHERE @messageId IS NOT NULL AND revision = 0
              AND (alert_id, channel) = (SELECT u.alert_id, u.channel FROM outbox u WHERE u.id = @entryId AND u.revision > 0);
            """,
            new { entryId, messageId, now }, cancellationToken: cancellationToken));
    }

    /// <summary>Records a failed attempt: retried at <paramref name="nextAttemptAt"/>, or dead when that is null.</summary>
    /// <param name="countAttempt">False for a rate limit: the row waits, but is no closer to dead.</param>
    public async Task MarkFailedAsync(long entryId, string error, DateTimeOffset? nextAttemptAt, bool countAttempt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE outbox SET attempts = attempts + @increment, last_error = @error, claimed_until = NULL,
                state = CASE WHEN @nextAttemptAt IS NULL THEN 'dead' ELSE 'pending' END,
                next_attempt_at = COALESCE(@nextAttemptAt, next_attempt_at)
            WHERE id = @entryId
            """, new { entryId, error, nextAttemptAt, increment = countAttempt ? 1 : 0 }, cancellationToken: cancellationToken));
    }

    /// <summary>Settles the pending rows of the given alerts on one channel, or on every channel when it is null.</summary>
    public async Task SettleAsync(IEnumerable<long> alertIds, string? channel, string state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE outbox SET state = @state, sent_at = CASE WHEN @state = 'sent' THEN @now ELSE sent_at END
            WHERE state = 'pending' AND alert_id IN @alertIds AND (@channel IS NULL OR channel = @channel)
            """, new { alertIds = alertIds.ToArray(), channel, state, now }, cancellationToken: cancellationToken));
    }

    /// <summary>Counts of outbox rows by state, for status and health.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountByStateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string State, int Count)>(new CommandDefinition(
            "SELECT state, COUNT(*) FROM outbox GROUP BY state", cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.State, r => r.Count);
    }

    private sealed class DueRow
    {
        public long Id { get; init; }
        public string Channel { get; init; } = "";
        public int Attempts { get; init; }
        public int Revision { get; init; }
        public string? PostMessageId { get; init; }
        public string? Payload { get; init; }
        public string? Message { get; init; }
        public string? Reason { get; init; }
    }
}
