using Dapper;
using PolicyBot.Data;

namespace PolicyBot.Chat;

/// <summary>
/// The <c>channels</c> table: every chat channel PolicyBot has been added to or asked from, with adapter-owned data
/// (a Teams conversation reference) and whether it is still reachable.
/// </summary>
public sealed class ChannelStore(SqliteDatabase database, TimeProvider timeProvider)
{
    /// <summary>Records a channel (or refreshes its name and data) and marks it active; returns its row id.</summary>
    /// <param name="data">Adapter-owned JSON; null keeps what is stored.</param>
    public async Task<long> UpsertAsync(ChatChannel channel, string? data, CancellationToken cancellationToken)
    {
        await using var session = await database.BeginAsync(cancellationToken);
        var id = await UpsertAsync(session, channel, data, timeProvider.GetUtcNow(), cancellationToken);
        await session.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>The same inside a running transaction (subscribing records the channel with its subscription).</summary>
    public Task<long> UpsertAsync(DbSession session, ChatChannel channel, string? data, DateTimeOffset now, CancellationToken cancellationToken) =>
        session.Connection.ExecuteScalarAsync<long>(session.Command(
            """
            INSERT INTO channels (platform, external_id, display_name, data, active, created_at, updated_at)
            VALUES (@Platform, @Id, @DisplayName, @data, 1, @now, @now)
            ON CONFLICT (platform, external_id) DO UPDATE SET
                display_name = COALESCE(excluded.display_name, display_name),
                data = COALESCE(excluded.data, data),
                active = 1,
                updated_at = excluded.updated_at
            RETURNING id
            """,
            new { channel.Platform, channel.Id, channel.DisplayName, data, now }, cancellationToken));

    public async Task<StoredChannel?> FindAsync(ChatChannel channel, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            "SELECT id AS Id, platform AS Platform, external_id AS ExternalId, display_name AS DisplayName, data AS Data, active AS Active FROM channels WHERE platform = @Platform AND external_id = @Id",
            new { channel.Platform, channel.Id }, cancellationToken: cancellationToken));
        return row?.ToStoredChannel();
    }

    /// <summary>Marks a channel unreachable (bot removed, channel archived); with an empty id, every channel of the
    /// platform (app uninstalled, tokens revoked). Returns how many channels changed.</summary>
    public async Task<int> DeactivateAsync(ChatChannel channel, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE channels SET active = 0, updated_at = @now
            WHERE platform = @Platform AND (@Id = '' OR external_id = @Id) AND active = 1
            """,
            new { channel.Platform, channel.Id, now = timeProvider.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    private sealed class Row
    {
        public long Id { get; init; }
        public string Platform { get; init; } = "";
        public string ExternalId { get; init; } = "";
        public string? DisplayName { get; init; }
        public string? Data { get; init; }
        public bool Active { get; init; }

        public StoredChannel ToStoredChannel() => new(Id, new ChatChannel(Platform, ExternalId, DisplayName), Data, Active);
    }
}
