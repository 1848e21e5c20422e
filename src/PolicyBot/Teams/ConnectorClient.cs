using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PolicyBot.Teams;

/// <summary>
/// Bot Connector REST calls (protocols.md B4): send to a conversation, reply to an activity, update an activity.
/// Every call is checked against the <see cref="ServiceUrlPolicy"/> before a token is attached; a 401 forces one
/// token refresh and one retry. Outcomes (429, 5xx, conversation gone) are results, never exceptions.
/// </summary>
public sealed partial class ConnectorClient(
    IHttpClientFactory httpClientFactory,
    ConnectorTokenProvider tokens,
    ServiceUrlPolicy serviceUrls,
    TimeProvider timeProvider,
    ILogger<ConnectorClient> logger)
{
    /// <summary><c>POST {serviceUrl}/v3/conversations/{id}/activities</c>.</summary>
    public Task<ConnectorResult> SendAsync(string serviceUrl, string conversationId, JsonObject activity, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Post, serviceUrl, ActivitiesPath(conversationId), activity, cancellationToken);

    /// <summary><c>POST {serviceUrl}/v3/conversations/{id}/activities/{replyToId}</c>, with <c>replyToId</c> set.</summary>
    public Task<ConnectorResult> ReplyAsync(string serviceUrl, string conversationId, string replyToId, JsonObject activity, CancellationToken cancellationToken)
    {
        activity["replyToId"] = replyToId;
        return CallAsync(HttpMethod.Post, serviceUrl, $"{ActivitiesPath(conversationId)}/{Uri.EscapeDataString(replyToId)}", activity, cancellationToken);
    }

    /// <summary><c>PUT {serviceUrl}/v3/conversations/{id}/activities/{activityId}</c>, replacing the activity.</summary>
    public Task<ConnectorResult> UpdateAsync(string serviceUrl, string conversationId, string activityId, JsonObject activity, CancellationToken cancellationToken)
    {
        activity["id"] = activityId;
        return CallAsync(HttpMethod.Put, serviceUrl, $"{ActivitiesPath(conversationId)}/{Uri.EscapeDataString(activityId)}", activity, cancellationToken);
    }

    /// <summary>The delay a response asks for in <c>Retry-After</c> (seconds or a date), capped at an hour.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider timeProvider)
    {
        var header = response.Headers.RetryAfter;
        var delay = header?.Delta ?? (header?.Date is { } date ? date - timeProvider.GetUtcNow() : null);
        return delay is null ? null : TimeSpan.FromTicks(Math.Clamp(delay.Value.Ticks, 0, TimeSpan.FromHours(1).Ticks));
    }

    private static string ActivitiesPath(string conversationId) => $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";

    private async Task<ConnectorResult> CallAsync(HttpMethod method, string serviceUrl, string path, JsonObject activity, CancellationToken cancellationToken)
    {
        var baseUrl = serviceUrls.Allow(serviceUrl);
        if (baseUrl is null)
        {
            Log.ServiceUrlRefused(logger, serviceUrl);
            return new ConnectorResult(0, null, "the service URL is not on the allow-list");
        }

        var url = new Uri(baseUrl, path);
        var body = activity.ToJsonString(AdaptiveCardRenderer.WireJson);
        var client = httpClientFactory.CreateClient(TeamsServiceCollectionExtensions.HttpClientName);
        for (var attempt = 1; ; attempt++)
        {
            var token = await tokens.GetAsync(cancellationToken);
            if (token.Failed)
            {
                return new ConnectorResult(0, null, $"no Connector token: {token.Error}", token.Retryable, token.RetryAfter);
            }

            using var request = new HttpRequestMessage(method, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            if (token.Value is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
            }

            try
            {
                using var response = await client.SendAsync(request, cancellationToken);
                if (response.StatusCode == HttpStatusCode.Unauthorized && token.Value is not null && attempt == 1)
                {
                    tokens.Invalidate(token.Value);
                    continue;
                }

                return await ReadAsync(response, cancellationToken);
            }
            catch (HttpRequestException exception)
            {
                return new ConnectorResult(0, null, $"Connector unreachable ({exception.HttpRequestError})", Retryable: true);
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return new ConnectorResult(0, null, "Connector timed out", Retryable: true);
            }
        }
    }

    private async Task<ConnectorResult> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return new ConnectorResult(status, ReadString(text, "id"), null);
        }

        var code = ReadErrorCode(text);
        var error = $"Connector answered HTTP {status}{(code is null ? "" : $" ({code})")}";
        return response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => new ConnectorResult(status, null, error, true, RetryAfter(response, timeProvider) ?? TimeSpan.FromSeconds(1)),
            HttpStatusCode.Forbidden or HttpStatusCode.NotFound => new ConnectorResult(status, null, error, ConversationGone: true),
            HttpStatusCode.PreconditionFailed or HttpStatusCode.RequestTimeout => new ConnectorResult(status, null, error, true, RetryAfter(response, timeProvider)),
            _ when status >= 500 => new ConnectorResult(status, null, error, true, RetryAfter(response, timeProvider)),
            _ => new ConnectorResult(status, null, error),
        };
    }

    private static string? ReadString(string json, string property)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The <c>error.code</c> of a Connector ErrorResponse, reduced to safe characters.</summary>
    private static string? ReadErrorCode(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
                ? new string([.. code.GetString()!.Take(60).Where(char.IsAsciiLetterOrDigit)])
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Refused to call the Connector at {ServiceUrl}: not on Teams:AllowedServiceUrls")]
        public static partial void ServiceUrlRefused(ILogger logger, string serviceUrl);
    }
}
