using Microsoft.Data.Sqlite;

namespace PolicyBot.Data;

/// <summary>Copies the live database to a file with SQLite's online backup, safe while PolicyBot runs.</summary>
public sealed class DatabaseBackup(SqliteDatabase database)
{
    public async Task BackupAsync(string targetPath, CancellationToken cancellationToken)
    {
        var fullPath = Path.GetFullPath(targetPath);
        if (File.Exists(fullPath))
        {
            throw new IOException($"'{fullPath}' already exists; choose a new file name for the backup.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        await using var source = await database.OpenAsync(cancellationToken);
        await using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = fullPath, Pooling = false }.ToString());
        await target.OpenAsync(cancellationToken);
        source.BackupDatabase(target);
    }
}
