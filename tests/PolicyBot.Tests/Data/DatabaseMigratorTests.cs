using Dapper;
using PolicyBot.Data;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Data;

public sealed class DatabaseMigratorTests
{
    [Fact]
    public async Task A_New_File_Is_Migrated_To_The_Latest_Version_With_Wal_And_Foreign_Keys()
    {
        await using var services = await TestServices.CreateAsync();
        await using var connection = await services.Get<SqliteDatabase>().OpenAsync(CancellationToken.None);

        (await connection.ExecuteScalarAsync<int>("PRAGMA user_version")).ShouldBe(DatabaseMigrator.LatestVersion);
        (await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode")).ShouldBe("wal");
        (await connection.ExecuteScalarAsync<int>("PRAGMA foreign_keys")).ShouldBe(1);
        (await connection.ExecuteScalarAsync<int>("PRAGMA busy_timeout")).ShouldBeGreaterThan(0);
        File.Exists(services.DatabasePath).ShouldBeTrue();
    }

    [Fact]
    public async Task Migrating_Twice_Applies_Nothing_The_Second_Time()
    {
        await using var services = await TestServices.CreateAsync();

        var applied = await services.Get<DatabaseMigrator>().MigrateAsync(CancellationToken.None);

        applied.ShouldBe(0);
    }

    [Fact]
    public async Task A_Database_From_A_Newer_Build_Is_Refused_With_A_Clear_Message()
    {
        await using var services = await TestServices.CreateAsync();
        await using (var connection = await services.Get<SqliteDatabase>().OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync($"PRAGMA user_version = {DatabaseMigrator.LatestVersion + 1}");
        }

        var error = await Should.ThrowAsync<InvalidOperationException>(() => services.Get<DatabaseMigrator>().MigrateAsync(CancellationToken.None));

        error.Message.ShouldContain("newer than this PolicyBot");
    }

    [Fact]
    public async Task A_Backup_Is_A_Complete_Readable_Copy_And_Never_Overwrites()
    {
        await using var services = await TestServices.CreateAsync();
        await services.Get<PolicyBot.Sources.SourceStore>().AddAsync(
            new PolicyBot.Sources.SourceDefinition { Name = "a", Url = "https://example.org/feed" }, "cli", services.Clock.GetUtcNow(), CancellationToken.None);
        var target = Path.Combine(Path.GetDirectoryName(services.DatabasePath)!, "backup.db");

        await services.Get<DatabaseBackup>().BackupAsync(target, CancellationToken.None);

        await using (var copy = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={target};Pooling=False"))
        {
            (await copy.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM sources")).ShouldBe(1);
        }

        await Should.ThrowAsync<IOException>(() => services.Get<DatabaseBackup>().BackupAsync(target, CancellationToken.None));
    }
}
