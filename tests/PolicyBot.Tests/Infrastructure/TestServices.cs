using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using PolicyBot.Data;
using PolicyBot.Hosting;

namespace PolicyBot.Tests.Infrastructure;

/// <summary>
/// PolicyBot's real services over a fresh SQLite file of the test's own, migrated by the production migrations,
/// with a manual clock. Private addresses are allowed so loopback fakes can stand in for the web.
/// </summary>
public sealed class TestServices : IAsyncDisposable
{
    private readonly string _directory;

    private TestServices(ServiceProvider provider, ManualTimeProvider clock, string directory, string databasePath)
    {
        Provider = provider;
        Clock = clock;
        _directory = directory;
        DatabasePath = databasePath;
    }

    public ServiceProvider Provider { get; }

    public ManualTimeProvider Clock { get; }

    public string DatabasePath { get; }

    public T Get<T>() where T : notnull => Provider.GetRequiredService<T>();

    public static async Task<TestServices> CreateAsync(
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null,
        string? databasePath = null,
        ManualTimeProvider? clock = null,
        TimeProvider? timeProviderOverride = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "policybot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        databasePath ??= Path.Combine(directory, "policybot.db");
        var values = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"Data Source={databasePath}",
            ["Polling:AllowPrivateAddresses"] = "true",
            ["Polling:Jitter"] = "0",
            // pacing is tested on its own; elsewhere it would only make the manual clock's tests wait
            ["Alerting:ChannelMessagesPerSecond"] = "10000",
            ["Alerting:ChannelBurst"] = "10000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddPolicyBot(configuration);
        clock ??= new ManualTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        services.RemoveAll<TimeProvider>();
        services.AddSingleton(timeProviderOverride ?? clock);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        await provider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        return new TestServices(provider, clock, directory, databasePath);
    }

    public async ValueTask DisposeAsync()
    {
        await Provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // a file still open on some platforms; the temp folder is cleaned by the OS
        }
    }
}
