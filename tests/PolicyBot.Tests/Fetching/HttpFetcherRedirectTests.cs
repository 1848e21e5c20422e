using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using PolicyBot.Fetching;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Fetching;

public sealed class HttpFetcherRedirectTests : IAsyncLifetime
{
    private LoopbackServer server = null!;

    public async Task InitializeAsync() => server = await LoopbackServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task Redirect_Is_Followed_To_The_Final_Url(int status)
    {
        server.Map("/old", Redirect(status, server.Url("/new").AbsoluteUri));
        server.Map("/new", LoopbackServer.Respond(200, "moved here"));
        using var fetcher = TestFetchers.Create();

        var result = await fetcher.FetchAsync(TestFetchers.Get(server.Url("/old"), "\"e\""), CancellationToken.None);

        result.Outcome.ShouldBe(FetchOutcome.Fetched);
        result.FinalUrl.ShouldBe(server.Url("/new"));
        Encoding.UTF8.GetString(result.Body).ShouldBe("moved here");
        server.Requests.Select(r => $"{r.Method} {r.Path}").ShouldBe(["GET /old", "GET /new"]);
        server.Requests[1].Header("If-None-Match").ShouldBe("\"e\"");
        server.UnexpectedRequests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("/feeds/b/next.xml", "/feeds/a/start", "/feeds/b/next.xml")]
    [InlineData("../b/next.xml", "/feeds/a/start", "/feeds/b/next.xml")]
    [InlineData("next.xml", "/feeds/a/start", "/feeds/a/next.xml")]
    public async Task Relative_Location_Is_Resolved_Against_The_Current_Url(string location, string start, string expectedPath)
    {
        server.Map(start, Redirect(302, location));
        server.Map(expectedPath, LoopbackServer.Respond(200, "ok"));
        using var fetcher = TestFetchers.Create();

        var result = await fetcher.FetchAsync(TestFetchers.Get(server.Url(start)), CancellationToken.None);

        result.Outcome.ShouldBe(FetchOutcome.Fetched);
        result.FinalUrl.AbsolutePath.ShouldBe(expectedPath);
        server.UnexpectedRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Redirect_Loop_Is_Failed_With_A_Loop_Message_Without_The_Query()
    {
        server.Map("/a", Redirect(302, "/b?token=s3cr3t"));
        server.Map("/b", Redirect(302, "/a"));
        using var fetcher = TestFetchers.Create();

        var result = await fetcher.FetchAsync(TestFetchers.Get(server.Url("/a")), CancellationToken.None);

        result.Outcome.ShouldBe(FetchOutcome.Failed);
        result.Error!.ShouldStartWith("redirect loop");
        result.Error.ShouldNotContain("s3cr3t");
        server.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Redirect_Chain_Longer_Than_The_Cap_Is_Failed_Without_Requesting_Past_It()
    {
        for (var i = 0; i < 5; i++)
        {
            server.Map($"/r{i}", Redirect(301, $"/r{i + 1}"));
        }

        using var fetcher = TestFetchers.Create(TestFetchers.Options(o => o.MaxRedirects = 2));

        var result = await fetcher.FetchAsync(TestFetchers.Get(server.Url("/r0")), CancellationToken.None);

        result.Outcome.ShouldBe(FetchOutcome.Failed);
        result.Error.ShouldBe("too many redirects (more than 2)");
        server.Requests.Select(r => r.Path).ShouldBe(["/r0", "/r1", "/r2"]);
    }

    [Fact]
    public async Task Redirect_Chain_Exactly_At_The_Cap_Is_Followed()
    {
        server.Map("/r0", Redirect(301, "/r1"));
        server.Map("/r1", Redirect(301, "/r2"));
        server.Map("/r2", LoopbackServer.Respond(200, "end"));
        using var fetcher = TestFetchers.Create(TestFetchers.Options(o => o.MaxRedirects = 2));

        var result = await fetcher.FetchAsync(TestFetchers.Get(server.Url("/r0")), CancellationToken.None);

        result.Outcome.ShouldBe(FetchOutcome.Fetched);
        result.FinalUrl.AbsolutePath.ShouldBe("/r2");
    }

    [Fact]
    public async Task Redirect_Without_Location_Is_Failed()
    {
        server.Map("/old", context =>
        {
            context.Response.StatusCode = 302;
            return Task.CompletedTask;
        });
        using var fetcher = TestFetchers.Create();

        var result = await fetcher.FetchAsync(TestFetchers.Get(server.Url("/old")), CancellationToken.None);

        result.Outcome.ShouldBe(FetchOutcome.Failed);
        result.Status.ShouldBe(HttpStatusCode.Found);
        result.Error.ShouldBe("HTTP 302 Found without a Location header");
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data", "refused: 169.254.169.254 is a cloud metadata address (set Polling:AllowPrivateAddresses to allow)")]
    [InlineData("http://10.0.0.1/", "refused: 10.0.0.1 is a private address (set Polling:AllowPrivateAddresses to allow)")]
    [InlineData("http://[fd00:ec2::254]/latest", "refused: fd00:ec2::254 is a cloud metadata address (set Polling:AllowPrivateAddresses to allow)")]
    [InlineData("http://[::ffff:10.0.0.1]/", "refused: ::ffff:10.0.0.1 is a private address (set Polling:AllowPrivateAddresses to allow)")]
    [InlineData("http://localhost/", "refused: localhost is a loopback name (set Polling:AllowPrivateAddresses to allow)")]
    [InlineData("http://metadata.google.internal/computeMetadata/v1/", "refused: metadata.google.internal is a cloud metadata name (set Polling:AllowPrivateAddresses to allow)")]
    public async Task Redirect_From_An_Allowed_Host_To_A_Private_Target_Is_Refused_Before_Connecting(string location, string expected)
    {
        server.Map("/feed", Redirect(302, location));
        using var fetcher = TestFetchers.Create();

        var result = await fetcher.FetchAsync(TestFetchers.Get(server.Url("/feed")), CancellationToken.None);

        result.Outcome.ShouldBe(FetchOutcome.Failed);
        result.Error!.ShouldStartWith(expected);
        server.Requests.ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/feed", "unsupported scheme 'ftp'")]
    [InlineData("file:///etc/passwd", "unsupported scheme 'file'")]
    [InlineData("http://admin:hunter2@127.0.0.1/feed", "the URL carries credentials")]
    public async Task Redirect_To_A_Bad_Url_Is_Refused_Without_Echoing_Secrets(string location, string expected)
    {
        server.Map("/feed", Redirect(302, location));
        using var fetcher = TestFetchers.Create();

        var result = await fetcher.FetchAsync(TestFetchers.Get(server.Url("/feed")), CancellationToken.None);

        result.Outcome.ShouldBe(FetchOutcome.Failed);
        result.Error!.ShouldStartWith(expected);
        result.Error!.ShouldNotContain("hunter2");
        server.Requests.ShouldHaveSingleItem();
    }

    private static RequestDelegate Redirect(int status, string location) => context =>
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    };
}
