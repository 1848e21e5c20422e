using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Fetching;
using PolicyBot.Polling;

namespace PolicyBot.Tests.Fetching;

public sealed class FetchingServiceCollectionExtensionsTests
{
    [Fact]
    public void AddFetching_Registers_One_Shared_Fetcher()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOptions<PollingOptions>();
        services.AddFetching();
        using var provider = services.BuildServiceProvider();

        var first = provider.GetRequiredService<HttpFetcher>();

        provider.GetRequiredService<HttpFetcher>().ShouldBeSameAs(first);
        provider.GetRequiredService<TimeProvider>().ShouldBeSameAs(TimeProvider.System);
    }

    [Fact]
    public void AddFetching_Keeps_A_Time_Provider_Registered_Earlier()
    {
        var clock = new Infrastructure.ManualTimeProvider();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddFetching();

        services.BuildServiceProvider().GetRequiredService<TimeProvider>().ShouldBeSameAs(clock);
    }
}
