using Dapper;
using PolicyBot.Alerting;
using PolicyBot.Data;

namespace PolicyBot.Hosting;

/// <summary><c>GET /healthz</c> (the process answers) and <c>GET /readyz</c> (the database answers at the expected schema).</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => Results.Text("ok\n"));
        endpoints.MapGet("/readyz", ReadyAsync);
        return endpoints;
    }

    private static async Task<IResult> ReadyAsync(SqliteDatabase database, AlertOutbox outbox, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var version = await connection.ExecuteScalarAsync<int>(new CommandDefinition("PRAGMA user_version;", cancellationToken: cancellationToken));
            var sources = await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT COUNT(*) FROM sources WHERE enabled = 1", cancellationToken: cancellationToken));
            var failing = await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT COUNT(*) FROM sources WHERE enabled = 1 AND error_count > 0", cancellationToken: cancellationToken));
            var outboxStates = await outbox.CountByStateAsync(cancellationToken);
            var ready = version == DatabaseMigrator.LatestVersion;
            var body = new
            {
                status = ready ? "ready" : "migrating",
                schemaVersion = version,
                sources,
                failingSources = failing,
                undelivered = outboxStates.GetValueOrDefault("pending"),
                dead = outboxStates.GetValueOrDefault("dead"),
            };
            return Results.Json(body, statusCode: ready ? 200 : 503);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return Results.Json(new { status = "unavailable", error = exception.GetType().Name }, statusCode: 503);
        }
    }
}
