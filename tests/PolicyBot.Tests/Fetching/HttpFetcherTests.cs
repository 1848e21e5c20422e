using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using PolicyBot.Fetching;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Fetching;

public sealed class HttpFetcherTests : IAsyncLifetime
{
    private LoopbackServer server = null!;

    public async Task InitializeAsync() => server = await LoopbackServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Ok_Response_Returns_Body_Validators_And_Final_Url()
    {
        server.Map("/feed.xml", async context =>
        {
            context.Response.Headers.ETag = "\"v1\"";
            context.Response.Headers.LastModified = "Tue, 15 Oct 2024 08:00:00 GMT";
            context.Response.ContentType = "application/rss+xml";
            await context.Response.WriteAsync("<rss/>");
        });
        using var fetcher = TestFetchers.Create();

        var result = await fetcher.FetchAsync(TestFetchers.Get(server.Url("/feed.xml")), CancellationToken.None);

        result.Outcome.ShouldBe(FetchOutcome.Fetched);
        result.Status.ShouldBe(HttpStatusCode.OK);
        Encoding.UTF8.GetString(result.Body).ShouldBe("<rss/>");
        result.ETag.ShouldBe("\"v1\"");
        result.LastModified.ShouldBe("Tue, 15 Oct 2024 08:00:00 GMT");
        result.FinalUrl.ShouldBe(server.Url("/feed.xml"));
        result.Error.ShouldBeNull();
        server.UnexpectedRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Request_Carries_Configured_User_Agent_And_Feed_Friendly_Accept()
    {
        server.Map("/", LoopbackServer.Respond(200, "hi"));
        using var fetcher = TestFetchers.Create(TestFetchers.Options(o => o.UserAgent = "PolicyBotTest/9.9 (+https://example.org/bot)"));

        await fetcher.FetchAsync(TestFetchers.Get(server.Url("/")), CancellationToken.None);

        var request = server.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe("GET");
        request.Header("User-Agent").ShouldBe("PolicyBotTest/9.9 (+https://example.org/bot)");
        request.Header("Accept")!.ShouldStartWith("application/rss+xml, application/atom+xml");
        request.Header("Accept")!.ShouldContain("text/html");
        request.Header("If-None-Match").ShouldBeNull();
        request.Header("If-Modified-Since").ShouldBeNull();
    }

    [Fact]
    public async Task Conditional_Get_Sends_Validators_And_304_Is_Not_Modified_With_Validators_Carried_Forward()
    {
        server.Map("/feed.xml", context =>
        {
            context.Response.StatusCode = context.Request.Headers.IfNoneMatch == "W/\"v1\"" ? 304 : 200;
            return Task.CompletedTask;
        });
        using var fetcher = TestFetchers.Create();

        var result = await fetcher.FetchAsync(
            TestFetchers.Get(server.Url("/feed.xml"), "W/\"v1\"", "Tue, 15 Oct 2024 08:00:00 GMT"), CancellationToken.None);

        result.Outcome.ShouldBe(FetchOutcome.NotModified);
        result.Status.ShouldBe(HttpStatusCode.NotModified);
        result.Body.ShouldBeEmpty();
        result.ETag.ShouldBe("W/\"v1\"");
        result.LastModified.ShouldBe("Tue, 15 Oct 2024 08:00:00 GMT");
        var request = server.Requests.ShouldHaveSingleItem();
        request.Header("If-None-Match").ShouldBe("W/\"v1\"");
        request.Header("If-Modified-Since").ShouldBe("Tue, 15 Oct 2024 08:00:00 GMT");
    }

    [Fact]
    public async Task Not_Modified_With_A_New_ETag_Returns_The_New_One()
    {
        server.Map("/feed.xml", context =>
        {
            context.Response.StatusCode = 304;
            context.Response.Headers.ETag = "\"v2\"";
            return Task.CompletedTask;
        });
        using var fetcher = TestFetchers.Create();

        var result = await fetcher.FetchAsync(TestFetchers.Get(server.Url("/feed.xml"), "\"v1\""), CancellationToken.None);

        result.Outcome.ShouldBe(FetchOutcome.NotModified);
        result.ETag.ShouldBe("\"v2\"");
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public async Task Compressed_Body_Is_Decompressed(string encoding)
    {
        var text = string.Concat(Enumerable.Repeat("<item>open weights</item>", 200));
        server.Map("/feed.xml", async context =>
        {
            context.Response.Headers.ContentEncoding = encoding;
            context.Response.ContentType = "application/xml";
            await context.Response.Body.WriteAsync(Compress(encoding, Encoding.UTF8.GetBytes(text)));
        });
        using var fetcher = TestFetchers.Create();

        var result = await fetcher.FetchAsync(TestFetchers.Get(server.Url("/feed.xml")), CancellationToken.None);

        result.Outcome.ShouldBe(FetchOutcome.Fetched);
        Encoding.UTF8.GetString(result.Body).ShouldBe(text);
        var acceptEncoding = server.Requests.ShouldHaveSingleItem().Header("Accept-Encoding")!;
        acceptEncoding.ShouldContain("gzip");
        acceptEncoding.ShouldContain("deflate");
        acceptEncoding.ShouldContain("br");
    }

    [Fact]
    public async Task Corrupt_Gzip_Body_Is_Failed_With_A_Decompression_Message()
    {
        server.Map("/feed.xml", async context =>
        {
            context.Response.Headers.ContentEncoding = "gzip";
            await context.Response.Body.WriteAsync(new byte[] { 0x1f, 0x8b, 0x08, 0x00, 0xde, 0xad, 0xbe, 0xef, 0x00, 0x03, 0xff, 0xff, 0xff });
        });
        using var fetcher = TestFetchers.Create();

        var result = await fetcher.FetchAsync(TestFetchers.Get(server.Url("/feed.xml")), CancellationToken.None);

        result.Outcome.ShouldBe(FetchOutcome.Failed);
        result.Error.ShouldStartWith("the body could not be decompressed");
        result.Body.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("application/rss+xml; charset=ISO-8859-1")]
    [InlineData("text/html;charset=\"windows-1252\"")]
    [InlineData("application/x-unusual")]
    public async Task Content_Type_Is_Kept_Verbatim(string contentType)
    {
        server.Map("/page", LoopbackServer.Respond(200, "x", contentType));
        using var fetcher = TestFetchers.Create();

        var result = await fetcher.FetchAsync(TestFetchers.Get(server.Url("/page")), CancellationToken.None);

        result.ContentType.ShouldBe(contentType);
    }

    [Theory]
    [InlineData(404, "HTTP 404 Not Found")]
    [InlineData(500, "HTTP 500 Internal Server Error")]
    [InlineData(410, "HTTP 410 Gone")]
    [InlineData(299, "HTTP 299")]
    public async Task Error_Status_Is_Failed_With_Status_And_Message(int status, string expected)
    {
        server.Map("/gone", LoopbackServer.Respond(status, "<html>error page</html>", "text/html"));
        using var fetcher = TestFetchers.Create();

        var result = await fetcher.FetchAsync(TestFetchers.Get(server.Url("/gone"), "\"kept\""), CancellationToken.None);

        if (status == 299)
        {
            result.Outcome.ShouldBe(FetchOutcome.Fetched); // any 2xx is a success
            return;
        }

        result.Outcome.ShouldBe(FetchOutcome.Failed);
        result.Status.ShouldBe((HttpStatusCode)status);
        result.Error.ShouldBe(expected);
        result.Body.ShouldBeEmpty();
        result.RetryAfter.ShouldBeNull();
        result.ETag.ShouldBe("\"kept\"");
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task Retry_After_Seconds_Is_Returned(int status)
    {
        server.Map("/busy", context =>
        {
            context.Response.StatusCode = status;
            context.Response.Headers.RetryAfter = "120";
            return Task.CompletedTask;
        });
        using var fetcher = TestFetchers.Create();

        var result = await fetcher.FetchAsync(TestFetchers.Get(server.Url("/busy")), CancellationToken.None);

        result.Outcome.ShouldBe(FetchOutcome.Failed);
        result.Status.ShouldBe((HttpStatusCode)status);
        result.RetryAfter.ShouldBe(TimeSpan.FromSeconds(120));
    }

    [Theory]
    [InlineData(429, "Wed, 01 Jan 2025 00:05:00 GMT", 300)]
    [InlineData(503, "Wed, 01 Jan 2025 01:00:00 GMT", 3600)]
    [InlineData(503, "Tue, 31 Dec 2024 23:00:00 GMT", 0)]
    public async Task Retry_After_Http_Date_Is_Measured_From_The_Injected_Clock(int status, string header, int expectedSeconds)
    {
        server.Map("/busy", context =>
        {
            context.Response.StatusCode = status;
            context.Response.Headers.RetryAfter = header;
            return Task.CompletedTask;
        });
        var clock = new ManualTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var fetcher = TestFetchers.Create(time: clock);

        var result = await fetcher.FetchAsync(TestFetchers.Get(server.Url("/busy")), CancellationToken.None);

        result.RetryAfter.ShouldBe(TimeSpan.FromSeconds(expectedSeconds));
    }

    [Fact]
    public async Task Unparseable_Retry_After_Is_Ignored()
    {
        server.Map("/busy", context =>
        {
            context.Response.StatusCode = 429;
            context.Response.Headers.RetryAfter = "soon-ish";
            return Task.CompletedTask;
        });
        using var fetcher = TestFetchers.Create();

        var result = await fetcher.FetchAsync(TestFetchers.Get(server.Url("/busy")), CancellationToken.None);

        result.Outcome.ShouldBe(FetchOutcome.Failed);
        result.RetryAfter.ShouldBeNull();
    }

    [Fact]
    public async Task Error_Message_Does_Not_Contain_The_Query_String()
    {
        server.Map("/feed", LoopbackServer.Respond(404));
        using var fetcher = TestFetchers.Create();

        var result = await fetcher.FetchAsync(TestFetchers.Get(server.Url("/feed?token=s3cr3t-value")), CancellationToken.None);

        result.Error.ShouldNotBeNull();
        result.Error.ShouldNotContain("s3cr3t");
    }

    private static byte[] Compress(string encoding, byte[] payload)
    {
        using var output = new MemoryStream();
        using (Stream compressor = encoding switch
        {
            "gzip" => new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true),
            "deflate" => new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true),
            _ => new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true),
        })
        {
            compressor.Write(payload);
        }

        return output.ToArray();
    }
}
