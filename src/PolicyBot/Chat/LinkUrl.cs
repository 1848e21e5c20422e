namespace PolicyBot.Chat;

/// <summary>Which untrusted URLs a chat message may link to.</summary>
public static class LinkUrl
{
    /// <summary>An absolute http(s) URL in its escaped form (no spaces, no angle brackets), or null when there is
    /// none, it is not http(s) or it is longer than <paramref name="max"/>.</summary>
    public static string? Safe(string? url, int max)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return null;
        }

        var safe = uri.AbsoluteUri.Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal);
        return safe.Length <= max ? safe : null;
    }
}
