using System.Text.Json;
using Dapper;
using PolicyBot.Data;

namespace PolicyBot.History;

/// <summary>The <c>items</c> and <c>changes</c> tables: what each source has said, and how it changed.</summary>
public sealed class ItemStore(SqliteDatabase database)
{
    /// <summary>The stored items of a source that share a GUID, canonical link or fingerprint with the given ones.</summary>
    public async Task<IReadOnlyList<StoredItem>> MatchingAsync(
        long sourceId, IReadOnlyCollection<string> guids, IReadOnlyCollection<string> links, IReadOnlyCollection<string> fingerprints, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StoredItem>(new CommandDefinition(
            """
            SELECT id AS Id, guid AS Guid, link AS Link, fingerprint AS Fingerprint, text AS Text FROM items
            WHERE source_id = @sourceId AND (guid IN @guids OR link IN @links OR fingerprint IN @fingerprints)
            """,
            new { sourceId, guids, links, fingerprints }, cancellationToken: cancellationToken));
        return rows.ToList();
    }

    public Task<long> InsertAsync(DbSession session, long sourceId, Document document, string fingerprint, DateTimeOffset now, CancellationToken cancellationToken) =>
        session.Connection.ExecuteScalarAsync<long>(session.Command(
            """
            INSERT INTO items (source_id, guid, link, fingerprint, title, published_at, text, first_seen_at, last_changed_at)
            VALUES (@sourceId, @Guid, @Link, @fingerprint, @Title, @PublishedAt, @Text, @now, @now)
            RETURNING id
            """,
            new { sourceId, document.Guid, document.Link, fingerprint, document.Title, document.PublishedAt, document.Text, now }, cancellationToken));

    /// <summary>Stores a changed item's new text and the change record; returns the change id.</summary>
    public async Task<long> RecordChangeAsync(DbSession session, long itemId, Document document, string fingerprint, TextChange change, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await session.Connection.ExecuteAsync(session.Command(
            "UPDATE items SET text = @Text, title = @Title, fingerprint = @fingerprint, last_changed_at = @now WHERE id = @itemId",
            new { itemId, document.Text, document.Title, fingerprint, now }, cancellationToken));
        return await session.Connection.ExecuteScalarAsync<long>(session.Command(
            "INSERT INTO changes (item_id, detected_at, added, removed) VALUES (@itemId, @now, @added, @removed) RETURNING id",
            new { itemId, now, added = JsonSerializer.Serialize(change.Added), removed = JsonSerializer.Serialize(change.Removed) }, cancellationToken));
    }

    /// <summary>Notes a new fingerprint for text that changed only in noise (no change record).</summary>
    public Task RefreshAsync(DbSession session, long itemId, Document document, string fingerprint, CancellationToken cancellationToken) =>
        session.Connection.ExecuteAsync(session.Command(
            "UPDATE items SET text = @Text, fingerprint = @fingerprint WHERE id = @itemId",
            new { itemId, document.Text, fingerprint }, cancellationToken));
}
