using Dapper;
using Microsoft.Data.Sqlite;
using PolicyBot.Alerting;
using PolicyBot.Data;
using PolicyBot.Positions;

namespace PolicyBot.Commands;

/// <summary>
/// Read-only queries behind <c>/policy &lt;actor&gt;</c>, <c>latest</c> and <c>search</c>, each served by an index:
/// <c>ix_statements_actor</c>, <c>ix_statements_speaker</c>, <c>ix_statements_stated</c>, <c>ix_positions_actor</c>
/// and the <c>statements_fts</c> full-text index. Work per query is bounded, however many statements are stored.
/// </summary>
public sealed class StatementQueryStore(SqliteDatabase database, PositionStore positions)
{
    /// <summary>Marks the start of a search hit in a snippet.</summary>
    public const char HitStart = '\u0002';

    /// <summary>Marks the end of a search hit in a snippet.</summary>
    public const char HitEnd = '\u0003';

    /// <summary>Up to this many matches a search ranks by bm25; beyond it, among the most recent this-many (see <see cref="SearchAsync"/>).</summary>
    public const int SearchWindow = 2000;

    /// <summary>The search window in force (<see cref="SearchWindow"/>; tests make it small).</summary>
    internal int Window { get; init; } = SearchWindow;

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
    /// Statements containing every term (FTS5 strings from <see cref="SearchExpression.Terms"/>), best first, each with a
    /// snippet of its best-matching column. When fewer than <see cref="SearchWindow"/> statements match, they are
    /// ranked by bm25 (title weighs most, then quotes, actor and speaker, then the summary). Beyond that, bm25 would
    /// cost a pass over every match (its term weights count them all), so the most recently stored
    /// <see cref="SearchWindow"/> matches are ranked instead: those with every term in the title first, then the
    /// rest, newest first.
    /// </summary>
    public async Task<IReadOnlyList<StatementEntry>> SearchAsync(IReadOnlyList<string> terms, int limit, CancellationToken cancellationToken)
    {
        if (terms.Count == 0)
        {
            return [];
        }

        var match = string.Join(' ', terms);
        await using var connection = await database.OpenAsync(cancellationToken);
        var oldest = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT rowid FROM statements_fts WHERE statements_fts MATCH @match ORDER BY rowid DESC LIMIT 1 OFFSET @skip",
            new { match, skip = Window - 1 }, cancellationToken: cancellationToken));
        List<long> best;
        if (oldest is null)
        {
            best = await IdsAsync(connection, "ORDER BY bm25(statements_fts, 4.0, 1.0, 2.0, 2.0, 2.0), rowid DESC", match, 0, limit, cancellationToken);
        }
        else
        {
            best = await IdsAsync(connection, "ORDER BY rowid DESC", SearchExpression.InColumn(terms, "title"), oldest.Value, limit, cancellationToken);
            if (best.Count < limit)
            {
                var rest = await IdsAsync(connection, "ORDER BY rowid DESC", match, oldest.Value, limit * 2, cancellationToken);
                best.AddRange(rest.Where(id => !best.Contains(id)).Take(limit - best.Count));
            }
        }

        if (best.Count == 0)
        {
            return [];
        }

        // snippets only for the hits shown: in a ranked query SQLite would make one for every match before sorting
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
        var periods = new List<StancePeriod>();
        foreach (var position in (await positions.HistoryAsync(actor, TimelineWindow, cancellationToken)).Reverse())
        {
            if (periods.Count == 0 || periods[^1].Stance != position.Stance)
            {
                periods.Add(new StancePeriod(position.Stance, position.StatedAt));
            }
        }

        return periods;
    }

    private static async Task<List<long>> IdsAsync(SqliteConnection connection, string orderBy, string match, long oldest, int limit, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<long>(new CommandDefinition(
            $"SELECT rowid FROM statements_fts WHERE statements_fts MATCH @match AND rowid >= @oldest {orderBy} LIMIT @limit",
            new { match, oldest, limit }, cancellationToken: cancellationToken))).ToList();

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
