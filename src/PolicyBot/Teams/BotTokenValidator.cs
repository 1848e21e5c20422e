using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PolicyBot.Teams;

/// <summary>
/// Validates the bearer token on an inbound activity as the Bot Framework SDK does (protocols.md B1): the
/// <c>Bearer</c> scheme; a known issuer checked before any key is fetched (Azure Bot Service, the Bot Service's Entra
/// tenants, or this bot's own tenant); an RS256/RS384/RS512 signature by a key from the issuer's OpenID metadata;
/// audience = <see cref="TeamsOptions.AppId"/>; lifetime with 5 minutes of clock skew; for Bot Framework tokens the
/// signing key's endorsement of the activity's channel; and the <c>serviceurl</c> claim equal to the activity's serviceUrl.
/// </summary>
public sealed class BotTokenValidator(SigningKeyCache keyCache, IOptions<TeamsOptions> options, TimeProvider timeProvider)
{
    /// <summary>Clock skew allowed on <c>nbf</c> and <c>exp</c>.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>The only signature algorithms accepted.</summary>
    public static readonly IReadOnlyList<string> AllowedAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    /// <summary>Entra tenants the Azure Bot Service issues channel tokens from (Agents SDK defaults).</summary>
    private static readonly string[] BotServiceTenants =
    [
        "d6d49420-f39b-4df7-a1dc-d59a935871db",
        "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
        "69e9b82d-4842-4902-8d1e-abc5b98a55e8",
    ];

    private readonly JsonWebTokenHandler handler = new() { MaximumTokenSizeInBytes = 16 * 1024 };

    /// <summary>Checks <paramref name="authorization"/> (the whole header value) for an activity.</summary>
    public async Task<TokenValidationOutcome> ValidateAsync(string? authorization, string? activityServiceUrl, string? activityChannelId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var parts = authorization?.Split(' ') ?? [];
        if (parts.Length != 2 || parts[0] != "Bearer" || parts[1].Length == 0)
        {
            return TokenValidationOutcome.Rejected("no Bearer token");
        }

        if (!handler.CanReadToken(parts[1]))
        {
            return TokenValidationOutcome.Rejected("the token is not a JWT");
        }

        JsonWebToken unverified;
        try
        {
            unverified = handler.ReadJsonWebToken(parts[1]);
        }
        catch (ArgumentException)
        {
            return TokenValidationOutcome.Rejected("the token is not a JWT");
        }

        if (!AllowedAlgorithms.Contains(unverified.Alg))
        {
            return TokenValidationOutcome.Rejected($"algorithm '{Printable(unverified.Alg)}' is not allowed");
        }

        var issuer = unverified.Issuer;
        var botFramework = issuer == TeamsOptions.BotFrameworkIssuer;
        if (!botFramework && !EntraIssuers(settings.TenantId).Contains(issuer))
        {
            return TokenValidationOutcome.Rejected($"issuer '{Printable(issuer)}' is not trusted");
        }

        var metadataUrl = botFramework ? settings.OpenIdMetadataUrl : settings.EntraOpenIdMetadataUrl;
        var keys = await keyCache.GetAsync(metadataUrl, unverified.Kid, cancellationToken);
        if (keys is null)
        {
            return TokenValidationOutcome.Rejected("signing keys are unavailable");
        }

        var result = await handler.ValidateTokenAsync(parts[1], new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidateIssuer = true,
            ValidAudience = settings.AppId,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            LifetimeValidator = ValidateLifetime,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            IssuerSigningKeys = keys.Keys,
            ValidAlgorithms = [.. AllowedAlgorithms],
            TryAllIssuerSigningKeys = false,
        });
        if (!result.IsValid)
        {
            return TokenValidationOutcome.Rejected(result.Exception?.GetType().Name ?? "invalid token");
        }

        if (botFramework)
        {
            var keyId = result.SecurityToken.SigningKey?.KeyId ?? unverified.Kid;
            if (keyId is null || !keys.Endorsements.TryGetValue(keyId, out var endorsed))
            {
                return TokenValidationOutcome.Rejected("the signing key carries no endorsements");
            }

            if (!string.IsNullOrEmpty(activityChannelId) && !endorsed.Contains(activityChannelId, StringComparer.Ordinal))
            {
                return TokenValidationOutcome.Rejected($"the signing key is not endorsed for channel '{Printable(activityChannelId)}'");
            }
        }

        var serviceUrlClaim = result.Claims.TryGetValue("serviceurl", out var claim) ? claim as string : null;
        if (botFramework && activityServiceUrl is not null && !string.Equals(serviceUrlClaim, activityServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return TokenValidationOutcome.Rejected("the serviceurl claim does not match the activity");
        }

        if (!botFramework && serviceUrlClaim is not null && activityServiceUrl is not null
            && !string.Equals(serviceUrlClaim, activityServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return TokenValidationOutcome.Rejected("the serviceurl claim does not match the activity");
        }

        return TokenValidationOutcome.Accepted;
    }

    /// <summary>Entra issuers accepted: the Bot Service's tenants, and this bot's tenant when one is configured.</summary>
    private static HashSet<string> EntraIssuers(string tenantId)
    {
        var tenants = tenantId.Length > 0 ? [.. BotServiceTenants, tenantId] : BotServiceTenants;
        return tenants.SelectMany(t => new[] { $"https://sts.windows.net/{t}/", $"https://login.microsoftonline.com/{t}/v2.0" }).ToHashSet(StringComparer.Ordinal);
    }

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        return expires is { } exp && now <= exp.ToUniversalTime() + ClockSkew
            && (notBefore is not { } nbf || now >= nbf.ToUniversalTime() - ClockSkew);
    }

    private static string Printable(string? value) =>
        value is null ? "" : new string([.. value.Take(80).Select(c => char.IsControl(c) ? '?' : c)]);
}
