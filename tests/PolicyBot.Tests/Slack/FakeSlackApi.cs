using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace PolicyBot.Tests.Slack;

/// <summary>
/// A fake Slack Web API on 127.0.0.1 (Kestrel): <c>POST /api/{method}</c> for the methods PolicyBot uses, checking
/// the bearer token, the method name and the shape of every argument, and <c>POST /hooks/…</c> standing in for
/// response_urls. Every call is recorded. Failures are injected per method on demand (an <c>ok:false</c> error, 429
/// with Retry-After, 500, a hang until the client gives up). Anything unexpected — an unknown method or path, a wrong
/// token, a malformed argument — is answered with an error AND listed in <see cref="Problems"/>, which tests assert empty.
/// </summary>
public sealed class FakeSlackApi : IAsyncDisposable
{
    public const string BotToken = "xoxb-test-bot-token";
    public const string AppToken = "xapp-test-app-token";

    private readonly ConcurrentQueue<FakeSlackCall> calls = new();
    private readonly ConcurrentQueue<string> problems = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeSlackFault>> faults = new(StringComparer.Ordinal);
    private readonly Lock signalGate = new();
    private TaskCompletionSource signal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int nextTs;
    private WebApplication? app;

    private FakeSlackApi()
    {
    }

    /// <summary>e.g. http://127.0.0.1:41234/</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The <c>Slack:ApiBaseUrl</c> pointing here.</summary>
    public Uri ApiBaseUrl => new(BaseAddress, "api/");

    /// <summary>Users <c>users.info</c> reports as workspace admins.</summary>
    public ConcurrentDictionary<string, bool> Admins { get; } = new(StringComparer.Ordinal);

    /// <summary>Channels <c>conversations.info</c> reports the bot is not a member of.</summary>
    public ConcurrentDictionary<string, bool> ChannelsWithoutBot { get; } = new(StringComparer.Ordinal);

    /// <summary>What <c>apps.connections.open</c> hands out, in turn (the last one repeats).</summary>
    public ConcurrentQueue<string> SocketUrls { get; } = new();

    public IReadOnlyList<FakeSlackCall> Calls => [.. calls];

    public IReadOnlyList<string> Problems => [.. problems];

    /// <summary>Calls of one method, in order.</summary>
    public IReadOnlyList<FakeSlackCall> CallsTo(string method) => [.. calls.Where(c => c.Method == method)];

    /// <summary>A response_url on this server.</summary>
    public string ResponseUrl(string name) => new Uri(BaseAddress, $"hooks/commands/T111/{name}").ToString();

    public static async Task<FakeSlackApi> StartAsync()
    {
        var fake = new FakeSlackApi();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing", Args = [] });
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.app = app;
        fake.BaseAddress = new Uri(app.Urls.Single() + "/");
        return fake;
    }

    /// <summary>The next call of <paramref name="method"/> fails as <paramref name="fault"/> says (queued: one per call).</summary>
    public void Inject(string method, FakeSlackFault fault) => faults.GetOrAdd(method, _ => new ConcurrentQueue<FakeSlackFault>()).Enqueue(fault);

