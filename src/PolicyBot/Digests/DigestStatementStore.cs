using System.Text.Json;
using Dapper;
using PolicyBot.Alerting;
using PolicyBot.Data;

namespace PolicyBot.Digests;

/// <summary>
/// Reads the statements a digest period holds: <c>statements</c> joined to their alert's payload. A statement belongs
/// to the period in which PolicyBot recorded it (its alert's <c>created_at</c>, the same instant as the statement's
/// <c>created_at</c>), not the one in which it was published: a statement found late still reaches the next digest.
/// </summary>
public sealed class DigestStatementStore
{
    /// <summary>More than any real period holds; a bound so that a runaway period cannot exhaust memory.</summary>
    public const int MaxRows = 5000;

    /// <summary>The statements recorded in <c>(from, to]</c>, newest statement first; rows whose payload cannot be read are left out.</summary>
    public async Task<IReadOnlyList<DigestStatement>> RecordedAsync(DbSession session, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var rows = await session.Connection.QueryAsync<Row>(session.Command(
            """
            SELECT s.id AS Id, s.actor AS Actor, s.speaker AS Speaker, s.stated_at AS StatedAt, a.created_at AS RecordedAt, a.payload AS Payload
            FROM statements s JOIN alerts a ON a.id = s.alert_id
            WHERE a.created_at > @from AND a.created_at <= @to
            ORDER BY s.stated_at DESC, s.id DESC
            LIMIT @limit
            """,
            new { from, to, limit = MaxRows }, cancellationToken));
        var statements = new List<DigestStatement>();
        foreach (var row in rows)
        {
            if (Read(row.Payload) is { } alert)
            {
                statements.Add(new DigestStatement(row.Id, row.Actor, row.Speaker, row.StatedAt, row.RecordedAt, alert));
            }
        }

        return statements;
    }

    private static Alert? Read(string payload)
    {
        try
        {
            return AlertJson.Deserialize(payload);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Row(long Id, string? Actor, string? Speaker, DateTimeOffset StatedAt, DateTimeOffset RecordedAt, string Payload);
}
