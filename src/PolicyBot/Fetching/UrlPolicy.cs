namespace PolicyBot.Fetching;

/// <summary>
/// Decides whether a URL may be fetched at all, by its shape alone: absolute, http or https, a host, no credentials.
/// Where the host points is <see cref="AddressPolicy"/>'s business.
/// </summary>
public static class UrlPolicy
{
    /// <summary>Longer URLs are refused; no feed needs more.</summary>
    public const int MaxLength = 4096;

    /// <summary>Null when <paramref name="url"/> is acceptable, else a one-line reason that never echoes credentials.</summary>
    public static string? Validate(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "the URL is empty";
        }

        if (url.Length > MaxLength)
        {
            return $"the URL is longer than {MaxLength} characters";
        }

        var trimmed = url.Trim();
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            || (uri.IsFile && !trimmed.StartsWith("file:", StringComparison.OrdinalIgnoreCase)))
        {
            // On Unix "/feed.xml" parses as an absolute file URI; it is still a relative reference.
            return "not an absolute URL (expected http:// or https://)";
        }

        return Validate(uri);
    }

    /// <summary>Null when <paramref name="url"/> is acceptable, else a one-line reason that never echoes credentials.</summary>
    public static string? Validate(Uri url)
    {
        if (!url.IsAbsoluteUri)
        {
            return "not an absolute URL (expected http:// or https://)";
        }

        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            return $"unsupported scheme '{url.Scheme}' (only http and https are fetched)";
        }

        if (url.UserInfo.Length > 0)
        {
            return "the URL carries credentials (user:password@host); they are never sent";
        }

        if (string.IsNullOrEmpty(url.Host))
        {
            return "the URL has no host";
        }

        return null;
    }

    /// <summary>The URL without credentials, query or fragment: safe for logs and error messages.</summary>
    public static string Redact(Uri url) =>
        url.IsAbsoluteUri ? url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped) : "(relative URL)";
}
