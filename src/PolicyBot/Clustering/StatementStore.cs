using System.Collections.Concurrent;
using System.Text.Json;
using Dapper;
using PolicyBot.Data;

namespace PolicyBot.Clustering;

/// <summary>The <c>statements</c> and <c>statement_reports</c> tables: one row per statement, one per outlet reporting it.</summary>
public sealed class StatementStore
{
    // Signatures never change once stored, so each is read and parsed once per process, not once per alert.
    private readonly ConcurrentDictionary<long, StoredStatement> _parsed = new();

    /// <summary>Statements reported since <paramref name="since"/>, read inside the poll's transaction.</summary>
    public async Task<IReadOnlyList<StoredStatement>> RecentAsync(DbSession session, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var ids = (await session.Connection.QueryAsync<long>(session.Command(
            """
            SELECT s.id FROM statements s JOIN alerts a ON a.id = s.alert_id
            WHERE s.updated_at >= @since AND a.change_id IS NULL -- a watched page's change is never another outlet's report
            ORDER BY s.id
            """, new { since }, cancellationToken))).ToList();
        if (_parsed.Count > ids.Count)
        {
            // statements that left the window are never asked for again
            var current = ids.ToHashSet();
            foreach (var stale in _parsed.Keys.Where(id => !current.Contains(id)))
            {
                _parsed.TryRemove(stale, out _);
            }
        }

        var missing = ids.Where(id => !_parsed.ContainsKey(id)).ToArray();
        if (missing.Length > 0)
        {
            var rows = await session.Connection.QueryAsync<(long Id, long AlertId, string? Actor, string? Speaker, string Stance, DateTimeOffset StatedAt, string Signature)>(session.Command(
                "SELECT id, alert_id, actor, speaker, stance, stated_at, signature FROM statements WHERE id IN @missing",
                new { missing }, cancellationToken));
            foreach (var r in rows)
            {
                var stored = JsonSerializer.Deserialize<SignatureJson>(r.Signature)!;
                var signature = new StatementSignature(r.Actor, r.Speaker, r.Stance, r.StatedAt, stored.Shingles, stored.Quotes, stored.Terms);
                _parsed[r.Id] = new StoredStatement(r.Id, r.AlertId, signature);
            }
        }

        return ids.Select(id => _parsed.TryGetValue(id, out var statement) ? statement : null).OfType<StoredStatement>().ToList();
    }

    public Task<long> CreateAsync(DbSession session, long alertId, StatementSignature signature, DateTimeOffset now, CancellationToken cancellationToken) =>
        session.Connection.ExecuteScalarAsync<long>(session.Command(
            """
            INSERT INTO statements (alert_id, actor, speaker, stance, stated_at, signature, created_at, updated_at)
            VALUES (@alertId, @Actor, @Speaker, @Stance, @At, @json, @now, @now) RETURNING id
            """,
            new
            {
                alertId,
                signature.Actor,
                signature.Speaker,
                signature.Stance,
                signature.At,
                json = JsonSerializer.Serialize(new SignatureJson(signature.Shingles, signature.Quotes, signature.Terms)),
                now,
            },
            cancellationToken));

    /// <summary>Adds an outlet's report; returns false when that item was already a report of the statement.</summary>
    public async Task<bool> AddReportAsync(DbSession session, long statementId, long itemId, string url, string source, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var added = await session.Connection.ExecuteAsync(session.Command(
            "INSERT INTO statement_reports (statement_id, item_id, url, source, reported_at) VALUES (@statementId, @itemId, @url, @source, @now) ON CONFLICT DO NOTHING",
            new { statementId, itemId, url, source, now }, cancellationToken));
        await session.Connection.ExecuteAsync(session.Command(
            "UPDATE statements SET updated_at = @now WHERE id = @statementId", new { statementId, now }, cancellationToken));
        return added == 1;
    }

    private sealed record SignatureJson(int[] Shingles, IReadOnlyList<string> Quotes, IReadOnlyDictionary<string, double> Terms);
}

/// <summary>A stored statement: its id, the one alert it made, and its signature.</summary>
public sealed record StoredStatement(long Id, long AlertId, StatementSignature Signature);