    /// <summary>Waits (up to 30 s, then fails) until <paramref name="condition"/> holds for the calls received.</summary>
    public async Task<IReadOnlyList<FakeSlackCall>> WaitForAsync(Func<IReadOnlyList<FakeSlackCall>, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            Task next;
            lock (signalGate)
            {
                next = signal.Task;
            }

            var now = Calls;
            if (condition(now))
            {
                return now;
            }

            await next.WaitAsync(timeout.Token);
        }
    }

    /// <summary>Waits until <paramref name="method"/> has been called <paramref name="count"/> times; returns those calls.</summary>
    public async Task<IReadOnlyList<FakeSlackCall>> WaitForCallsAsync(string method, int count = 1)
    {
        await WaitForAsync(all => all.Count(c => c.Method == method) >= count);
        return CallsTo(method);
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync(new CancellationToken(canceled: true));
            await app.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        if (context.Request.Method != "POST")
        {
            await RejectAsync(context, $"{context.Request.Method} {path}", 405);
            return;
        }

        if (path.StartsWith("/hooks/", StringComparison.Ordinal))
        {
            await HookAsync(context, path, body);
            return;
        }

        if (!path.StartsWith("/api/", StringComparison.Ordinal) || !FakeSlackMethods.Known(path[5..]))
        {
            await RejectAsync(context, $"unknown path {path}", 404);
            return;
        }

        var method = path[5..];
        var arguments = QueryHelpers.ParseQuery(body).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        var expectedToken = method == "apps.connections.open" ? AppToken : BotToken;
        if (context.Request.Headers.Authorization.ToString() != "Bearer " + expectedToken)
        {
            Record(new FakeSlackCall(method, arguments, null, path));
            problems.Enqueue($"{method}: wrong or missing bearer token");
            await JsonAsync(context, 200, new JsonObject { ["ok"] = false, ["error"] = "invalid_auth" });
            return;
        }

        if (!context.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) ?? true)
        {
            problems.Enqueue($"{method}: content type {context.Request.ContentType}");
        }

        var shapeProblem = FakeSlackMethods.CheckArguments(method, arguments);
        if (shapeProblem is not null)
        {
            problems.Enqueue($"{method}: {shapeProblem}");
            Record(new FakeSlackCall(method, arguments, null, path));
            await JsonAsync(context, 200, new JsonObject { ["ok"] = false, ["error"] = "invalid_arguments" });
            return;
        }

        var call = new FakeSlackCall(method, arguments, null, path);
        if (faults.TryGetValue(method, out var queue) && queue.TryDequeue(out var fault))
        {
            Record(call);
            await FailAsync(context, fault);
            return;
        }

        var answer = Answer(method, arguments);
        Record(call with { Answer = answer });
        await JsonAsync(context, 200, answer);
    }

    private async Task HookAsync(HttpContext context, string path, string body)
    {
        JsonObject? json = null;
        try
        {
            json = JsonNode.Parse(body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            // reported below
        }

        if (json is null || context.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            problems.Enqueue($"response_url {path}: body is not a JSON object");
        }
        else if (FakeSlackMethods.CheckMessage(json, requireText: true) is { } problem)
        {
            problems.Enqueue($"response_url {path}: {problem}");
        }

        if (context.Request.Headers.Authorization.Count > 0)
        {
            problems.Enqueue($"response_url {path}: sent an Authorization header");
        }

        Record(new FakeSlackCall("response_url", new Dictionary<string, string>(), json, path));
        if (faults.TryGetValue("response_url", out var queue) && queue.TryDequeue(out var fault))
        {
            await FailAsync(context, fault);
            return;
        }

        context.Response.StatusCode = 200;
        await context.Response.WriteAsync("ok", context.RequestAborted);
    }

    private JsonObject Answer(string method, IReadOnlyDictionary<string, string> arguments)
    {
        var ts = string.Create(CultureInfo.InvariantCulture, $"1700000000.{Interlocked.Increment(ref nextTs):D6}");
        return method switch
        {
            "chat.postMessage" => new JsonObject { ["ok"] = true, ["channel"] = arguments["channel"], ["ts"] = ts, ["message"] = new JsonObject { ["ts"] = ts } },
            "chat.update" => new JsonObject { ["ok"] = true, ["channel"] = arguments["channel"], ["ts"] = arguments["ts"] },
            "chat.postEphemeral" => new JsonObject { ["ok"] = true, ["message_ts"] = ts },
            "views.publish" or "views.open" => new JsonObject { ["ok"] = true, ["view"] = new JsonObject { ["id"] = "V" + ts[^6..] } },
            "users.info" => new JsonObject
            {
                ["ok"] = true,
                ["user"] = new JsonObject
                {
                    ["id"] = arguments["user"],
                    ["is_admin"] = Admins.GetValueOrDefault(arguments["user"]),
                    ["is_owner"] = false,
                    ["is_primary_owner"] = false,
                },
            },
            "conversations.info" => new JsonObject { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = arguments["channel"], ["name"] = "general", ["is_member"] = !ChannelsWithoutBot.ContainsKey(arguments["channel"]) } },
            "auth.test" => new JsonObject { ["ok"] = true, ["user"] = "policybot", ["user_id"] = "UBOT", ["team"] = "Test team", ["team_id"] = "T111", ["bot_id"] = "B111" },
            "apps.connections.open" => SocketUrls.Count > 1 && SocketUrls.TryDequeue(out var url) || SocketUrls.TryPeek(out url)
                ? new JsonObject { ["ok"] = true, ["url"] = url }
                : new JsonObject { ["ok"] = false, ["error"] = "no_socket_url_configured" },
            _ => throw new InvalidOperationException(method),
        };
    }

    private static async Task FailAsync(HttpContext context, FakeSlackFault fault)
    {
        switch (fault.Kind)
        {
            case FakeSlackFaultKind.Error:
                await JsonAsync(context, 200, new JsonObject { ["ok"] = false, ["error"] = fault.Error });
                break;
            case FakeSlackFaultKind.RateLimited:
                context.Response.Headers.RetryAfter = fault.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                await JsonAsync(context, 429, new JsonObject { ["ok"] = false, ["error"] = "ratelimited" });
                break;
            case FakeSlackFaultKind.ServerError:
                context.Response.StatusCode = 500;
                await context.Response.WriteAsync("upstream trouble", context.RequestAborted);
                break;
            case FakeSlackFaultKind.Hang:
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                break;
        }
    }

    private async Task RejectAsync(HttpContext context, string problem, int status)
    {
        problems.Enqueue(problem);
        Record(new FakeSlackCall("unexpected", new Dictionary<string, string>(), null, context.Request.Path.Value ?? ""));
        context.Response.StatusCode = status;
        await context.Response.WriteAsync("unexpected", context.RequestAborted);
    }

    private void Record(FakeSlackCall call)
    {
        calls.Enqueue(call);
        lock (signalGate)
        {
            signal.TrySetResult();
            signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    private static async Task JsonAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }
}
