using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Cli;
using PolicyBot.Hosting;
using PolicyBot.Tests.Infrastructure;
using PolicyBot.Tests.Polling;

namespace PolicyBot.Tests.Hosting;

public sealed class ServeTests
{
    [Fact]
    public async Task Serve_Seeds_Configured_Sources_Polls_Them_On_The_Quartz_Schedule_And_Prints_Alerts_On_The_Console()
    {
        await using var news = await LoopbackServer.StartAsync();
        var polled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        news.Map("/feed.xml", async ctx =>
        {
            await LoopbackServer.Respond(200, TestFeeds.Rss(TestFeeds.Relevant("live", DateTimeOffset.UtcNow.AddMinutes(-2))), "application/rss+xml")(ctx);
            polled.TrySetResult();
        });
        var directory = Directory.CreateTempSubdirectory("policybot-serve").FullName;
        var buffer = new StringWriter();
        var output = TextWriter.Synchronized(buffer); // the dispatcher writes from the scheduler's thread
        var environment = new CliEnvironment(output, new StringWriter(), new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(directory, "serve.db")}",
            ["Polling:AllowPrivateAddresses"] = "true",
            ["Polling:JobInterval"] = "00:00:01",
            ["Alerting:DispatchInterval"] = "00:00:01",
            ["Sources:0:Name"] = "Loopback wire",
            ["Sources:0:Url"] = news.Url("/feed.xml").ToString(),
            ["Sources:0:Kind"] = "feed",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        string Read()
        {
            lock (output)
            {
                return buffer.ToString();
            }
        }

        await using var app = PolicyBotHost.BuildWebApp(["--urls", "http://127.0.0.1:0"], environment);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        await polled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var printed = await WaitForAsync(
            () => System.Text.RegularExpressions.Regex.Replace(Read(), @"\s+", " ").Contains("careful about what we choose to open-source", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30));
        var health = await client.GetAsync("/healthz");
        var ready = await client.GetAsync("/readyz");
        var metrics = await client.GetStringAsync("/metrics");
        using var readiness = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        await app.StopAsync();

        printed.ShouldBeTrue(Read());
        health.StatusCode.ShouldBe(HttpStatusCode.OK);
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        readiness.RootElement.GetProperty("status").GetString().ShouldBe("ready");
        readiness.RootElement.GetProperty("sources").GetInt32().ShouldBe(1);
        metrics.ShouldContain("policybot_source_checks_total{outcome=\"updated\"} 1");
        metrics.ShouldContain("policybot_deliveries_total{outcome=\"delivered\",platform=\"console\"} 1");
        metrics.ShouldContain("policybot_sources{state=\"ok\"} 1");
        news.UnexpectedRequests.ShouldBeEmpty();
    }

    private static async Task<bool> WaitForAsync(Func<bool> condition, TimeSpan timeout)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (!condition())
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                return false;
            }

            await timer.WaitForNextTickAsync();
        }

        return true;
    }
}
