using System.Globalization;
using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace PolicyBot.Bench.Feeds;

/// <summary>
/// A loopback Kestrel server (HTTP/1.1, no TLS) serving the catalog's feeds at <c>/feeds/{n}.xml</c> from the
/// current <see cref="FeedRound"/>. Bodies are pre-rendered and pre-compressed, so serving is a header check and a
/// copy, unless a response delay is set. With several hosts it listens on 127.0.0.1, 127.0.0.2, … (all loopback on Linux) and spreads feeds over them.
/// </summary>
internal sealed class FeedServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly TimeSpan delay;
    private readonly List<Uri> bases = [];
    private FeedRound? current;
    private long fullResponses;
    private long notModifiedResponses;
    private long otherResponses;

    private FeedServer(WebApplication app, TimeSpan delay)
    {
        this.app = app;
        this.delay = delay;
    }

    /// <summary>Starts listening; <paramref name="delay"/> holds every response back (a stand-in for network round trip and server time).</summary>
    public static async Task<FeedServer> StartAsync(int hosts, TimeSpan delay, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            for (var host = 1; host <= hosts; host++)
            {
                kestrel.Listen(new IPAddress([127, 0, 0, (byte)host]), 0);
            }
        });

        var server = new FeedServer(builder.Build(), delay);
        server.app.Run(server.HandleAsync);
        await server.app.StartAsync(cancellationToken);
        var addresses = server.app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        server.bases.AddRange(addresses.Select(a => new Uri(a)).OrderBy(u => u.Host, StringComparer.Ordinal));
        return server;
    }

    public int Hosts => bases.Count;

    /// <summary>Pairs of feeds (one unchanging, one changing) go to the same host, so every host gets both kinds.</summary>
    public Uri FeedUrl(int feed) => new(bases[feed / 2 % bases.Count], $"/feeds/{feed}.xml");

    /// <summary>Switches every feed to <paramref name="round"/>'s content and resets the response counters.</summary>
    public void Serve(FeedRound round)
    {
        Volatile.Write(ref current, round);
        Interlocked.Exchange(ref fullResponses, 0);
        Interlocked.Exchange(ref notModifiedResponses, 0);
        Interlocked.Exchange(ref otherResponses, 0);
    }

    /// <summary>200s, 304s and anything else served since the last <see cref="Serve"/>.</summary>
    public (long Full, long NotModified, long Other) Counters =>
        (Interlocked.Read(ref fullResponses), Interlocked.Read(ref notModifiedResponses), Interlocked.Read(ref otherResponses));

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var round = Volatile.Read(ref current);
        if (round is null || !TryParseFeed(context.Request.Path.Value, out var feed) || feed >= round.Bodies.Count)
        {
            Interlocked.Increment(ref otherResponses);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, context.RequestAborted);
        }

        var body = round.Bodies[feed];
        var response = context.Response;
        response.Headers.ETag = body.ETag;
        response.Headers.LastModified = body.LastModified;
        if (body.AnswersNotModified && context.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Contains(body.ETag, StringComparison.Ordinal)))
        {
            Interlocked.Increment(ref notModifiedResponses);
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        Interlocked.Increment(ref fullResponses);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = body.ContentType;
        if (context.Request.Headers.AcceptEncoding.Any(v => v is not null && v.Contains("gzip", StringComparison.OrdinalIgnoreCase)))
        {
            response.Headers.ContentEncoding = "gzip";
            response.Headers.Vary = HeaderNames.AcceptEncoding;
            response.ContentLength = body.Gzip.Length;
            await response.Body.WriteAsync(body.Gzip, context.RequestAborted);
            return;
        }

        response.ContentLength = body.PlainLength;
        await using var gzip = new GZipStream(new MemoryStream(body.Gzip), CompressionMode.Decompress);
        await gzip.CopyToAsync(response.Body, context.RequestAborted);
    }

    private static bool TryParseFeed(string? path, out int feed)
    {
        const string Prefix = "/feeds/";
        const string Suffix = ".xml";
        feed = -1;
        return path is not null
            && path.StartsWith(Prefix, StringComparison.Ordinal)
            && path.EndsWith(Suffix, StringComparison.Ordinal)
            && int.TryParse(path.AsSpan(Prefix.Length, path.Length - Prefix.Length - Suffix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out feed);
    }
}
