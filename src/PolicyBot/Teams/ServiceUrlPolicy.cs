using Microsoft.Extensions.Options;

namespace PolicyBot.Teams;

/// <summary>
/// Which Connector service URLs the bot may call (and so send its token to): https on an allowed host
/// (<see cref="TeamsOptions.AllowedServiceUrls"/>; <c>*.host</c> allows subdomains), or http only to an allowed loopback host.
/// A forged activity naming another host cannot make the bot send anything there.
/// </summary>
public sealed class ServiceUrlPolicy(IOptions<TeamsOptions> options)
{
    /// <summary>The service URL as a base for Connector paths (trailing slash kept), or null when it is not allowed.</summary>
    public Uri? Allow(string? serviceUrl)
    {
        if (string.IsNullOrEmpty(serviceUrl) || !Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)
            || uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            return null;
        }

        var secure = uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);
        if (!secure || !options.Value.EffectiveAllowedServiceUrls.Any(pattern => Matches(pattern.Trim(), uri.IdnHost)))
        {
            return null;
        }

        return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.GetLeftPart(UriPartial.Path) + "/");
    }

    private static bool Matches(string pattern, string host)
    {
        if (pattern.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(pattern, UriKind.Absolute, out var written))
        {
            pattern = written.IdnHost; // a full URL was configured: its host counts
        }

        if (pattern.StartsWith("*.", StringComparison.Ordinal))
        {
            var suffix = pattern[1..]; // ".example.com"
            return host.Length > suffix.Length && host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase);
        }

        return string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase);
    }
}
