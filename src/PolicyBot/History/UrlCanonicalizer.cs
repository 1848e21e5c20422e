using System.Text;

namespace PolicyBot.History;

/// <summary>
/// Puts an http(s) URL in one canonical spelling: lowercase scheme and host, no default port, no fragment,
/// no tracking parameters, remaining query parameters sorted by name. Never throws.
/// </summary>
public sealed class UrlCanonicalizer
{
    private const int MaxUrlLength = 8192;

    /// <summary>Query parameter names (compared case-insensitively) that only track the visitor.</summary>
    private static readonly HashSet<string> TrackingParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "gclsrc", "gbraid", "wbraid", "dclid", "msclkid", "yclid", "twclid", "ttclid", "li_fat_id",
        "rb_clickid", "mc_cid", "mc_eid", "igshid", "igsh", "_ga", "_gl", "_hsenc", "_hsmi", "__hssc", "__hstc", "__hsfp",
        "hsctatracking", "ref", "ref_src", "ref_url", "referrer", "cmpid", "s_cid", "spm", "mkt_tok", "oly_anon_id",
        "oly_enc_id", "vero_id", "vero_conv", "wickedid", "_openstat", "ocid", "ncid", "soc_src", "soc_trk", "at_medium",
        "at_campaign", "at_custom1", "at_custom2", "srsltid", "guccounter", "guce_referrer", "guce_referrer_sig",
        "__twitter_impression", "xtor", "ns_source", "ns_mchannel", "ns_campaign", "ns_linkname", "ns_fee", "sr_share",
        "trk", "trkcampaign", "cvid", "icid", "smid", "ito",
    };

    /// <summary>The canonical form of <paramref name="url"/>, or the input trimmed when it is not an absolute http(s) URL.</summary>
    public string Canonicalize(string url)
    {
        var trimmed = (url ?? "").Trim();
        if (trimmed.Length == 0 || trimmed.Length > MaxUrlLength)
        {
            return trimmed;
        }

        try
        {
            if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                || string.IsNullOrEmpty(uri.Host))
            {
                return trimmed;
            }

            var builder = new StringBuilder(trimmed.Length);
            builder.Append(uri.Scheme.ToLowerInvariant()).Append("://");
            if (uri.UserInfo.Length > 0)
            {
                builder.Append(uri.UserInfo).Append('@');
            }

            builder.Append(uri.Host.ToLowerInvariant());
            if (!uri.IsDefaultPort)
            {
                builder.Append(':').Append(uri.Port);
            }

            builder.Append(uri.AbsolutePath);
            var query = CanonicalQuery(uri.Query);
            if (query.Length > 0)
            {
                builder.Append('?').Append(query);
            }

            return builder.ToString();
        }
        catch (Exception ex) when (ex is UriFormatException or ArgumentException or InvalidOperationException)
        {
            return trimmed;
        }
    }

    /// <summary>True when <paramref name="name"/> is a known tracking parameter (any <c>utm_*</c> included).</summary>
    public bool IsTrackingParameter(string name)
    {
        var decoded = Unescape(name);
        return decoded.StartsWith("utm_", StringComparison.OrdinalIgnoreCase)
            || decoded.StartsWith("pk_", StringComparison.OrdinalIgnoreCase)
            || TrackingParameters.Contains(decoded);
    }

    private string CanonicalQuery(string query)
    {
        if (query.Length <= 1)
        {
            return "";
        }

        var kept = new List<(string Name, string Pair)>();
        foreach (var pair in query[1..].Split('&'))
        {
            if (pair.Length == 0)
            {
                continue;
            }

            var equals = pair.IndexOf('=');
            var name = equals < 0 ? pair : pair[..equals];
            if (!IsTrackingParameter(name))
            {
                kept.Add((Unescape(name), pair));
            }
        }

        return string.Join('&', kept.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.Pair));
    }

    private static string Unescape(string value)
    {
        try
        {
            return Uri.UnescapeDataString(value.Replace('+', ' '));
        }
        catch (Exception ex) when (ex is UriFormatException or ArgumentException)
        {
            return value;
        }
    }
}
