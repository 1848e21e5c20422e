using System.Globalization;
using System.Text;
using Dapper;
using PolicyBot.Data;

namespace PolicyBot.Hosting;

/// <summary><c>GET /metrics</c>: Prometheus text exposition of PolicyBot's counters and its stored state.</summary>
public static class MetricsEndpoint
{
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/metrics", RenderAsync);
        return endpoints;
    }

    private static async Task<IResult> RenderAsync(PrometheusCollector collector, SqliteDatabase database, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        collector.WriteTo(text);

        await using var connection = await database.OpenAsync(cancellationToken);
        var sources = await connection.QueryAsync<(string State, long Count)>(new CommandDefinition(
            "SELECT CASE WHEN enabled = 0 THEN 'paused' WHEN error_count > 0 THEN 'failing' ELSE 'ok' END, COUNT(*) FROM sources GROUP BY 1",
            cancellationToken: cancellationToken));
        Gauge(text, "policybot_sources", "state", sources);
        var outbox = await connection.QueryAsync<(string State, long Count)>(new CommandDefinition(
            "SELECT state, COUNT(*) FROM outbox GROUP BY state", cancellationToken: cancellationToken));
        Gauge(text, "policybot_outbox", "state", outbox);
        return Results.Text(text.ToString(), "text/plain; version=0.0.4; charset=utf-8");
    }

    private static void Gauge(StringBuilder text, string name, string label, IEnumerable<(string Value, long Count)> rows)
    {
        text.Append("# TYPE ").Append(name).AppendLine(" gauge");
        foreach (var (value, count) in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"{name}{{{label}=\"{value}\"}} {count}").AppendLine();
        }
    }
}
