using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Http;
using PolicyBot.Fetching;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Fetching;

[Collection(SerialTestCollection.Name)] // allocation counts are process-wide
public sealed class HttpFetcherLimitTests : IAsyncLifetime
{
    private const long FiftyMegabytes = 50L * 1024 * 1024;
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10); // only bounds a broken test
    private LoopbackServer server = null!;

    public async Task InitializeAsync() => server = await LoopbackServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Declared_50_MB_Body_Is_Failed_From_Content_Length_Without_Reading_It()
    {
        server.Map("/huge", context => WriteZerosAsync(context, FiftyMegabytes, declareLength: true));
        using var fetcher = TestFetchers.Create();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var result = await fetcher.FetchAsync(TestFetchers.Get(server.Url("/huge")), CancellationToken.None);

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        result.Outcome.ShouldBe(FetchOutcome.Failed);
        result.Status.ShouldBe(HttpStatusCode.OK);
        result.Error.ShouldBe("the body is 50 MB, over the 10 MB limit (Polling:MaxBodyBytes)");
        result.Body.ShouldBeEmpty();
        allocated.ShouldBeLessThan(FiftyMegabytes / 2);
    }

    [Fact]
    public async Task Chunked_50_MB_Body_Is_Failed_Once_It_Passes_The_Cap_Without_Buffering_It_All()
    {
        server.Map("/huge", context => WriteZerosAsync(context, FiftyMegabytes, declareLength: false));
        using var fetcher = TestFetchers.Create(TestFetchers.Options(o => o.MaxBodyBytes = 1024 * 1024));
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var result = await fetcher.FetchAsync(TestFetchers.Get(server.Url("/huge")), CancellationToken.None);

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        result.Outcome.ShouldBe(FetchOutcome.Failed);
        result.Error.ShouldBe("the body exceeds the 1 MB limit (Polling:MaxBodyBytes)");
        result.Body.ShouldBeEmpty();
        // Buffering the whole body would allocate at least its 50 MB; the capped reader needs about twice the cap.
        allocated.ShouldBeLessThan(FiftyMegabytes / 2);
    }

    [Fact]
    public async Task Body_Exactly_At_The_Cap_Is_Fetched()
    {
        server.Map("/exact", async context => await context.Response.Body.WriteAsync(new byte[4096]));
        using var fetcher = TestFetchers.Create(TestFetchers.Options(o => o.MaxBodyBytes = 4096));

        var result = await fetcher.FetchAsync(TestFetchers.Get(server.Url("/exact")), CancellationToken.None);

        result.Outcome.ShouldBe(FetchOutcome.Fetched);
        result.Body.Length.ShouldBe(4096);
    }

    [Fact]
    public async Task Gzip_Bomb_Is_Failed_After_Decompressing_Only_About_The_Cap()
    {
        // One gigabyte of zeros, compressed on the fly while the client reads; never stored.
        const long oneGigabyte = 1L << 30;
        server.Map("/bomb", async context =>
        {
            long total = 0;
            try
            {
                context.Response.Headers.ContentEncoding = "gzip";
                context.Response.ContentType = "application/xml";
                await using var gzip = new GZipStream(context.Response.Body, CompressionLevel.Fastest, leaveOpen: true);
                var zeros = new byte[1024 * 1024];
                while (total < oneGigabyte && !context.RequestAborted.IsCancellationRequested)
                {
                    await gzip.WriteAsync(zeros, context.RequestAborted);
                    total += zeros.Length;
                }
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or InvalidOperationException)
            {
                // the client hung up, as it should
            }
        });
        using var fetcher = TestFetchers.Create(TestFetchers.Options(o => o.MaxBodyBytes = 1024 * 1024));
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var result = await fetcher.FetchAsync(TestFetchers.Get(server.Url("/bomb")), CancellationToken.None);

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        result.Outcome.ShouldBe(FetchOutcome.Failed);
        result.Error.ShouldBe("the body exceeds the 1 MB limit (Polling:MaxBodyBytes)");
        result.Body.ShouldBeEmpty();
        // Reading the bomb whole would allocate over a gigabyte; the capped reader needs a few megabytes.
        // (How much the server managed to compress is not asserted: ~1 MB of gzip fits in the socket buffers.)
        allocated.ShouldBeLessThan(64L * 1024 * 1024);
    }

    [Fact]
    public async Task Server_That_Accepts_And_Never_Answers_Times_Out()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var clock = new ManualTimeProvider();
        using var fetcher = TestFetchers.Create(time: clock);

        var fetch = fetcher.FetchAsync(TestFetchers.Get(new Uri($"http://127.0.0.1:{Port(listener)}/feed")), CancellationToken.None);
        using var accepted = await listener.AcceptTcpClientAsync().WaitAsync(Guard);
        clock.Advance(TimeSpan.FromSeconds(20));
        var result = await fetch;

        result.Outcome.ShouldBe(FetchOutcome.Failed);
        result.Status.ShouldBeNull();
        result.Error.ShouldBe("timed out after 20 s");
    }

    [Fact]
    public async Task Body_That_Stalls_After_The_Headers_Times_Out()
    {
        var headersSent = new TaskCompletionSource();
        server.Map("/stall", async context =>
        {
            context.Response.ContentLength = 1000;
            await context.Response.WriteAsync("<rss>");
            await context.Response.Body.FlushAsync();
            headersSent.SetResult();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        var clock = new ManualTimeProvider();
        using var fetcher = TestFetchers.Create(TestFetchers.Options(o => o.Timeout = TimeSpan.FromMilliseconds(1500)), clock);

        var fetch = fetcher.FetchAsync(TestFetchers.Get(server.Url("/stall")), CancellationToken.None);
        await headersSent.Task.WaitAsync(Guard);
        clock.Advance(TimeSpan.FromMilliseconds(1500));
        var result = await fetch;

        result.Outcome.ShouldBe(FetchOutcome.Failed);
        result.Error.ShouldBe("timed out after 1.5 s");
    }

    [Fact]
    public async Task Connection_Closed_Mid_Body_Is_Failed()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var fetcher = TestFetchers.Create();

        var fetch = fetcher.FetchAsync(TestFetchers.Get(new Uri($"http://127.0.0.1:{Port(listener)}/feed")), CancellationToken.None);
        using (var client = await listener.AcceptTcpClientAsync().WaitAsync(Guard))
        {
            var stream = client.GetStream();
            await ReadRequestHeadAsync(stream);
            await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 1000\r\n\r\n<rss><channel>"u8.ToArray());
        }

        var result = await fetch;

        result.Outcome.ShouldBe(FetchOutcome.Failed);
        result.Error.ShouldBe("the connection closed before the body was complete");
    }

    [Fact]
    public async Task Connection_Closed_Before_Any_Response_Is_Failed()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var fetcher = TestFetchers.Create();

        var fetch = fetcher.FetchAsync(TestFetchers.Get(new Uri($"http://127.0.0.1:{Port(listener)}/feed")), CancellationToken.None);
        var accepted = 0;
        while (!fetch.IsCompleted)
        {
            // The handler may retry a request that got no response byte at all, on a new connection: hang up on each.
            var next = listener.AcceptTcpClientAsync();
            if (await Task.WhenAny(next, fetch) != next)
            {
                break;
            }

            using var client = await next;
            accepted++;
            await ReadRequestHeadAsync(client.GetStream());
        }

        var result = await fetch;

        result.Outcome.ShouldBe(FetchOutcome.Failed);
        result.Error.ShouldBe("the connection closed before the response was complete");
        accepted.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Garbage_Instead_Of_Http_Is_Failed()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var fetcher = TestFetchers.Create();

        var fetch = fetcher.FetchAsync(TestFetchers.Get(new Uri($"http://127.0.0.1:{Port(listener)}/feed")), CancellationToken.None);
        using (var client = await listener.AcceptTcpClientAsync().WaitAsync(Guard))
        {
            var stream = client.GetStream();
            await ReadRequestHeadAsync(stream);
            await stream.WriteAsync("SSH-2.0-OpenSSH_9.6\r\n\r\n"u8.ToArray());
        }

        var result = await fetch;

        result.Outcome.ShouldBe(FetchOutcome.Failed);
        result.Error!.ShouldStartWith("the server sent an invalid HTTP response");
    }

    [Fact]
    public async Task Refused_Connection_Is_Failed()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = Port(listener);
        listener.Stop(); // nothing listens there now
        using var fetcher = TestFetchers.Create();

        var result = await fetcher.FetchAsync(TestFetchers.Get(new Uri($"http://127.0.0.1:{port}/feed")), CancellationToken.None);

        result.Outcome.ShouldBe(FetchOutcome.Failed);
        result.Error!.ShouldStartWith("could not connect");
    }

    private static async Task WriteZerosAsync(HttpContext context, long length, bool declareLength)
    {
        long total = 0;
        try
        {
            if (declareLength)
            {
                context.Response.ContentLength = length;
            }

            var chunk = new byte[64 * 1024];
            while (total < length && !context.RequestAborted.IsCancellationRequested)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                total += chunk.Length;
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            // the client hung up, as it should
        }
    }

    private static int Port(TcpListener listener) => ((IPEndPoint)listener.LocalEndpoint).Port;

    private static async Task ReadRequestHeadAsync(NetworkStream stream)
    {
        var seen = new StringBuilder();
        var buffer = new byte[1024];
        while (!seen.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                return;
            }

            seen.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
    }
}
