using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace PolicyBot.Teams;

/// <summary>
/// The bot's token for Connector calls: an OAuth client-credentials grant for
/// <c>https://api.botframework.com/.default</c> at the tenant's token endpoint (protocols.md B2), cached until
/// <see cref="RefreshMargin"/> before it expires, fetched by one caller at a time. Without an app id there is no token.
/// </summary>
public sealed partial class ConnectorTokenProvider(
    IHttpClientFactory httpClientFactory,
    IOptions<TeamsOptions> options,
    TimeProvider timeProvider,
    ILogger<ConnectorTokenProvider> logger)
{
    public const string Scope = "https://api.botframework.com/.default";

    /// <summary>A cached token is replaced this long before it expires.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Lock sync = new();
    private string? token;
    private DateTimeOffset expiresAt;

    /// <summary>A valid token (cached or new); <see cref="ConnectorToken.None"/> when no app id is configured.</summary>
    public async Task<ConnectorToken> GetAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Authenticated)
        {
            return ConnectorToken.None;
        }

        if (Cached() is { } cached)
        {
            return new ConnectorToken(cached);
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (Cached() is { } fresh)
            {
                return new ConnectorToken(fresh);
            }

            return await RequestAsync(settings, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Forgets the cached token (after the Connector answered 401), so the next call fetches a new one.</summary>
    public void Invalidate(string rejected)
    {
        lock (sync)
        {
            if (token == rejected)
            {
                token = null;
            }
        }
    }

    private string? Cached()
    {
        lock (sync)
        {
            return token is not null && timeProvider.GetUtcNow() < expiresAt - RefreshMargin ? token : null;
        }
    }

    private async Task<ConnectorToken> RequestAsync(TeamsOptions settings, CancellationToken cancellationToken)
    {
        var client = httpClientFactory.CreateClient(TeamsServiceCollectionExtensions.HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.EffectiveTokenEndpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = settings.AppId,
                ["client_secret"] = settings.AppPassword,
                ["scope"] = Scope,
            }),
        };
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var retryable = response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)response.StatusCode >= 500;
                var error = $"token endpoint answered HTTP {(int)response.StatusCode}{OAuthError(body)}";
                Log.TokenFailed(logger, error);
                return new ConnectorToken(null, error, retryable, ConnectorClient.RetryAfter(response, timeProvider));
            }

            var (accessToken, lifetime) = ReadToken(body);
            if (accessToken is null)
            {
                Log.TokenFailed(logger, "token response has no access_token");
                return new ConnectorToken(null, "token response has no access_token");
            }

            lock (sync)
            {
                token = accessToken;
                expiresAt = timeProvider.GetUtcNow() + lifetime;
            }

            Log.TokenAcquired(logger, lifetime);
            return new ConnectorToken(accessToken);
        }
        catch (HttpRequestException exception)
        {
            Log.TokenFailed(logger, exception.HttpRequestError.ToString());
            return new ConnectorToken(null, $"token endpoint unreachable ({exception.HttpRequestError})");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ConnectorToken(null, "token endpoint timed out");
        }
    }

    private static (string? Token, TimeSpan Lifetime) ReadToken(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("access_token", out var value) || value.ValueKind != JsonValueKind.String)
            {
                return (null, default);
            }

            var seconds = root.TryGetProperty("expires_in", out var expires) && expires.ValueKind switch
            {
                JsonValueKind.Number => expires.TryGetInt32(out var n) ? n : 0,
                JsonValueKind.String => int.TryParse(expires.GetString(), out var s) ? s : 0,
                _ => 0,
            } is var parsed and > 0 ? parsed : 600;
            return (value.GetString(), TimeSpan.FromSeconds(Math.Min(seconds, 24 * 3600)));
        }
        catch (JsonException)
        {
            return (null, default);
        }
    }

    private static string OAuthError(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String
                ? $" ({new string([.. error.GetString()!.Take(60).Where(c => char.IsAsciiLetterOrDigit(c) || c == '_')])})"
                : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Connector token acquired, valid for {Lifetime}")]
        public static partial void TokenAcquired(ILogger logger, TimeSpan lifetime);

        [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Could not obtain a Connector token: {Error}")]
        public static partial void TokenFailed(ILogger logger, string error);
    }
}
