using System.Text.Json;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace PolicyBot.Teams;

/// <summary>
/// Fetches an OpenID metadata document and the JWKS it points to, and reads the keys and their endorsements.
/// Outcomes are results: a bad or unreachable document gives null and a reason, never an exception.
/// </summary>
public sealed class SigningKeyFetcher(IHttpClientFactory httpClientFactory, TimeProvider timeProvider)
{
    private const int MaxDocumentBytes = 512 * 1024;

    public async Task<(SigningKeySet? Keys, string? Error)> FetchAsync(string metadataUrl, CancellationToken cancellationToken)
    {
        var client = httpClientFactory.CreateClient(TeamsServiceCollectionExtensions.HttpClientName);
        var (metadataJson, metadataError) = await GetAsync(client, metadataUrl, cancellationToken);
        if (metadataJson is null)
        {
            return (null, $"OpenID metadata: {metadataError}");
        }

        OpenIdConnectConfiguration metadata;
        try
        {
            metadata = OpenIdConnectConfiguration.Create(metadataJson);
        }
        catch (Exception exception) when (exception is ArgumentException or JsonException)
        {
            return (null, "OpenID metadata is not a valid document");
        }

        if (string.IsNullOrEmpty(metadata.JwksUri) || !TeamsOptions.IsSecureOrLoopback(metadata.JwksUri))
        {
            return (null, "OpenID metadata has no usable jwks_uri");
        }

        var (keysJson, keysError) = await GetAsync(client, metadata.JwksUri, cancellationToken);
        if (keysJson is null)
        {
            return (null, $"signing keys: {keysError}");
        }

        try
        {
            var keySet = new JsonWebKeySet(keysJson);
            var keys = keySet.GetSigningKeys().Where(k => !string.IsNullOrEmpty(k.KeyId)).ToList();
            return keys.Count == 0
                ? (null, "the key set has no signing keys")
                : (new SigningKeySet(metadata.Issuer, keys, ReadEndorsements(keysJson), timeProvider.GetUtcNow()), null);
        }
        catch (Exception exception) when (exception is ArgumentException or JsonException)
        {
            return (null, "the key set is not a valid JWKS document");
        }
    }

    private static Dictionary<string, IReadOnlyList<string>> ReadEndorsements(string keysJson)
    {
        var endorsements = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(keysJson);
        if (!document.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
        {
            return endorsements;
        }

        foreach (var key in keys.EnumerateArray())
        {
            if (key.ValueKind == JsonValueKind.Object
                && key.TryGetProperty("kid", out var kid) && kid.ValueKind == JsonValueKind.String
                && key.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                endorsements[kid.GetString()!] = [.. list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)];
            }
        }

        return endorsements;
    }

    private static async Task<(string? Body, string? Error)> GetAsync(HttpClient client, string url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return (null, $"HTTP {(int)response.StatusCode}");
            }

            if (response.Content.Headers.ContentLength > MaxDocumentBytes)
            {
                return (null, "document too large");
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return body.Length > MaxDocumentBytes ? (null, "document too large") : (body, null);
        }
        catch (HttpRequestException exception)
        {
            return (null, exception.HttpRequestError.ToString());
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, "timed out");
        }
    }
}
