using Dapper;
using PolicyBot.Data;

namespace PolicyBot.Positions;

/// <summary>The <c>positions</c> table: each actor's stated stances toward openly releasing AI models, over time.</summary>
public sealed class PositionStore(SqliteDatabase database)
{
    /// <summary>The actor's latest position stated before <paramref name="before"/>, if any.</summary>
    public Task<Position?> LastBeforeAsync(DbSession session, string actor, DateTimeOffset before, CancellationToken cancellationToken) =>
        session.Connection.QueryFirstOrDefaultAsync<Position?>(session.Command(
            """
            SELECT actor AS Actor, stance AS Stance, stated_at AS StatedAt, source AS Source FROM positions
            WHERE actor = @actor COLLATE NOCASE AND stated_at < @before ORDER BY stated_at DESC, id DESC LIMIT 1
            """, new { actor, before }, cancellationToken));

    public Task RecordAsync(DbSession session, Position position, long? statementId, CancellationToken cancellationToken) =>
        session.Connection.ExecuteAsync(session.Command(
            "INSERT INTO positions (actor, stance, statement_id, stated_at, source) VALUES (@Actor, @Stance, @statementId, @StatedAt, @Source)",
            new { position.Actor, position.Stance, statementId, position.StatedAt, position.Source }, cancellationToken));

    /// <summary>Adds the bundled known positions that are not stored yet; returns how many were added.</summary>
    public async Task<int> SeedAsync(IEnumerable<Position> known, CancellationToken cancellationToken)
    {
        await using var session = await database.BeginAsync(cancellationToken);
        var added = 0;
        foreach (var position in known)
        {
            added += await session.Connection.ExecuteAsync(session.Command(
                """
                INSERT INTO positions (actor, stance, stated_at, source)
                SELECT @Actor, @Stance, @StatedAt, @Source
                WHERE NOT EXISTS (SELECT 1 FROM positions WHERE actor = @Actor AND source = @Source)
                """, position, cancellationToken));
        }

        await session.CommitAsync(cancellationToken);
        return added;
    }

    /// <summary>An actor's positions, newest first, for timelines.</summary>
    /// <param name="actor">The actor as the catalogue spells it (an index search: exact match).</param>
    /// <param name="limit">The newest positions to read.</param>
    public async Task<IReadOnlyList<Position>> HistoryAsync(string actor, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Position>(new CommandDefinition(
            "SELECT actor AS Actor, stance AS Stance, stated_at AS StatedAt, source AS Source FROM positions WHERE actor = @actor ORDER BY stated_at DESC, id DESC LIMIT @limit",
            new { actor, limit }, cancellationToken: cancellationToken));
        return rows.ToList();
    }
}
