using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using PolicyBot.Cli;
using PolicyBot.Hosting;

namespace PolicyBot.Bench;

/// <summary>
/// <c>slack-ack</c>: how fast the running app acknowledges slash commands. Starts PolicyBot as <c>serve</c> does, on
/// loopback, with Slack configured against a stand-in Web API (every method answers ok), then fires rounds of N
/// concurrent signed <c>/policy meta</c> requests at <c>POST /slack/commands</c> and reports p50/p99/max latency
/// from sending to the complete acknowledgement, and how many answers came inline versus through response_url.
/// </summary>
public static class SlackAckCommand
{
    private const string Secret = "bench-signing-secret";

    public static Command Create()
    {
        var requests = new Option<int>("--requests") { Description = "Concurrent requests per round.", DefaultValueFactory = _ => 100 };
        var rounds = new Option<int>("--rounds") { Description = "Measured rounds (after one warm-up round).", DefaultValueFactory = _ => 5 };
        var text = new Option<string>("--text") { Description = "The command text after /policy.", DefaultValueFactory = _ => "meta" };
        var command = new Command("slack-ack", "Slash-command acknowledgement latency: N concurrent signed /policy requests against the running app.") { requests, rounds, text };
        command.SetAction(async (result, token) =>
            await RunAsync(result.GetValue(requests), result.GetValue(rounds), result.GetValue(text)!, token));
        return command;
    }

    private static async Task<int> RunAsync(int requests, int rounds, string text, CancellationToken cancellationToken)
    {
        await using var slack = await StartFakeSlackAsync(cancellationToken);
        var directory = Directory.CreateTempSubdirectory("policybot-bench-slack-").FullName;
        var environment = new CliEnvironment(TextWriter.Null, Console.Error, new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(directory, "policybot.db")}",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Polling:JobInterval"] = "01:00:00",
            ["Slack:SigningSecret"] = Secret,
            ["Slack:BotToken"] = "xoxb-bench",
            ["Slack:ApiBaseUrl"] = slack.Urls.Single() + "/api/",
        });
        await using var app = PolicyBotHost.BuildWebApp(["--urls", "http://127.0.0.1:0"], environment);
        await app.StartAsync(cancellationToken);
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = requests * 2, UseProxy = false }) { BaseAddress = address };
        var responseUrl = slack.Urls.Single() + "/hooks/commands/T1/1/bench";

        Console.WriteLine(MachineInfo.Describe());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{requests} concurrent signed `/policy {text}` per round, {rounds} measured rounds after 1 warm-up; load average {MachineInfo.LoadAverage():F2}"));
        Console.WriteLine();
        Console.WriteLine("| round | p50 ms | p99 ms | max ms | inline | via response_url | failed |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        var all = new List<double>();
        for (var round = 0; round <= rounds; round++)
        {
            var outcomes = await Task.WhenAll(Enumerable.Range(0, requests).Select(i => SendAsync(client, text, $"UBENCH{i}", $"{round}.{i}.{Guid.NewGuid():N}", responseUrl, cancellationToken)));
            if (round == 0)
            {
                continue; // warm-up: JIT, connection pool, SQLite pages
            }

            var latencies = outcomes.Where(o => o.Ok).Select(o => o.Milliseconds).Order().ToList();
            all.AddRange(latencies);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {round} | {Percentile(latencies, 0.50):F1} | {Percentile(latencies, 0.99):F1} | {latencies.LastOrDefault():F1} | {outcomes.Count(o => o.Ok && o.Inline)} | {outcomes.Count(o => o.Ok && !o.Inline)} | {outcomes.Count(o => !o.Ok)} |"));
        }

        all.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| all | {Percentile(all, 0.50):F1} | {Percentile(all, 0.99):F1} | {all.LastOrDefault():F1} | | | |"));
        await app.StopAsync(cancellationToken);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
        return all.Count == requests * rounds ? 0 : 1;
    }

    private static async Task<(bool Ok, bool Inline, double Milliseconds)> SendAsync(HttpClient client, string text, string user, string triggerId, string responseUrl, CancellationToken cancellationToken)
    {
        var body = string.Join('&',
            $"token=bench&team_id=T1&team_domain=bench&channel_id=C1&channel_name=general&user_id={user}&user_name={user}",
            $"command=%2Fpolicy&text={Uri.EscapeDataString(text)}&response_url={Uri.EscapeDataString(responseUrl)}&trigger_id={triggerId}"); // unique, as Slack's are: the same signed body twice is a replay
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands") { Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded") };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}"))));
        var clock = Stopwatch.StartNew();
        using var response = await client.SendAsync(request, cancellationToken);
        var answer = await response.Content.ReadAsStringAsync(cancellationToken);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        return (response.StatusCode == HttpStatusCode.OK, !answer.Contains("Looking that up", StringComparison.Ordinal), elapsed);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>A stand-in Slack: every Web API method answers ok (users.info: not an admin), response_urls answer ok.</summary>
    private static async Task<WebApplication> StartFakeSlackAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Bench", Args = [] });
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var slack = builder.Build();
        slack.Run(async context =>
        {
            context.Response.ContentType = "application/json";
            var body = context.Request.Path.StartsWithSegments("/api/users.info")
                ? """{"ok":true,"user":{"id":"U1","is_admin":false}}"""
                : context.Request.Path.StartsWithSegments("/hooks") ? "ok" : """{"ok":true,"ts":"1700000000.000100","user_id":"UBOT","user":"policybot","team":"Bench"}""";
            await context.Response.WriteAsync(body, context.RequestAborted);
        });
        await slack.StartAsync(cancellationToken);
        return slack;
    }
}
