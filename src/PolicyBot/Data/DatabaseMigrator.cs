using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.Logging;

namespace PolicyBot.Data;

/// <summary>
/// Applies the embedded, numbered SQL migrations (<c>Data/Migrations/NNNN_name.sql</c>) that the database has
/// not seen yet, each in its own transaction, recording the version in <c>PRAGMA user_version</c>.
/// </summary>
public sealed partial class DatabaseMigrator(SqliteDatabase database, ILogger<DatabaseMigrator> logger)
{
    private static readonly IReadOnlyList<Migration> Migrations = LoadMigrations();

    /// <summary>The schema version this build expects.</summary>
    public static int LatestVersion => Migrations[^1].Version;

    /// <summary>Brings the schema up to date; returns the number of migrations applied.</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode = WAL;", cancellationToken: cancellationToken));
        var current = await connection.ExecuteScalarAsync<int>(new CommandDefinition("PRAGMA user_version;", cancellationToken: cancellationToken));
        if (current > LatestVersion)
        {
            throw new InvalidOperationException(
                $"The database '{database.FilePath}' has schema version {current}, newer than this PolicyBot ({LatestVersion}). Use a newer build.");
        }

        var applied = 0;
        foreach (var migration in Migrations.Where(m => m.Version > current))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition($"PRAGMA user_version = {migration.Version};", transaction: transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            Log.Applied(logger, migration.Version, migration.Name);
            applied++;
        }

        return applied;
    }

    private static List<Migration> LoadMigrations()
    {
        var assembly = typeof(DatabaseMigrator).Assembly;
        var migrations = new List<Migration>();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            var match = MigrationName().Match(name);
            if (!match.Success)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(int.Parse(match.Groups["version"].Value), match.Groups["name"].Value, reader.ReadToEnd()));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        return migrations;
    }

    [GeneratedRegex(@"\.Data\.Migrations\._?(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex MigrationName();

    private sealed record Migration(int Version, string Name, string Sql);

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Applied database migration {Version} ({Name})")]
        public static partial void Applied(ILogger logger, int version, string name);
    }
}
