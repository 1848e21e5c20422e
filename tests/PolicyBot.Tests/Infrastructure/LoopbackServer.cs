using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PolicyBot.Tests.Infrastructure;

/// <summary>
/// A real HTTP server on a loopback port (Kestrel, port chosen by the OS) for tests that need real sockets.
/// Configure routes with <see cref="Map(string, RequestDelegate)"/> (exact path match, any time, even after start);
/// every request is recorded in <see cref="Requests"/>; a request no route matches gets 500 and is listed in
/// <see cref="UnexpectedRequests"/>, which tests should assert empty. Dispose stops it, aborting requests still open.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, RequestDelegate> routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly ConcurrentQueue<string> unexpected = new();
    private WebApplication? app;

    private LoopbackServer()
    {
    }

    /// <summary>The server's root, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    /// <summary>"GET /nowhere" for each request no route matched.</summary>
    public IReadOnlyList<string> UnexpectedRequests => [.. unexpected];

    /// <summary>Starts a server on <paramref name="bindAddress"/> (127.0.0.1 by default; any 127.x.y.z works on Linux).</summary>
    public static async Task<LoopbackServer> StartAsync(string bindAddress = "127.0.0.1")
    {
        var server = new LoopbackServer();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing", Args = [] });
        builder.Configuration.Sources.Clear(); // no appsettings / ASPNETCORE_URLS leaking in
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Parse(bindAddress), 0));
        var app = builder.Build();
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.app = app;
        server.BaseAddress = new Uri(app.Urls.Single().Replace("[::]", "[::1]", StringComparison.Ordinal) + "/");
        return server;
    }

    /// <summary>An absolute URL on this server.</summary>
    public Uri Url(string pathAndQuery) => new(BaseAddress, pathAndQuery);

    /// <summary>Answers any method on <paramref name="path"/> (exact, case-sensitive, no query) with <paramref name="handler"/>.</summary>
    public LoopbackServer Map(string path, RequestDelegate handler) => Map("*", path, handler);

    /// <summary>Answers <paramref name="method"/> on <paramref name="path"/>; a method-specific route beats a "*" one.</summary>
    public LoopbackServer Map(string method, string path, RequestDelegate handler)
    {
        routes[Key(method, path)] = handler;
        return this;
    }

    /// <summary>A handler that answers with a fixed status, content type and UTF-8 body.</summary>
    public static RequestDelegate Respond(int status, string body = "", string contentType = "text/plain; charset=utf-8") =>
        async context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(body, Encoding.UTF8, context.RequestAborted);
        };

    /// <summary>Stops the server at once: requests still in progress are aborted rather than waited for.</summary>
    public async ValueTask DisposeAsync()
    {
        if (app is null)
        {
            return;
        }

        await app.StopAsync(new CancellationToken(canceled: true));
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted);
        body.Position = 0;
        request.Body = body; // handlers can still read what was recorded

        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var path = request.Path.Value ?? "/";
        requests.Enqueue(new RecordedRequest(request.Method, path, request.QueryString.Value ?? "", headers, body.ToArray()));

        if (routes.TryGetValue(Key(request.Method, path), out var handler) || routes.TryGetValue(Key("*", path), out handler))
        {
            await handler(context);
            return;
        }

        unexpected.Enqueue($"{request.Method} {path}{request.QueryString}");
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        await context.Response.WriteAsync("unexpected request", context.RequestAborted);
    }

    private static string Key(string method, string path) => method.ToUpperInvariant() + " " + path;
}
