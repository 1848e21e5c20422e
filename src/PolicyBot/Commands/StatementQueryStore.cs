using Dapper;
using PolicyBot.Alerting;
using PolicyBot.Data;

namespace PolicyBot.Commands;

/// <summary>
/// Read-only queries behind <c>/policy &lt;actor&gt;</c>, <c>latest</c> and <c>search</c>, each served by an index:
/// <c>ix_statements_actor</c>, <c>ix_statements_speaker</c>, <c>ix_statements_stated</c>, <c>ix_positions_actor</c>
/// and the <c>statements_fts</c> full-text index. Work per query is bounded, however many statements are stored.
/// </summary>
public sealed class StatementQueryStore(SqliteDatabase database)
{
    /// <summary>Marks the start of a search hit in a snippet.</summary>
    public const char HitStart = '\u0002';

    /// <summary>Marks the end of a search hit in a snippet.</summary>
    public const char HitEnd = '\u0003';

    /// <summary>
    /// A search ranks (bm25) at most this many matching statements: the most recently stored ones. A word found in
    /// half a million statements would otherwise cost a ranking pass over all of them.
    /// </summary>
    public const int SearchWindow = 2000;

    /// <summary>Positions read for a timeline, newest first: enough for the shifts anyone reads in a chat reply.</summary>
    public const int TimelineWindow = 500;

    private const string Select =
        """
        SELECT s.id AS Id, s.actor AS Actor, s.speaker AS Speaker, s.stance AS Stance, s.stated_at AS StatedAt, a.payload AS Payload
        FROM statements s JOIN alerts a ON a.id = s.alert_id
        """;

    /// <summary>The organisation's statements, newest first (the actor as the catalogue spells it).</summary>
    public Task<IReadOnlyList<StatementEntry>> ByActorAsync(string actor, int limit, CancellationToken cancellationToken) =>
        QueryAsync(Select + " WHERE s.actor = @actor ORDER BY s.stated_at DESC LIMIT @limit", new { actor, limit }, cancellationToken);

    /// <summary>Statements whose lead quote is the person's, newest first.</summary>
    public Task<IReadOnlyList<StatementEntry>> BySpeakerAsync(string speaker, int limit, CancellationToken cancellationToken) =>
        QueryAsync(Select + " WHERE s.speaker = @speaker COLLATE NOCASE ORDER BY s.stated_at DESC LIMIT @limit", new { speaker, limit }, cancellationToken);

    /// <summary>The newest statements of anyone.</summary>
    public Task<IReadOnlyList<StatementEntry>> LatestAsync(int limit, CancellationToken cancellationToken) =>
        QueryAsync(Select + " ORDER BY s.stated_at DESC LIMIT @limit", new { limit }, cancellationToken);

    /// <summary>
    /// Statements matching an FTS5 expression (see <see cref="SearchExpression"/>), best first by bm25 (title weighs
    /// most, then quotes, actor and speaker, then the summary) among the <see cref="SearchWindow"/> most recently
    /// stored matches, each with a snippet of its best-matching column.
    /// </summary>
    public async Task<IReadOnlyList<StatementEntry>> SearchAsync(string match, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var oldest = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT rowid FROM statements_fts WHERE statements_fts MATCH @match ORDER BY rowid DESC LIMIT 1 OFFSET @skip",
            new { match, skip = SearchWindow - 1 }, cancellationToken: cancellationToken)) ?? 0;

        // rank first, then make snippets for the few shown: SQLite would otherwise compute a snippet for every match
        var best = (await connection.QueryAsync<long>(new CommandDefinition(
            """
            SELECT rowid FROM statements_fts
            WHERE statements_fts MATCH @match AND rowid >= @oldest
            ORDER BY bm25(statements_fts, 4.0, 1.0, 2.0, 2.0, 2.0), rowid DESC
            LIMIT @limit
            """, new { match, oldest, limit }, cancellationToken: cancellationToken))).ToList();
        if (best.Count == 0)
        {
            return [];
        }

        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT s.id AS Id, s.actor AS Actor, s.speaker AS Speaker, s.stance AS Stance, s.stated_at AS StatedAt, a.payload AS Payload,
                   snippet(statements_fts, -1, char({(int)HitStart}), char({(int)HitEnd}), '…', 24) AS Snippet
            FROM statements_fts
            JOIN statements s ON s.id = statements_fts.rowid
            JOIN alerts a ON a.id = s.alert_id
            WHERE statements_fts MATCH @match AND statements_fts.rowid IN @best
            """, new { match, best }, cancellationToken: cancellationToken));
        var order = best.Select((id, rank) => (id, rank)).ToDictionary(p => p.id, p => p.rank);
        return rows.OrderBy(r => order[r.Id]).Select(r => r.ToEntry()).ToList();
    }

    /// <summary>
    /// The actor's stance over time, oldest first: each run of the same stance once, dated by its first statement,
    /// from the <see cref="TimelineWindow"/> latest positions.
    /// </summary>
    public async Task<IReadOnlyList<StancePeriod>> TimelineAsync(string actor, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Stance, DateTimeOffset StatedAt)>(new CommandDefinition(
            "SELECT stance, stated_at FROM positions WHERE actor = @actor ORDER BY stated_at DESC, id DESC LIMIT @window",
            new { actor, window = TimelineWindow }, cancellationToken: cancellationToken));
        var periods = new List<StancePeriod>();
        foreach (var (stance, statedAt) in rows.Reverse())
        {
            if (periods.Count == 0 || periods[^1].Stance != stance)
            {
                periods.Add(new StancePeriod(stance, statedAt));
            }
        }

        return periods;
    }

    private async Task<IReadOnlyList<StatementEntry>> QueryAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToEntry()).ToList();
    }

    private sealed class Row
    {
        public long Id { get; init; }
        public string? Actor { get; init; }
        public string? Speaker { get; init; }
        public string Stance { get; init; } = "neutral";
        public DateTimeOffset StatedAt { get; init; }
        public string Payload { get; init; } = "{}";
        public string? Snippet { get; init; }

        public StatementEntry ToEntry() => new(Id, Actor, Speaker, Stance, StatedAt, AlertJson.Deserialize(Payload), Snippet);
    }
}
