using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PolicyBot.Data;
using PolicyBot.Positions;
using PolicyBot.Sources;

namespace PolicyBot.Hosting;

/// <summary>Brings the database up to date and seeds the configured sources and the known positions, before anything else runs.</summary>
public sealed class DatabaseInitializer(
    DatabaseMigrator migrator,
    SourceStore sources,
    IOptions<SourcesOptions> configured,
    PositionStore positions,
    KnownPositions knownPositions,
    TimeProvider timeProvider) : IHostedService
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        await sources.SeedAsync(configured.Value.Items, timeProvider.GetUtcNow(), cancellationToken);
        await positions.SeedAsync(knownPositions.Load(), cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
