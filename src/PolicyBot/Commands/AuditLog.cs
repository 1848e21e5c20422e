using System.Text.RegularExpressions;
using Dapper;
using PolicyBot.Data;
using PolicyBot.Fetching;

namespace PolicyBot.Commands;

/// <summary>
/// The <c>audit_log</c> table: every admin command, allowed or not. URLs in a stored command lose their credentials,
/// query and fragment (<see cref="UrlPolicy.Redact(Uri)"/>), so a token pasted into chat is not kept.
/// </summary>
public sealed partial class AuditLog(SqliteDatabase database, TimeProvider timeProvider)
{
    /// <summary>Stored command and detail text is cut to this many characters.</summary>
    public const int MaxText = 1000;

    public async Task AddAsync(CommandContext context, string command, string outcome, string? detail, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO audit_log (at, platform, user_id, user_name, channel, command, outcome, detail)
            VALUES (@at, @Platform, @UserId, @UserName, @channel, @command, @outcome, @detail)
            """,
            new
            {
                at = timeProvider.GetUtcNow(),
                context.Platform,
                context.UserId,
                context.UserName,
                channel = context.Channel?.Key,
                command = Cut(Redact(command)),
                outcome,
                detail = detail is null ? null : Cut(Redact(detail)),
            }, cancellationToken: cancellationToken));
    }

    /// <summary>The latest <paramref name="count"/> entries, newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(int count, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            """
            SELECT at AS At, platform AS Platform, user_id AS UserId, user_name AS UserName, channel AS Channel,
                   command AS Command, outcome AS Outcome, detail AS Detail
            FROM audit_log ORDER BY at DESC, id DESC LIMIT @count
            """, new { count }, cancellationToken: cancellationToken));
        return rows.Select(r => new AuditEntry(r.At, r.Platform, r.UserId, r.UserName, r.Channel, r.Command, r.Outcome, r.Detail)).ToList();
    }

    /// <summary>The text with every URL-like word reduced to scheme, host and path.</summary>
    public static string Redact(string text) => UrlLike().Replace(text, m =>
        Uri.TryCreate(m.Value, UriKind.Absolute, out var uri) ? UrlPolicy.Redact(uri) : "[url]");

    private static string Cut(string text) => text.Length <= MaxText ? text : text[..MaxText] + "…";

    private sealed class Row
    {
        public DateTimeOffset At { get; init; }
        public string Platform { get; init; } = "";
        public string UserId { get; init; } = "";
        public string? UserName { get; init; }
        public string? Channel { get; init; }
        public string Command { get; init; } = "";
        public string Outcome { get; init; } = "";
        public string? Detail { get; init; }
    }

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9+.\-]*://[^\s""“”]+")]
    private static partial Regex UrlLike();
}
