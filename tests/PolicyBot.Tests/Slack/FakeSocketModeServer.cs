using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PolicyBot.Tests.Slack;

/// <summary>
/// A fake Slack Socket Mode endpoint on 127.0.0.1: each WebSocket connection to <c>/link</c> is served by the next
/// script in <see cref="Scripts"/> (send hello, envelopes, disconnect; read acks). A connection with no script left,
/// or any other request, is listed in <see cref="Problems"/>.
/// </summary>
public sealed class FakeSocketModeServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> problems = new();
    private WebApplication? app;
    private int connections;

    private FakeSocketModeServer()
    {
    }

    /// <summary>Scripts for the connections to come, in order.</summary>
    public ConcurrentQueue<Func<SocketModeSession, Task>> Scripts { get; } = new();

    public IReadOnlyList<string> Problems => [.. problems];

    public int Connections => Volatile.Read(ref connections);

    /// <summary>The URL apps.connections.open should hand out, e.g. ws://127.0.0.1:41234/link?ticket=1.</summary>
    public string Url(int ticket) => $"ws://127.0.0.1:{Port}/link?ticket={ticket}";

    private int Port { get; set; }

    public static async Task<FakeSocketModeServer> StartAsync()
    {
        var server = new FakeSocketModeServer();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing", Args = [] });
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.UseWebSockets();
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.app = app;
        server.Port = new Uri(app.Urls.Single()).Port;
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync(new CancellationToken(canceled: true));
            await app.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Path != "/link" || !context.WebSockets.IsWebSocketRequest)
        {
            problems.Enqueue($"unexpected {context.Request.Method} {context.Request.Path}");
            context.Response.StatusCode = 404;
            return;
        }

        Interlocked.Increment(ref connections);
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        if (!Scripts.TryDequeue(out var script))
        {
            problems.Enqueue("a connection with no script left");
            await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "no script", CancellationToken.None);
            return;
        }

        try
        {
            await script(new SocketModeSession(socket));
        }
        catch (Exception exception)
        {
            problems.Enqueue($"script failed: {exception.Message}");
        }
    }
}
