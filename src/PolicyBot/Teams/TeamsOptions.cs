using System.ComponentModel.DataAnnotations;

namespace PolicyBot.Teams;

/// <summary>
/// The <c>Teams</c> configuration section: the bot's Microsoft App registration and the Bot Framework endpoints.
/// With no <see cref="AppId"/> the bot runs unauthenticated for local development, accepting loopback requests only.
/// </summary>
public sealed class TeamsOptions : IValidatableObject
{
    public const string Section = "Teams";

    /// <summary>The Bot Framework token issuer (Azure Bot Service).</summary>
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    /// <summary>Default Bot Framework OpenID metadata (note: no hyphen in <c>openidconfiguration</c>).</summary>
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Default Entra ID metadata, for channels that send Entra-issued tokens.</summary>
    public const string DefaultEntraOpenIdMetadataUrl = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>Microsoft's Bot Connector hosts (public cloud, GCC, GCC High, DoD).</summary>
    public static readonly IReadOnlyList<string> DefaultAllowedServiceUrls =
    [
        "smba.trafficmanager.net",
        "*.smba.trafficmanager.net",
        "smba.infra.gcc.teams.microsoft.com",
        "smba.infra.gov.teams.microsoft.us",
        "smba.infra.dod.teams.microsoft.us",
    ];

    /// <summary>The bot's Microsoft App ID (client id); the audience of inbound tokens. Empty: local development.</summary>
    public string AppId { get; set; } = "";

    /// <summary>The app's client secret, for the outbound client-credentials token. Never logged.</summary>
    public string AppPassword { get; set; } = "";

    /// <summary>The bot's Entra tenant (single-tenant bots); empty for a multi-tenant registration.</summary>
    public string TenantId { get; set; } = "";

    /// <summary>Where the Bot Framework signing keys are described.</summary>
    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary>Where Entra ID signing keys are described (Entra-issued channel tokens).</summary>
    public string EntraOpenIdMetadataUrl { get; set; } = DefaultEntraOpenIdMetadataUrl;

    /// <summary>The token endpoint override; empty means the tenant's (or botframework.com's for multi-tenant).</summary>
    public string TokenEndpoint { get; set; } = "";

    /// <summary>Hosts the bot may send to (<c>*.example.com</c> matches subdomains); empty means Microsoft's channel hosts.</summary>
    public IList<string> AllowedServiceUrls { get; set; } = [];

    /// <summary>How long signing keys are trusted before they are fetched again.</summary>
    public TimeSpan SigningKeyRefreshInterval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Whether a bot identity is configured (production): inbound tokens are then required.</summary>
    public bool Authenticated => AppId.Length > 0;

    /// <summary>The token endpoint actually used.</summary>
    public Uri EffectiveTokenEndpoint => new(TokenEndpoint.Length > 0
        ? TokenEndpoint
        : $"https://login.microsoftonline.com/{(TenantId.Length > 0 ? TenantId : "botframework.com")}/oauth2/v2.0/token");

    /// <summary>The hosts actually allowed.</summary>
    public IReadOnlyList<string> EffectiveAllowedServiceUrls => AllowedServiceUrls.Count > 0 ? [.. AllowedServiceUrls] : DefaultAllowedServiceUrls;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AppId.Length > 0 && AppPassword.Length == 0)
        {
            yield return new ValidationResult("Teams:AppPassword is required when Teams:AppId is set.", [nameof(AppPassword)]);
        }

        foreach (var (name, value) in new[] { (nameof(OpenIdMetadataUrl), OpenIdMetadataUrl), (nameof(EntraOpenIdMetadataUrl), EntraOpenIdMetadataUrl), (nameof(TokenEndpoint), TokenEndpoint) })
        {
            if (value.Length > 0 && !IsSecureOrLoopback(value))
            {
                yield return new ValidationResult($"Teams:{name} must be an absolute https URL (http only on loopback).", [name]);
            }
        }

        if (TenantId.Length > 0 && !Guid.TryParse(TenantId, out _) && !TenantId.Contains('.', StringComparison.Ordinal))
        {
            yield return new ValidationResult("Teams:TenantId must be a tenant GUID or domain.", [nameof(TenantId)]);
        }

        if (SigningKeyRefreshInterval <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Teams:SigningKeyRefreshInterval must be positive.", [nameof(SigningKeyRefreshInterval)]);
        }
    }

    /// <summary>An absolute https URL, or http to a loopback host (tests, local development).</summary>
    public static bool IsSecureOrLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
