using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace PolicyBot.Bench.Dispatch;

/// <summary>A loopback stand-in for a chat platform: <c>POST /channels/{id}/messages</c> with a JSON body → <c>{"id": n}</c>.</summary>
internal sealed class LoopbackChatServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private long received;

    private LoopbackChatServer(WebApplication app) => this.app = app;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public long Received => Interlocked.Read(ref received);

    public static async Task<LoopbackChatServer> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        var server = new LoopbackChatServer(app);
        app.UseRouting();
        app.MapPost("/channels/{id}/messages", async (HttpContext context) =>
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            if (body.RootElement.GetProperty("summary").GetString() is not { Length: > 0 })
            {
                return Results.BadRequest();
            }

            return Results.Json(new { id = Interlocked.Increment(ref server.received) });
        });
        await app.StartAsync(cancellationToken);
        server.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return server;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
