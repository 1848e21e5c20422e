using System.Data;
using System.Text.Json;
using Dapper;
using PolicyBot.Chat;
using PolicyBot.Data;

namespace PolicyBot.Subscriptions;

/// <summary>The <c>subscriptions</c> table: one subscription per channel, on channels the bot can still reach.</summary>
public sealed class SubscriptionStore(SqliteDatabase database, ChannelStore channels)
{
    private const string SelectSql =
        """
        SELECT s.id AS Id, c.platform AS Platform, c.external_id AS ExternalId, c.display_name AS DisplayName, s.actors AS Actors,
               s.min_relevance AS MinRelevance, s.shifts_only AS ShiftsOnly, s.mode AS Mode, s.digest_time AS DigestTime,
               s.digest_day AS DigestDay, s.time_zone AS TimeZone, s.notices AS Notices, s.created_by AS CreatedBy,
               s.created_at AS CreatedAt, s.last_digest_at AS LastDigestAt
        FROM subscriptions s JOIN channels c ON c.id = s.channel_id
        WHERE c.active = 1
        """;

    /// <summary>Saves the channel's subscription, replacing any it had (and recording the channel); returns it with its id.</summary>
    public async Task<Subscription> SaveAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        await using var session = await database.BeginAsync(cancellationToken);
        var channelId = await channels.UpsertAsync(session, subscription.Channel, null, subscription.CreatedAt, cancellationToken);
        var digest = subscription.Digest;
        var id = await session.Connection.ExecuteScalarAsync<long>(session.Command(
            """
            INSERT INTO subscriptions (channel_id, actors, min_relevance, shifts_only, mode, digest_time, digest_day, time_zone, notices, created_by, created_at)
            VALUES (@channelId, @actors, @MinRelevance, @ShiftsOnly, @mode, @time, @day, @zone, @Notices, @CreatedBy, @CreatedAt)
            ON CONFLICT (channel_id) DO UPDATE SET
                actors = excluded.actors, min_relevance = excluded.min_relevance, shifts_only = excluded.shifts_only,
                mode = excluded.mode, digest_time = excluded.digest_time, digest_day = excluded.digest_day,
                time_zone = excluded.time_zone, notices = excluded.notices, created_by = excluded.created_by,
                created_at = excluded.created_at,
                -- a digest continues where the last one ended; a channel that had instant alerts starts its digests now
                last_digest_at = CASE WHEN subscriptions.mode = 'instant' THEN excluded.created_at ELSE subscriptions.last_digest_at END
            RETURNING id
            """,
            new
            {
                channelId,
                actors = JsonSerializer.Serialize(subscription.Actors),
                subscription.MinRelevance,
                subscription.ShiftsOnly,
                mode = digest is null ? "instant" : digest.Frequency == DigestFrequency.Daily ? "daily" : "weekly",
                time = digest?.At.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                day = digest is { Frequency: DigestFrequency.Weekly } ? digest.Day.ToString().ToLowerInvariant() : null,
                zone = digest?.TimeZone,
                subscription.Notices,
                subscription.CreatedBy,
                subscription.CreatedAt,
            }, cancellationToken));
        await session.CommitAsync(cancellationToken);
        return (await FindAsync(id, cancellationToken)) ?? subscription with { Id = id };
    }

    /// <summary>Removes the channel's subscription; false when it had none.</summary>
    public async Task<bool> RemoveAsync(ChatChannel channel, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM subscriptions WHERE channel_id = (SELECT id FROM channels WHERE platform = @Platform AND external_id = @Id)",
            new { channel.Platform, channel.Id }, cancellationToken: cancellationToken)) > 0;
    }

    public async Task<Subscription?> FindAsync(ChatChannel channel, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            SelectSql + " AND c.platform = @Platform AND c.external_id = @Id", new { channel.Platform, channel.Id }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToSubscription()).SingleOrDefault();
    }

    public async Task<Subscription?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(SelectSql + " AND s.id = @id", new { id }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToSubscription()).SingleOrDefault();
    }

    /// <summary>Every subscription of a reachable channel.</summary>
    public async Task<IReadOnlyList<Subscription>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ListAsync(connection, null, cancellationToken);
    }

    /// <summary>Every subscription of a reachable channel, read inside a running transaction (routing).</summary>
    public Task<IReadOnlyList<Subscription>> ListAsync(DbSession session, CancellationToken cancellationToken) =>
        ListAsync(session.Connection, session.Transaction, cancellationToken);

    /// <summary>Records that a digest covered the period up to <paramref name="periodEnd"/>.</summary>
    public async Task MarkDigestSentAsync(DbSession session, long subscriptionId, DateTimeOffset periodEnd, CancellationToken cancellationToken) =>
        await session.Connection.ExecuteAsync(session.Command(
            "UPDATE subscriptions SET last_digest_at = @periodEnd WHERE id = @subscriptionId", new { subscriptionId, periodEnd }, cancellationToken));

    private static async Task<IReadOnlyList<Subscription>> ListAsync(IDbConnection connection, IDbTransaction? transaction, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(SelectSql + " ORDER BY s.id", transaction: transaction, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToSubscription()).ToList();
    }

    private sealed class Row
    {
        public long Id { get; init; }
        public string Platform { get; init; } = "";
        public string ExternalId { get; init; } = "";
        public string? DisplayName { get; init; }
        public string Actors { get; init; } = "[]";
        public double MinRelevance { get; init; }
        public bool ShiftsOnly { get; init; }
        public string Mode { get; init; } = "instant";
        public string? DigestTime { get; init; }
        public string? DigestDay { get; init; }
        public string? TimeZone { get; init; }
        public bool Notices { get; init; }
        public string CreatedBy { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? LastDigestAt { get; init; }

        public Subscription ToSubscription() => new()
        {
            Id = Id,
            Channel = new ChatChannel(Platform, ExternalId, DisplayName),
            Actors = JsonSerializer.Deserialize<string[]>(Actors) ?? [],
            MinRelevance = MinRelevance,
            ShiftsOnly = ShiftsOnly,
            Digest = Mode == "instant" ? null : new DigestSchedule(
                Mode == "daily" ? DigestFrequency.Daily : DigestFrequency.Weekly,
                TimeOnly.ParseExact(DigestTime ?? "09:00", "HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                TimeZone ?? "UTC",
                DigestDay is null ? DayOfWeek.Monday : Enum.Parse<DayOfWeek>(DigestDay, ignoreCase: true)),
            Notices = Notices,
            CreatedBy = CreatedBy,
            CreatedAt = CreatedAt,
            LastDigestAt = LastDigestAt,
        };
    }
}
