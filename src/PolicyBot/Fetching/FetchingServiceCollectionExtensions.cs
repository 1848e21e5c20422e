using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PolicyBot.Fetching;

/// <summary>Registers the fetching services.</summary>
public static class FetchingServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="HttpFetcher"/> as a singleton (it owns the connection pool and the concurrency limits).
    /// Needs <c>IOptions&lt;PollingOptions&gt;</c> (bound by the composition root), logging, and a <see cref="TimeProvider"/>
    /// (the system clock is added if none is registered).
    /// </summary>
    public static IServiceCollection AddFetching(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HttpFetcher>();
        return services;
    }
}
