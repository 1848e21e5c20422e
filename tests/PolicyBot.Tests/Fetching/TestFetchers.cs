using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PolicyBot.Fetching;
using PolicyBot.Polling;

namespace PolicyBot.Tests.Fetching;

/// <summary>Builds fetchers for tests: loopback 127.0.0.1 is allowed unless a test says otherwise.</summary>
internal static class TestFetchers
{
    public static PollingOptions Options(Action<PollingOptions>? configure = null)
    {
        var options = new PollingOptions { AllowedPrivateHosts = ["127.0.0.1"] };
        configure?.Invoke(options);
        return options;
    }

    public static HttpFetcher Create(
        PollingOptions? options = null,
        TimeProvider? time = null,
        Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null,
        ILogger<HttpFetcher>? logger = null) =>
        new(
            Microsoft.Extensions.Options.Options.Create(options ?? Options()),
            time ?? TimeProvider.System,
            logger ?? NullLogger<HttpFetcher>.Instance,
            resolve);

    public static FetchRequest Get(Uri url, string? etag = null, string? lastModified = null) => new(url, etag, lastModified);
}
