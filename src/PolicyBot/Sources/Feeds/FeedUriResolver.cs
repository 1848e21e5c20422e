using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PolicyBot.Sources.Feeds;

/// <summary>
/// Resolves relative references in a feed: against the xml:base chain of the element, which itself
/// starts from <paramref name="documentBase"/> (the feed's own link or the URL it was fetched from).
/// </summary>
internal sealed partial class FeedUriResolver(Uri? documentBase)
{
    public Uri? DocumentBase => documentBase;

    /// <summary>The effective base URI for content inside <paramref name="element"/>.</summary>
    public Uri? BaseFor(XElement? element)
    {
        var chain = new List<string>();
        for (var e = element; e is not null; e = e.Parent)
        {
            if (e.Attribute(XNamespace.Xml + "base")?.Value is { } b)
            {
                chain.Add(b.Trim());
            }
        }

        var current = documentBase;
        for (var k = chain.Count - 1; k >= 0; k--)
        {
            current = Combine(current, chain[k]) ?? current;
        }

        return current;
    }

    /// <summary>Resolves <paramref name="reference"/> relative to <paramref name="context"/>'s base.</summary>
    public string? Resolve(string? reference, XElement? context) => Resolve(reference, BaseFor(context));

    public static string? Resolve(string? reference, Uri? baseUri)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return null;
        }

        var trimmed = reference.Trim();
        if (HasScheme(trimmed))
        {
            return trimmed;
        }

        return Combine(baseUri, trimmed)?.ToString() ?? trimmed;
    }

    /// <summary>Makes href/src attributes in an HTML fragment absolute.</summary>
    public static string? ResolveInHtml(string? html, Uri? baseUri)
    {
        if (html is null || baseUri is null || html.IndexOf('=') < 0)
        {
            return html;
        }

        return UrlAttribute().Replace(html, m =>
        {
            var value = m.Groups["v"].Value;
            if (value.Length == 0 || value.StartsWith('#') || IsSafeAbsolute(value))
            {
                return m.Value;
            }

            var resolved = Combine(baseUri, System.Net.WebUtility.HtmlDecode(value));
            return resolved is null ? m.Value : $"{m.Groups["pre"].Value}{System.Net.WebUtility.HtmlEncode(resolved.ToString())}{m.Groups["q"].Value}";
        });
    }

    private static bool IsSafeAbsolute(string value) => HasScheme(value);

    /// <summary>True for "scheme:..." references. (Uri.TryCreate alone would take "/path" as a file URI on Unix.)</summary>
    private static bool HasScheme(string reference) => SchemePrefix().IsMatch(reference);

    private static Uri? Combine(Uri? baseUri, string reference)
    {
        if (HasScheme(reference))
        {
            return Uri.TryCreate(reference, UriKind.Absolute, out var absolute) ? absolute : null;
        }

        if (baseUri is null || !baseUri.IsAbsoluteUri)
        {
            return null;
        }

        return Uri.TryCreate(baseUri, reference, out var combined) ? combined : null;
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.-]*:", RegexOptions.CultureInvariant)]
    private static partial Regex SchemePrefix();

    [GeneratedRegex("""(?<pre>\b(?:href|src)\s*=\s*(?<q>["']))(?<v>[^"'<>]*)\k<q>""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlAttribute();
}
