using System.CommandLine;
using PolicyBot.Data;
using PolicyBot.Hosting;

namespace PolicyBot.Cli;

/// <summary><c>db migrate</c> and <c>db backup &lt;file&gt;</c>.</summary>
public static class DbCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var migrate = new Command("migrate", "Create the database or bring its schema up to date.");
        migrate.SetAction(async (_, token) =>
        {
            using var host = await PolicyBotHost.StartCliHostAsync(environment, seedSources: false, token);
            var database = host.Services.GetRequiredService<SqliteDatabase>();
            await environment.Out.WriteLineAsync($"Database '{database.FilePath}' is at schema version {DatabaseMigrator.LatestVersion}.");
            return 0;
        });

        var file = new Argument<string>("file") { Description = "Where to write the copy (must not exist)." };
        var backup = new Command("backup", "Copy the database to a file, safely, even while PolicyBot runs.") { file };
        backup.SetAction(async (result, token) =>
        {
            using var host = await PolicyBotHost.StartCliHostAsync(environment, seedSources: false, token);
            var target = result.GetValue(file)!;
            try
            {
                await host.Services.GetRequiredService<DatabaseBackup>().BackupAsync(target, token);
            }
            catch (IOException exception)
            {
                await environment.Error.WriteLineAsync($"Backup failed: {exception.Message}");
                return 1;
            }

            await environment.Out.WriteLineAsync($"Backed up to {Path.GetFullPath(target)}.");
            return 0;
        });

        return new Command("db", "Storage maintenance.") { migrate, backup };
    }
}
