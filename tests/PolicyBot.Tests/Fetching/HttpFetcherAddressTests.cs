using System.Net;
using PolicyBot.Fetching;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Fetching;

public sealed class HttpFetcherAddressTests : IAsyncLifetime
{
    private LoopbackServer server = null!;

    public async Task InitializeAsync()
    {
        server = await LoopbackServer.StartAsync();
        server.Map("/feed", LoopbackServer.Respond(200, "ok"));
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Loopback_Is_Refused_Before_Any_Request_When_Private_Addresses_Are_Not_Allowed()
    {
        using var fetcher = TestFetchers.Create(TestFetchers.Options(o => o.AllowedPrivateHosts = []));

        var result = await fetcher.FetchAsync(TestFetchers.Get(server.Url("/feed")), CancellationToken.None);

        result.Outcome.ShouldBe(FetchOutcome.Failed);
        result.Status.ShouldBeNull();
        result.Error.ShouldBe("refused: 127.0.0.1 is a loopback address (set Polling:AllowPrivateAddresses to allow)");
        server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Loopback_Is_Fetched_When_Private_Addresses_Are_Allowed()
    {
        using var fetcher = TestFetchers.Create(TestFetchers.Options(o =>
        {
            o.AllowedPrivateHosts = [];
            o.AllowPrivateAddresses = true;
        }));

        var result = await fetcher.FetchAsync(TestFetchers.Get(server.Url("/feed")), CancellationToken.None);

        result.Outcome.ShouldBe(FetchOutcome.Fetched);
        server.Requests.ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("LOCALHOST.")]
    [InlineData("feeds.localhost")]
    public async Task Localhost_Names_Are_Refused_Before_Any_Request(string host)
    {
        using var fetcher = TestFetchers.Create();
        var url = new UriBuilder(server.Url("/feed")) { Host = host }.Uri;

        var result = await fetcher.FetchAsync(TestFetchers.Get(url), CancellationToken.None);

        result.Outcome.ShouldBe(FetchOutcome.Failed);
        result.Error!.ShouldContain("is a loopback name");
        server.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("http://2130706433:{port}/feed")]
    [InlineData("http://0x7f000001:{port}/feed")]
    [InlineData("http://127.1:{port}/feed")]
    [InlineData("http://[::1]:{port}/feed")]
    [InlineData("http://[::ffff:127.0.0.1]:{port}/feed")]
    public async Task Alternative_Spellings_Of_Loopback_Are_Refused(string template)
    {
        using var fetcher = TestFetchers.Create(TestFetchers.Options(o => o.AllowedPrivateHosts = []));
        var url = new Uri(template.Replace("{port}", server.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var result = await fetcher.FetchAsync(TestFetchers.Get(url), CancellationToken.None);

        result.Outcome.ShouldBe(FetchOutcome.Failed);
        result.Error!.ShouldStartWith("refused:");
        result.Error.ShouldContain("loopback");
        server.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/feed", "unsupported scheme 'ftp'")]
    [InlineData("gopher://127.0.0.1/feed", "unsupported scheme 'gopher'")]
    [InlineData("file:///etc/passwd", "unsupported scheme 'file'")]
    public async Task Non_Http_Scheme_Is_Failed_Before_Any_Request(string url, string expected)
    {
        using var fetcher = TestFetchers.Create();

        var result = await fetcher.FetchAsync(TestFetchers.Get(new Uri(url)), CancellationToken.None);

        result.Outcome.ShouldBe(FetchOutcome.Failed);
        result.Error!.ShouldStartWith(expected);
    }

    [Fact]
    public async Task Credential_Bearing_Url_Is_Failed_Before_Any_Request_Without_Echoing_The_Password()
    {
        using var fetcher = TestFetchers.Create();
        var url = new UriBuilder(server.Url("/feed")) { UserName = "reader", Password = "hunter2" }.Uri;

        var result = await fetcher.FetchAsync(TestFetchers.Get(url), CancellationToken.None);

        result.Outcome.ShouldBe(FetchOutcome.Failed);
        result.Error!.ShouldContain("credentials");
        result.Error!.ShouldNotContain("hunter2");
        server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Secrets_In_Urls_Never_Reach_The_Log_Or_The_Error()
    {
        server.Map("/missing", LoopbackServer.Respond(404));
        var log = new RecordingLogger<HttpFetcher>();
        using var fetcher = TestFetchers.Create(logger: log);
        var withPassword = new UriBuilder(server.Url("/feed")) { UserName = "reader", Password = "hunter2" }.Uri;

        var refused = await fetcher.FetchAsync(TestFetchers.Get(withPassword), CancellationToken.None);
        var missing = await fetcher.FetchAsync(TestFetchers.Get(server.Url("/missing?token=s3cr3t")), CancellationToken.None);

        refused.Outcome.ShouldBe(FetchOutcome.Failed);
        missing.Outcome.ShouldBe(FetchOutcome.Failed);
        log.Records.ShouldNotBeEmpty();
        foreach (var text in log.Records.Select(r => r.Message).Append(refused.Error!).Append(missing.Error!))
        {
            text.ShouldNotContain("hunter2");
            text.ShouldNotContain("s3cr3t");
        }
    }

    [Fact]
    public async Task Name_Resolving_To_A_Private_Address_Is_Refused_At_Connect_Time()
    {
        // DNS rebinding: the name looks harmless, the answer is private. The fake resolver answers without any network.
        using var fetcher = TestFetchers.Create(resolve: (_, _) => Task.FromResult(new[] { IPAddress.Parse("10.0.0.1") }));

        var result = await fetcher.FetchAsync(TestFetchers.Get(new Uri("http://feeds.example.org:81/feed")), CancellationToken.None);

        result.Outcome.ShouldBe(FetchOutcome.Failed);
        result.Error.ShouldBe("refused: feeds.example.org resolves to 10.0.0.1, a private address (set Polling:AllowPrivateAddresses to allow)");
    }

    [Fact]
    public async Task Name_Resolving_To_Loopback_Is_Refused_At_Connect_Time_Even_In_Mapped_Form()
    {
        using var fetcher = TestFetchers.Create(resolve: (_, _) => Task.FromResult(new[] { IPAddress.Parse("127.0.0.1").MapToIPv6() }));

        var result = await fetcher.FetchAsync(TestFetchers.Get(new UriBuilder(server.Url("/feed")) { Host = "rebind.example" }.Uri), CancellationToken.None);

        result.Outcome.ShouldBe(FetchOutcome.Failed);
        result.Error!.ShouldStartWith("refused: rebind.example resolves to ::ffff:127.0.0.1, a loopback address");
        server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Name_Listed_In_Allowed_Private_Hosts_Connects_To_The_Address_It_Resolves_To()
    {
        var asked = new List<string>();
        using var fetcher = TestFetchers.Create(
            TestFetchers.Options(o => o.AllowedPrivateHosts = ["intranet.example"]),
            resolve: (host, _) =>
            {
                asked.Add(host);
                return Task.FromResult(new[] { IPAddress.Loopback });
            });

        var result = await fetcher.FetchAsync(TestFetchers.Get(new UriBuilder(server.Url("/feed")) { Host = "intranet.example" }.Uri), CancellationToken.None);

        result.Outcome.ShouldBe(FetchOutcome.Fetched);
        asked.ShouldBe(["intranet.example"]);
        server.Requests.ShouldHaveSingleItem().Header("Host").ShouldBe($"intranet.example:{server.BaseAddress.Port}");
    }

    [Fact]
    public async Task Unresolvable_Name_Is_Failed()
    {
        using var fetcher = TestFetchers.Create(resolve: (_, _) => Task.FromException<IPAddress[]>(new System.Net.Sockets.SocketException(11001)));

        var result = await fetcher.FetchAsync(TestFetchers.Get(new Uri("http://no-such-host.example/feed")), CancellationToken.None);

        result.Outcome.ShouldBe(FetchOutcome.Failed);
        result.Error.ShouldBe("could not resolve no-such-host.example");
    }
}
