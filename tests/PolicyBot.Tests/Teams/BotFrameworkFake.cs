using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PolicyBot.Teams;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Teams;

/// <summary>
/// The Bot Framework on loopback: OpenID metadata and JWKS (an endorsed key for <c>msteams</c>, an unendorsed one, an
/// Entra key), a token endpoint and a Connector, each recording calls and answering from a queue of injected
/// responses (429, 500 …) before falling back to success. Also signs tokens with the local keys.
/// </summary>
public sealed class BotFrameworkFake : IAsyncDisposable
{
    public const string AppId = "6a1f0c3e-5b7d-4e2a-9c8f-1d2e3f4a5b6c";
    public const string TenantId = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0";
    public const string EndorsedKeyId = "teams-key";
    public const string UnendorsedKeyId = "other-channel-key";
    public const string BareKeyId = "bare-key";
    public const string EntraKeyId = "entra-key";

    private readonly ConcurrentQueue<(int Status, string Body, string? RetryAfter)> connectorReplies = new();
    private readonly ConcurrentQueue<(int Status, string Body)> tokenReplies = new();
    private readonly SemaphoreSlim connectorSignal = new(0);
    private int activityCounter;
    private int tokenCounter;

    private BotFrameworkFake(LoopbackServer server)
    {
        Server = server;
    }

    public LoopbackServer Server { get; }

    // Generating RSA keys is the slow part of these tests: every fake shares the same five, made once.
    private static readonly Lazy<RSA[]> Keys = new(() => [.. Enumerable.Range(0, 5).Select(_ => RSA.Create(2048))]);

    public RSA EndorsedKey => Keys.Value[0];

    public RSA UnendorsedKey => Keys.Value[1];

    public RSA BareKey => Keys.Value[2];

    public RSA EntraKey => Keys.Value[3];

    /// <summary>A key nobody published.</summary>
    public RSA StrangerKey => Keys.Value[4];

    public string MetadataUrl => Server.Url("/botframework/openidconfiguration").ToString();

    public string EntraMetadataUrl => Server.Url("/entra/openid-configuration").ToString();

    public string TokenEndpoint => Server.Url($"/{TenantId}/oauth2/v2.0/token").ToString();

    /// <summary>The Connector's base, as Teams gives it in <c>serviceUrl</c> (path and trailing slash).</summary>
    public string ServiceUrl => Server.Url("/connector/").ToString();

    public IReadOnlyList<RecordedRequest> ConnectorRequests => [.. Server.Requests.Where(r => r.Path.StartsWith("/connector/", StringComparison.Ordinal))];

    public IReadOnlyList<RecordedRequest> TokenRequests => [.. Server.Requests.Where(r => r.Path.EndsWith("/token", StringComparison.Ordinal))];

    public int MetadataFetches => Server.Requests.Count(r => r.Path == "/botframework/openidconfiguration");

    /// <summary>Completes when the Connector has received this many requests.</summary>
    public Task ConnectorCalls(int count) => WaitForAsync(() => ConnectorRequests.Count >= count);

    /// <summary>The first Connector request whose path contains <paramref name="pathPart"/>, once it has arrived.</summary>
    public async Task<RecordedRequest> ConnectorCall(string pathPart)
    {
        await WaitForAsync(() => ConnectorRequests.Any(r => r.Path.Contains(pathPart, StringComparison.Ordinal)));
        return ConnectorRequests.First(r => r.Path.Contains(pathPart, StringComparison.Ordinal));
    }

    public static async Task<BotFrameworkFake> StartAsync()
    {
        var fake = new BotFrameworkFake(await LoopbackServer.StartAsync());
        fake.Server.Map("GET", "/botframework/openidconfiguration", LoopbackServer.Respond(200, JsonSerializer.Serialize(new
        {
            issuer = TeamsOptions.BotFrameworkIssuer,
            authorization_endpoint = "https://invalid.botframework.com",
            jwks_uri = fake.Server.Url("/botframework/keys").ToString(),
            id_token_signing_alg_values_supported = new[] { "RS256" },
            token_endpoint_auth_methods_supported = new[] { "private_key_jwt" },
        }), "application/json"));
        fake.Server.Map("GET", "/botframework/keys", context => LoopbackServer.Respond(200, fake.BotFrameworkKeys(), "application/json")(context));
        fake.Server.Map("GET", "/entra/openid-configuration", LoopbackServer.Respond(200, JsonSerializer.Serialize(new
        {
            issuer = "https://login.microsoftonline.com/{tenantid}/v2.0",
            jwks_uri = fake.Server.Url("/entra/keys").ToString(),
        }), "application/json"));
        fake.Server.Map("GET", "/entra/keys", context => LoopbackServer.Respond(200, Jwks((fake.EntraKey, EntraKeyId, null)), "application/json")(context));
        fake.Server.Map("POST", $"/{TenantId}/oauth2/v2.0/token", fake.TokenAsync);
        return fake;
    }

