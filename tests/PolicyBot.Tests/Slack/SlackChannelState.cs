using Dapper;
using PolicyBot.Data;

namespace PolicyBot.Tests.Slack;

/// <summary>Reads a channel's <c>active</c> flag straight from the channels table (ChannelStore.FindAsync cannot
/// materialise its row at f5023ef: Dapper finds no constructor for (…, Int64 active); reported to the integrator).</summary>
public static class SlackChannelState
{
    public static async Task<bool?> ActiveAsync(SqliteDatabase database, string platform, string id)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<bool?>(
            "SELECT active FROM channels WHERE platform = @platform AND external_id = @id", new { platform, id });
    }
}
