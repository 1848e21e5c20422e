using Dapper;
using Microsoft.Data.Sqlite;

namespace PolicyBot.Data;

/// <summary>
/// One connection and one transaction shared by several stores, so that writes spanning stores (history,
/// alerts, outbox, source state) commit together or not at all. Disposing without commit rolls back.
/// </summary>
public sealed class DbSession(SqliteConnection connection, SqliteTransaction transaction) : IAsyncDisposable
{
    public SqliteConnection Connection { get; } = connection;

    public SqliteTransaction Transaction { get; } = transaction;

    public CommandDefinition Command(string sql, object? parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, Transaction, cancellationToken: cancellationToken);

    public Task CommitAsync(CancellationToken cancellationToken) => Transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
