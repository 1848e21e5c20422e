using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PolicyBot.Data;
using PolicyBot.Hosting;
using PolicyBot.Polling;

namespace PolicyBot.Bench.Poll;

/// <summary>
/// PolicyBot's services as the app composes them (<c>AddPolicyBot</c>), over a fresh SQLite file in a temporary
/// directory, with no scheduler or hosted services: the harness drives <see cref="PollCycle"/> itself.
/// Only warnings and errors are logged (to standard error), as in a quiet production configuration.
/// </summary>
internal sealed class PolicyBotInstance : IDisposable
{
    private readonly IHost host;
    private readonly string directory;

    private PolicyBotInstance(IHost host, string directory)
    {
        this.host = host;
        this.directory = directory;
    }

    public IServiceProvider Services => host.Services;

    public string DatabasePath => Path.Combine(directory, "policybot.db");

    public PollingOptions Polling => Services.GetRequiredService<IOptions<PollingOptions>>().Value;

    /// <summary>Starts PolicyBot for <paramref name="profile"/>; <paramref name="overrides"/> are laid over the benchmark's own settings.</summary>
    public static async Task<PolicyBotInstance> StartAsync(PollProfile profile, IReadOnlyDictionary<string, string?> overrides, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("policybot-bench-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(directory, "policybot.db")}",
            ["Polling:AllowPrivateAddresses"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (profile.Concurrency is { } concurrency)
        {
            settings["Polling:Concurrency"] = concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (profile.PerHostConcurrency is { } perHost)
        {
            settings["Polling:PerHostConcurrency"] = perHost.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        // No appsettings.json or environment variables: the run is the same wherever it is started.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddPolicyBot(builder.Configuration);
        builder.Services.RemoveAll<IHostedService>();

        var host = builder.Build();
        var instance = new PolicyBotInstance(host, directory);
        try
        {
            host.Services.GetService<IStartupValidator>()?.Validate();
            await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            return instance;
        }
        catch
        {
            instance.Dispose();
            throw;
        }
    }

    /// <summary>Statements recorded so far (PolicyBot's <c>statements</c> table), read outside any timed section.</summary>
    public async Task<long> CountStatementsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await Services.GetRequiredService<SqliteDatabase>().OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM statements";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The database file and its WAL, in bytes.</summary>
    public long DatabaseBytes() =>
        new[] { DatabasePath, DatabasePath + "-wal" }.Where(File.Exists).Sum(p => new FileInfo(p).Length);

    public void Dispose()
    {
        host.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is not worth failing the run over.
        }
    }
}
