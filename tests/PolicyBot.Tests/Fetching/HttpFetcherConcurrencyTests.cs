using Microsoft.AspNetCore.Http;
using PolicyBot.Fetching;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Fetching;

public sealed class HttpFetcherConcurrencyTests : IAsyncLifetime
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10); // only bounds a broken test; never reached when passing
    private LoopbackServer server = null!;

    public async Task InitializeAsync() => server = await LoopbackServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Requests_To_One_Host_Never_Exceed_The_Per_Host_Limit()
    {
        var gate = new HeldRequests();
        server.Map("/slow", gate.HandleAsync);
        var log = new RecordingLogger<HttpFetcher>();
        using var fetcher = TestFetchers.Create(TestFetchers.Options(o =>
        {
            o.Concurrency = 16;
            o.PerHostConcurrency = 2;
        }), logger: log);

        var fetches = Enumerable.Range(0, 6).Select(_ => fetcher.FetchAsync(TestFetchers.Get(server.Url("/slow")), CancellationToken.None)).ToList();
        await gate.WaitForArrivalsAsync(2);
        await log.WaitForAsync(r => r.Message.Contains("per-host fetch slot"), count: 4).WaitAsync(Guard); // the rest are queued
        await gate.ReleaseOneByOneAsync(held: 2, total: 6);
        var results = await Task.WhenAll(fetches);

        results.ShouldAllBe(r => r.Outcome == FetchOutcome.Fetched);
        gate.MaxInFlight.ShouldBe(2);
    }

    [Fact]
    public async Task Requests_Never_Exceed_The_Global_Limit_Even_When_The_Host_Limit_Is_Higher()
    {
        var gate = new HeldRequests();
        server.Map("/slow", gate.HandleAsync);
        var log = new RecordingLogger<HttpFetcher>();
        using var fetcher = TestFetchers.Create(TestFetchers.Options(o =>
        {
            o.Concurrency = 3;
            o.PerHostConcurrency = 16;
        }), logger: log);

        var fetches = Enumerable.Range(0, 7).Select(_ => fetcher.FetchAsync(TestFetchers.Get(server.Url("/slow")), CancellationToken.None)).ToList();
        await gate.WaitForArrivalsAsync(3);
        await log.WaitForAsync(r => r.Message.Contains("global fetch slot"), count: 4).WaitAsync(Guard); // the rest are queued
        await gate.ReleaseOneByOneAsync(held: 3, total: 7);
        var results = await Task.WhenAll(fetches);

        results.ShouldAllBe(r => r.Outcome == FetchOutcome.Fetched);
        gate.MaxInFlight.ShouldBe(3);
    }

    [Fact]
    public async Task A_Busy_Host_Does_Not_Hold_Up_Another_Host()
    {
        var gate = new HeldRequests();
        server.Map("/slow", gate.HandleAsync);
        await using var other = await LoopbackServer.StartAsync("127.0.0.2");
        other.Map("/fast", LoopbackServer.Respond(200, "fast"));
        using var fetcher = TestFetchers.Create(TestFetchers.Options(o =>
        {
            o.Concurrency = 4;
            o.PerHostConcurrency = 1;
            o.AllowedPrivateHosts = ["127.0.0.1", "127.0.0.2"];
        }));

        var held = fetcher.FetchAsync(TestFetchers.Get(server.Url("/slow")), CancellationToken.None);
        await gate.WaitForArrivalsAsync(1);
        var fast = await fetcher.FetchAsync(TestFetchers.Get(other.Url("/fast")), CancellationToken.None);
        gate.Release(1);
        var slow = await held;

        fast.Outcome.ShouldBe(FetchOutcome.Fetched);
        slow.Outcome.ShouldBe(FetchOutcome.Fetched);
        gate.MaxInFlight.ShouldBe(1);
    }

    [Fact]
    public async Task Cancelling_A_Fetch_In_Flight_Throws_And_Aborts_The_Request()
    {
        var aborted = new TaskCompletionSource();
        var arrived = new TaskCompletionSource();
        server.Map("/slow", async context =>
        {
            context.RequestAborted.Register(() => aborted.TrySetResult());
            arrived.SetResult();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        using var fetcher = TestFetchers.Create();
        using var cancellation = new CancellationTokenSource();

        var fetch = fetcher.FetchAsync(TestFetchers.Get(server.Url("/slow")), cancellation.Token);
        await arrived.Task.WaitAsync(Guard);
        await cancellation.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(fetch);
        await aborted.Task.WaitAsync(Guard);
    }

    [Fact]
    public async Task Cancelling_A_Fetch_Waiting_For_A_Slot_Throws_Without_Sending_It()
    {
        var gate = new HeldRequests();
        server.Map("/slow", gate.HandleAsync);
        var log = new RecordingLogger<HttpFetcher>();
        using var fetcher = TestFetchers.Create(TestFetchers.Options(o => o.Concurrency = 1), logger: log);
        using var cancellation = new CancellationTokenSource();

        var first = fetcher.FetchAsync(TestFetchers.Get(server.Url("/slow")), CancellationToken.None);
        await gate.WaitForArrivalsAsync(1);
        var queued = fetcher.FetchAsync(TestFetchers.Get(server.Url("/slow")), cancellation.Token);
        await log.WaitForAsync(r => r.EventName == "WaitingForSlot").WaitAsync(Guard);
        await cancellation.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(queued);
        gate.Release(1);
        (await first).Outcome.ShouldBe(FetchOutcome.Fetched);
        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Already_Cancelled_Token_Throws()
    {
        server.Map("/feed", LoopbackServer.Respond(200, "ok"));
        using var fetcher = TestFetchers.Create();

        await Should.ThrowAsync<OperationCanceledException>(
            fetcher.FetchAsync(TestFetchers.Get(server.Url("/feed")), new CancellationToken(canceled: true)));

        server.Requests.ShouldBeEmpty();
    }

    /// <summary>A handler that holds each request until the test releases it, counting how many are held at once.</summary>
    private sealed class HeldRequests
    {
        private readonly SemaphoreSlim releases = new(0);
        private int inFlight;
        private int maxInFlight;

        private readonly SemaphoreSlim arrivals = new(0);

        public int MaxInFlight => Volatile.Read(ref maxInFlight);

        public async Task HandleAsync(HttpContext context)
        {
            var now = Interlocked.Increment(ref inFlight);
            int seen;
            while (now > (seen = Volatile.Read(ref maxInFlight)) && Interlocked.CompareExchange(ref maxInFlight, now, seen) != seen)
            {
            }

            arrivals.Release();
            try
            {
                await releases.WaitAsync(context.RequestAborted);
            }
            finally
            {
                Interlocked.Decrement(ref inFlight); // before answering, so the client's next request sees the true count
            }

            await context.Response.WriteAsync("done");
        }

        public void Release(int count) => releases.Release(count);

        public async Task WaitForArrivalsAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                (await arrivals.WaitAsync(Guard)).ShouldBeTrue("a request never reached the server");
            }
        }

        /// <summary>With <paramref name="held"/> requests held, lets them go one at a time as the queued ones arrive.</summary>
        public async Task ReleaseOneByOneAsync(int held, int total)
        {
            for (var arrived = held; arrived < total; arrived++)
            {
                Release(1);
                await WaitForArrivalsAsync(1);
            }

            Release(held);
        }
    }
}
