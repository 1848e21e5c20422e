using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace PolicyBot.Demo;

/// <summary>
/// The bundled sample site of <c>policybot demo</c>, served on a loopback port: an aggregator feed, two outlet
/// articles and a watched policy page. It starts on day one; <see cref="PublishSecondDay"/> adds the second
/// article to the feed and revises the policy page. Responses carry ETag and Last-Modified and honour
/// If-None-Match / If-Modified-Since with 304.
/// </summary>
public sealed class DemoSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly DemoSiteCatalog _catalog;
    private readonly TimeProvider _timeProvider;
    private readonly DateTimeOffset _dayOne;
    private readonly Lock _publishLock = new();
    private Uri _baseUrl = new("http://127.0.0.1/");
    private volatile IReadOnlyDictionary<string, DemoDocument>? _documents;

    private DemoSite(WebApplication app, DemoSiteCatalog catalog, TimeProvider timeProvider)
    {
        _app = app;
        _catalog = catalog;
        _timeProvider = timeProvider;
        _dayOne = WholeSeconds(timeProvider.GetUtcNow());
    }

    /// <summary>The site root, e.g. <c>http://127.0.0.1:49152/</c>.</summary>
    public Uri BaseUrl => _baseUrl;

    /// <summary>The aggregator's RSS 2.0 feed.</summary>
    public Uri FeedUrl => new(_baseUrl, DemoSiteCatalog.FeedPath);

    /// <summary>The watched "Model release policy" page (version 1 on day one, version 2 on day two).</summary>
    public Uri PolicyPageUrl => new(_baseUrl, DemoSiteCatalog.PolicyPagePath);

    /// <summary>The first outlet's article, listed from day one.</summary>
    public Uri FirstArticleUrl => new(_baseUrl, DemoSiteCatalog.OutletAArticlePath);

    /// <summary>The second outlet's article, listed (and served) from day two.</summary>
    public Uri SecondArticleUrl => new(_baseUrl, DemoSiteCatalog.OutletBArticlePath);

    /// <summary>True once <see cref="PublishSecondDay"/> has run.</summary>
    public bool IsSecondDay { get; private set; }

    /// <summary>Starts the site on a free loopback port, rendering its dates relative to <paramref name="timeProvider"/>.</summary>
    public static async Task<DemoSite> StartAsync(TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var catalog = DemoSiteCatalog.Load();

        var options = new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(DemoSite).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        };
        var builder = WebApplication.CreateSlimBuilder(options);

        // PolicyBot's own appsettings.json and ASPNETCORE_* variables (Kestrel endpoints, URLs) must not reach this server.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [HostDefaults.ApplicationKey] = options.ApplicationName,
            [HostDefaults.ContentRootKey] = options.ContentRootPath,
            [HostDefaults.EnvironmentKey] = options.EnvironmentName,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();

        var site = new DemoSite(app, catalog, timeProvider);
        app.Run(site.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken);
            var address = app.Urls.First(); // the bound address, with the port Kestrel picked
            site._baseUrl = new Uri(address.TrimEnd('/') + "/");
            site._documents = catalog.RenderDay(site._baseUrl, site._dayOne, dayTwo: null, previous: null);
            return site;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Moves the site to day two: the feed lists both articles (the second outlet's newest), the second article
    /// is served and the policy page shows version 2. Calling it again changes nothing.
    /// </summary>
    public void PublishSecondDay()
    {
        lock (_publishLock)
        {
            if (IsSecondDay)
            {
                return;
            }

            var dayTwo = WholeSeconds(_timeProvider.GetUtcNow());
            if (dayTwo < _dayOne)
            {
                dayTwo = _dayOne;
            }

            _documents = _catalog.RenderDay(_baseUrl, _dayOne, dayTwo, _documents);
            IsSecondDay = true;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "GET, HEAD";
            return;
        }

        var documents = _documents;
        if (documents is null || !documents.TryGetValue(request.Path.Value ?? "/", out var document))
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync("Not found on the PolicyBot demo site.\n", context.RequestAborted);
            return;
        }

        var headers = response.GetTypedHeaders();
        headers.ETag = new EntityTagHeaderValue(document.ETag);
        headers.LastModified = document.LastModified;
        response.Headers.CacheControl = "no-cache";
        response.Headers.XContentTypeOptions = "nosniff";

        if (IsNotModified(request.GetTypedHeaders(), document))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = document.ContentType;
        response.ContentLength = document.Body.Length;
        if (HttpMethods.IsGet(request.Method))
        {
            await response.Body.WriteAsync(document.Body, context.RequestAborted);
        }
    }

    /// <summary>RFC 9110 §13.2.2: If-None-Match (weak comparison) wins; If-Modified-Since only counts without it.</summary>
    private static bool IsNotModified(RequestHeaders requestHeaders, DemoDocument document)
    {
        var ifNoneMatch = requestHeaders.IfNoneMatch;
        if (ifNoneMatch.Count > 0)
        {
            var current = new EntityTagHeaderValue(document.ETag);
            return ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
        }

        return requestHeaders.IfModifiedSince is { } since && document.LastModified <= since;
    }

    private static DateTimeOffset WholeSeconds(DateTimeOffset moment)
    {
        var utc = moment.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond));
    }
}
