using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace PolicyBot.Slack;

/// <summary>
/// The Slack Web API over HTTP: <c>POST {ApiBaseUrl}{method}</c>, bearer token, form-encoded arguments (objects and
/// arrays as JSON), <c>{"ok":…}</c> results. Never throws for what Slack or the network did: every outcome is a
/// <see cref="SlackApiResult"/>. A 429's <c>Retry-After</c> is honoured: that method is not called again before then.
/// </summary>
public sealed partial class SlackWebApiClient(
    IHttpClientFactory httpClientFactory,
    IOptions<SlackOptions> options,
    TimeProvider timeProvider,
    ILogger<SlackWebApiClient> logger)
{
    /// <summary>The named <see cref="HttpClient"/> this client uses.</summary>
    public const string HttpClientName = "slack";

    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, DateTimeOffset> blockedUntil = new(StringComparer.Ordinal);

    public Task<SlackApiResult> PostMessageAsync(string channel, SlackMessage message, string? threadTs, CancellationToken cancellationToken) =>
        CallAsync("chat.postMessage", Arguments(("channel", channel), ("text", message.Text), ("blocks", Blocks(message)),
            ("thread_ts", threadTs), ("unfurl_links", "false"), ("unfurl_media", "false")), cancellationToken);

    public Task<SlackApiResult> UpdateMessageAsync(string channel, string ts, SlackMessage message, CancellationToken cancellationToken) =>
        CallAsync("chat.update", Arguments(("channel", channel), ("ts", ts), ("text", message.Text), ("blocks", Blocks(message))), cancellationToken);

    public Task<SlackApiResult> PostEphemeralAsync(string channel, string user, SlackMessage message, CancellationToken cancellationToken) =>
        CallAsync("chat.postEphemeral", Arguments(("channel", channel), ("user", user), ("text", message.Text), ("blocks", Blocks(message))), cancellationToken);

    public Task<SlackApiResult> PublishViewAsync(string userId, JsonObject view, CancellationToken cancellationToken) =>
        CallAsync("views.publish", Arguments(("user_id", userId), ("view", view.ToJsonString())), cancellationToken);

    public Task<SlackApiResult> OpenViewAsync(string triggerId, JsonObject view, CancellationToken cancellationToken) =>
        CallAsync("views.open", Arguments(("trigger_id", triggerId), ("view", view.ToJsonString())), cancellationToken);

    public Task<SlackApiResult> UserInfoAsync(string userId, CancellationToken cancellationToken) =>
        CallAsync("users.info", Arguments(("user", userId)), cancellationToken);

    public Task<SlackApiResult> ConversationInfoAsync(string channel, CancellationToken cancellationToken) =>
        CallAsync("conversations.info", Arguments(("channel", channel)), cancellationToken);

    public Task<SlackApiResult> AuthTestAsync(CancellationToken cancellationToken) =>
        CallAsync("auth.test", [], cancellationToken);

    /// <summary><c>apps.connections.open</c> with the app-level token: a single-use Socket Mode URL in <c>url</c>.</summary>
    public Task<SlackApiResult> OpenConnectionAsync(CancellationToken cancellationToken) =>
        SendAsync("apps.connections.open", options.Value.AppToken, [], cancellationToken);

    /// <summary>Calls a Web API method with the bot token.</summary>
    public Task<SlackApiResult> CallAsync(string method, IReadOnlyList<KeyValuePair<string, string>> arguments, CancellationToken cancellationToken) =>
        SendAsync(method, options.Value.BotToken, arguments, cancellationToken);

    /// <summary>Whether <paramref name="url"/> is a place Slack's <c>response_url</c>s live: <c>https://hooks.slack.com/…</c>,
    /// or the configured API host (a test double). Anything else a request body names is refused.</summary>
    public bool IsAllowedResponseUrl(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return false;
        }

        if (uri.Scheme == Uri.UriSchemeHttps && uri.IsDefaultPort && string.Equals(uri.Host, "hooks.slack.com", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var api = options.Value.ApiBaseUrl;
        return uri.Scheme == api.Scheme && string.Equals(uri.Host, api.Host, StringComparison.OrdinalIgnoreCase) && uri.Port == api.Port;
    }

    /// <summary>POSTs a message (JSON) to a <c>response_url</c>; refuses URLs that are not Slack's.</summary>
    public async Task<SlackApiResult> RespondAsync(string responseUrl, JsonObject body, CancellationToken cancellationToken)
    {
        if (!IsAllowedResponseUrl(responseUrl))
        {
            Log.ResponseUrlRefused(logger);
            return SlackApiResult.Failure("response_url_refused");
        }

        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        return await SendRequestAsync("response_url", null, new Uri(responseUrl), null, content, expectJson: false, cancellationToken);
    }

    private async Task<SlackApiResult> SendAsync(string method, string? token, IReadOnlyList<KeyValuePair<string, string>> arguments, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return SlackApiResult.Failure("not_authed");
        }

        // Slack limits posting per channel: a 429 on one channel's chat.* call must not hold back the others
        var channel = arguments.FirstOrDefault(a => a.Key == "channel").Value;
        var blockKey = method.StartsWith("chat.", StringComparison.Ordinal) && channel is not null ? $"{method}:{channel}" : method;
        var now = timeProvider.GetUtcNow();
        if (blockedUntil.TryGetValue(blockKey, out var until) && until > now)
        {
            Log.StillRateLimited(logger, blockKey, until - now);
            return SlackApiResult.Failure("ratelimited", until - now);
        }

        using var content = new FormUrlEncodedContent(arguments);
        return await SendRequestAsync(method, blockKey, new Uri(options.Value.ApiBaseUrl, method), token, content, expectJson: true, cancellationToken);
    }

    /// <param name="blockKey">What a 429 blocks until its Retry-After (a method, or a method in one channel); null: nothing.</param>
    private async Task<SlackApiResult> SendRequestAsync(string method, string? blockKey, Uri url, string? token, HttpContent content, bool expectJson, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.Value.RequestTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        try
        {
            using var response = await httpClientFactory.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
            var text = await response.Content.ReadAsStringAsync(linked.Token);
            var result = Interpret(blockKey, response, text, expectJson);
            if (!result.Ok)
            {
                Log.CallFailed(logger, method, result.Error!, result.Retryable);
            }

            return result;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            Log.CallFailed(logger, method, "timeout", true);
            return SlackApiResult.Failure("timeout");
        }
        catch (HttpRequestException exception)
        {
            Log.ConnectionFailed(logger, method, exception.HttpRequestError.ToString());
            return SlackApiResult.Failure("connection_failed");
        }
    }

    private SlackApiResult Interpret(string? blockKey, HttpResponseMessage response, string text, bool expectJson)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var wait = RetryAfter(response) ?? DefaultRetryAfter;
            if (blockKey is not null)
            {
                blockedUntil[blockKey] = timeProvider.GetUtcNow() + wait;
            }

            return SlackApiResult.Failure("ratelimited", wait);
        }

        if (!response.IsSuccessStatusCode)
        {
            return SlackApiResult.Failure($"http_{(int)response.StatusCode}");
        }

        if (!expectJson)
        {
            return SlackApiResult.Success([]); // response_url answers "ok" as text
        }

        JsonObject? body;
        try
        {
            body = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body is null || body["ok"] is not JsonValue ok || !ok.TryGetValue<bool>(out var isOk))
        {
            return SlackApiResult.Failure("invalid_response");
        }

        if (isOk)
        {
            return SlackApiResult.Success(body);
        }

        var error = body["error"] is JsonValue e && e.TryGetValue<string>(out var code) && code.Length is > 0 and <= 100 ? code : "unknown_error";
        return SlackApiResult.Failure(error, null, body);
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (response.Headers.TryGetValues("Retry-After", out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return null;
    }

    private static string? Blocks(SlackMessage message) => message.Blocks.Count == 0 ? null : message.Blocks.ToJsonString();

    private static List<KeyValuePair<string, string>> Arguments(params (string Name, string? Value)[] arguments) =>
        [.. arguments.Where(a => a.Value is not null).Select(a => new KeyValuePair<string, string>(a.Name, a.Value!))];

    private static partial class Log
    {
        [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Slack {Method} failed: {Error} (retryable: {Retryable})")]
        public static partial void CallFailed(ILogger logger, string method, string error, bool retryable);

        [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Slack {Method} could not connect: {Reason}")]
        public static partial void ConnectionFailed(ILogger logger, string method, string reason);

        [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "Slack {Method} not called: rate limited for {Remaining} more")]
        public static partial void StillRateLimited(ILogger logger, string method, TimeSpan remaining);

        [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "A response_url outside Slack was refused")]
        public static partial void ResponseUrlRefused(ILogger logger);
    }
}