    /// <summary>Keys currently published under the Bot Framework metadata (tests may rotate).</summary>
    public List<(RSA Key, string KeyId, string[]? Endorsements)> PublishedKeys { get; } = [];

    /// <summary>Answers Connector calls on this path (as the server sees it: decoded) from the reply queue.</summary>
    public void MapConnector(string method, string path) => Server.Map(method, path, ConnectorAsync);

    /// <summary>The next Connector call gets this answer instead of success.</summary>
    public void InjectConnectorReply(int status, string body = "", string? retryAfter = null) => connectorReplies.Enqueue((status, body, retryAfter));

    /// <summary>The next token request gets this answer instead of success.</summary>
    public void InjectTokenReply(int status, string body) => tokenReplies.Enqueue((status, body));

    /// <summary>A signed JWT; by default a valid Bot Framework channel token for <see cref="AppId"/>.</summary>
    public string Sign(
        DateTimeOffset now,
        string? serviceUrl = null,
        string issuer = TeamsOptions.BotFrameworkIssuer,
        string audience = AppId,
        RSA? key = null,
        string keyId = EndorsedKeyId,
        string algorithm = SecurityAlgorithms.RsaSha256,
        TimeSpan? notBeforeOffset = null,
        TimeSpan? expiresOffset = null)
    {
        var claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl ?? ServiceUrl };
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = (now + (notBeforeOffset ?? TimeSpan.FromMinutes(-1))).UtcDateTime,
            NotBefore = (now + (notBeforeOffset ?? TimeSpan.FromMinutes(-1))).UtcDateTime,
            Expires = (now + (expiresOffset ?? TimeSpan.FromMinutes(59))).UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key ?? EndorsedKey) { KeyId = keyId }, algorithm),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with otherwise valid claims.</summary>
    public string Unsigned(DateTimeOffset now)
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var payload = Base64UrlEncoder.Encode(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["iss"] = TeamsOptions.BotFrameworkIssuer,
            ["aud"] = AppId,
            ["serviceurl"] = ServiceUrl,
            ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(59).ToUnixTimeSeconds(),
        }));
        return $"{header}.{payload}.";
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
    }

    private string BotFrameworkKeys() => PublishedKeys.Count > 0
        ? Jwks([.. PublishedKeys])
        : Jwks((EndorsedKey, EndorsedKeyId, ["msteams", "webchat"]), (UnendorsedKey, UnendorsedKeyId, ["skype"]), (BareKey, BareKeyId, null));

    private static string Jwks(params (RSA Key, string KeyId, string[]? Endorsements)[] keys)
    {
        var list = keys.Select(k =>
        {
            var parameters = k.Key.ExportParameters(false);
            var jwk = new Dictionary<string, object>
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = k.KeyId,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            };
            if (k.Endorsements is not null)
            {
                jwk["endorsements"] = k.Endorsements;
            }

            return jwk;
        });
        return JsonSerializer.Serialize(new { keys = list });
    }

    private async Task TokenAsync(HttpContext context)
    {
        if (tokenReplies.TryDequeue(out var injected))
        {
            await LoopbackServer.Respond(injected.Status, injected.Body, "application/json")(context);
            return;
        }

        var number = Interlocked.Increment(ref tokenCounter);
        await LoopbackServer.Respond(200, $$"""{"token_type":"Bearer","expires_in":3600,"ext_expires_in":3600,"access_token":"connector-token-{{number}}"}""", "application/json")(context);
    }

    private async Task ConnectorAsync(HttpContext context)
    {
        connectorSignal.Release();
        if (connectorReplies.TryDequeue(out var injected))
        {
            if (injected.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = injected.RetryAfter;
            }

            await LoopbackServer.Respond(injected.Status, injected.Body, "application/json")(context);
            return;
        }

        var id = context.Request.Method == "PUT" ? context.Request.Path.Value!.Split('/')[^1] : $"activity-{Interlocked.Increment(ref activityCounter)}";
        await LoopbackServer.Respond(context.Request.Method == "PUT" ? 200 : 201, JsonSerializer.Serialize(new { id }), "application/json")(context);
    }

    private async Task WaitForAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await connectorSignal.WaitAsync(timeout.Token);
        }
    }

    /// <summary>The UTF-8 body of a recorded request as JSON.</summary>
    public static JsonElement Json(RecordedRequest request) => JsonDocument.Parse(Encoding.UTF8.GetString(request.Body)).RootElement.Clone();
}
