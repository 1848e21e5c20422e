using System.Net;
using System.Text;

namespace PolicyBot.Tests.Infrastructure;

public sealed class LoopbackServerTests
{
    [Fact]
    public async Task Mapped_Route_Answers_And_The_Request_Is_Recorded()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("POST", "/hook", LoopbackServer.Respond(202, "accepted"));
        using var client = new HttpClient();

        using var content = new StringContent("{\"text\":\"hi\"}", Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(server.Url("/hook?x=1"), content);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await response.Content.ReadAsStringAsync()).ShouldBe("accepted");
        var request = server.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe("POST");
        request.Path.ShouldBe("/hook");
        request.Query.ShouldBe("?x=1");
        request.Header("content-type").ShouldBe("application/json; charset=utf-8");
        request.BodyText.ShouldBe("{\"text\":\"hi\"}");
        server.UnexpectedRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Unmapped_Request_Gets_500_And_Is_Listed_As_Unexpected()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("POST", "/hook", LoopbackServer.Respond(200));
        using var client = new HttpClient();

        using var wrongPath = await client.GetAsync(server.Url("/nowhere"));
        using var wrongMethod = await client.GetAsync(server.Url("/hook"));

        wrongPath.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        wrongMethod.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        server.UnexpectedRequests.ShouldBe(["GET /nowhere", "GET /hook"]);
    }

    [Fact]
    public async Task Server_Binds_An_Os_Chosen_Loopback_Port()
    {
        await using var first = await LoopbackServer.StartAsync();
        await using var second = await LoopbackServer.StartAsync("127.0.0.2");

        first.BaseAddress.Host.ShouldBe("127.0.0.1");
        second.BaseAddress.Host.ShouldBe("127.0.0.2");
        first.BaseAddress.Port.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Dispose_Does_Not_Wait_For_A_Request_That_Never_Finishes()
    {
        var arrived = new TaskCompletionSource();
        var server = await LoopbackServer.StartAsync();
        server.Map("/hang", async context =>
        {
            arrived.SetResult();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        using var client = new HttpClient();
        var pending = client.GetAsync(server.Url("/hang"));
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await server.DisposeAsync();

        await Should.ThrowAsync<HttpRequestException>(pending);
    }
}
