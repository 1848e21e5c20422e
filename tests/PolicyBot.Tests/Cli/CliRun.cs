using PolicyBot.Cli;

namespace PolicyBot.Tests.Cli;

/// <summary>Runs PolicyBot's command line in-process against a database file of the test's own.</summary>
public sealed class CliRun : IDisposable
{
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("policybot-cli").FullName;

    public CliRun(IDictionary<string, string?>? settings = null)
    {
        Settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(_directory, "cli.db")}",
            ["Polling:AllowPrivateAddresses"] = "true",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            Settings[key] = value;
        }
    }

    public Dictionary<string, string?> Settings { get; }

    public string Directory => _directory;

    public async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CommandLine.RunAsync(args, new CliEnvironment(output, error, Settings));
        return (code, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // left for the OS to clean
        }
    }
}
