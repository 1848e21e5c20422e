using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PolicyBot.Sources.Feeds;

/// <summary>
/// Turns feed text elements into HTML (Atom text constructs, RSS descriptions, inline XHTML) or plain text
/// (titles). HTML keeps its markup; relative href/src are made absolute against the element's base.
/// </summary>
internal static partial class FeedMarkup
{
    private static readonly HashSet<string> VoidElements =
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

    /// <summary>How a text element's content is to be read.</summary>
    public enum Kind
    {
        Text,
        Html,
        Xhtml,
    }

    /// <summary>Reads an Atom text construct (1.0 type, 0.3 type/mode) as HTML.</summary>
    public static string? AtomHtml(XElement? element, FeedUriResolver resolver)
    {
        if (element is null)
        {
            return null;
        }

        var (kind, value) = AtomValue(element);
        var html = kind switch
        {
            Kind.Text => Escape(value),
            _ => value,
        };
        return Finish(html, element, resolver);
    }

    /// <summary>Reads an Atom text construct as plain text (for titles).</summary>
    public static string? AtomPlain(XElement? element)
    {
        if (element is null)
        {
            return null;
        }

        var (kind, value) = AtomValue(element);
        return kind == Kind.Text ? CollapseWhitespace(value) : HtmlToPlain(value);
    }

    /// <summary>An RSS-style element holding HTML: escaped HTML text, CDATA, or naked child markup.</summary>
    public static string? RssHtml(XElement? element, FeedUriResolver resolver)
    {
        if (element is null)
        {
            return null;
        }

        var html = element.HasElements ? InnerXml(element) : element.Value;
        return Finish(html, element, resolver);
    }

    /// <summary>Trims, maps windows-1252 character references (&amp;#146; → &amp;#x2019;) as browsers do, and makes links absolute.</summary>
    public static string Finish(string html, XElement element, FeedUriResolver resolver)
    {
        var mapped = html.Contains("&#", StringComparison.Ordinal)
            ? Windows1252Reference().Replace(html, m =>
            {
                var code = int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
                var c = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetString([(byte)code]);
                return c is [var ch] && ch != '?' ? $"&#x{(int)ch:x4};" : m.Value;
            })
            : html;
        return FeedUriResolver.ResolveInHtml(mapped.Trim(), resolver.BaseFor(element))!;
    }

    /// <summary>An RSS-style title: plain text, unless it looks like (escaped) HTML.</summary>
    public static string? RssPlain(XElement? element)
    {
        if (element is null)
        {
            return null;
        }

        return element.HasElements || LooksLikeHtml().IsMatch(element.Value)
            ? HtmlToPlain(element.HasElements ? InnerXml(element) : element.Value)
            : CollapseWhitespace(element.Value);
    }

    /// <summary>Strips tags (dropping script/style bodies), decodes entities and collapses whitespace.</summary>
    public static string HtmlToPlain(string html)
    {
        var withoutScripts = ScriptOrStyle().Replace(html, " ");
        var withoutTags = Tag().Replace(withoutScripts, string.Empty);
        return CollapseWhitespace(WebUtility.HtmlDecode(withoutTags));
    }

    public static string CollapseWhitespace(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>Escapes plain text for use as HTML.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>Serialises an element's children as HTML (namespace declarations dropped).</summary>
    public static string InnerXml(XElement element)
    {
        var sb = new StringBuilder();
        foreach (var node in element.Nodes())
        {
            Write(node, sb, 0);
        }

        return sb.ToString();
    }

    private static (Kind Kind, string Value) AtomValue(XElement element)
    {
        var type = (element.Attribute("type")?.Value ?? string.Empty).Trim().ToLowerInvariant();
        var mode = (element.Attribute("mode")?.Value ?? string.Empty).Trim().ToLowerInvariant();
        var kind = type switch
        {
            "html" or "text/html" => Kind.Html,
            "xhtml" or "application/xhtml+xml" => Kind.Xhtml,
            "" or "text" or "text/plain" => Kind.Text,
            _ when type.EndsWith("+xml", StringComparison.Ordinal) || type.EndsWith("/xml", StringComparison.Ordinal) => Kind.Xhtml,
            _ => Kind.Text,
        };

        if (mode == "base64")
        {
            return (kind == Kind.Text ? Kind.Text : Kind.Html, DecodeBase64(element.Value));
        }

        if (mode == "escaped")
        {
            return (kind == Kind.Text ? Kind.Html : kind, element.Value);
        }

        if (element.HasElements && kind == Kind.Html && SingleXhtmlDiv(element) is { HasElements: false } escapedDiv)
        {
            // TypePad style: type="html" content wrapped in an XHTML div holding escaped markup.
            return (Kind.Html, escapedDiv.Value);
        }

        if (element.HasElements)
        {
            var div = type == "xhtml" && SingleXhtmlDiv(element) is { } wrapper ? wrapper : element;
            return (Kind.Xhtml, InnerXml(div));
        }

        return kind == Kind.Xhtml ? (Kind.Html, element.Value) : (kind, element.Value);
    }

    /// <summary>The XHTML div an Atom 1.0 xhtml construct wraps its content in (not part of the content).</summary>
    private static XElement? SingleXhtmlDiv(XElement element) =>
        element.Elements().Count() == 1 && element.Elements().Single() is { } only
        && only.Name.LocalName == "div" && only.Name.Namespace == FeedNamespaces.Xhtml
        && string.IsNullOrWhiteSpace(string.Concat(element.Nodes().OfType<XText>().Select(t => t.Value)))
            ? only
            : null;

    private static string DecodeBase64(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(Whitespace().Replace(value, string.Empty), buffer, out var written)
            ? Encoding.UTF8.GetString(buffer, 0, written)
            : value;
    }

    private static void Write(XNode node, StringBuilder sb, int depth)
    {
        switch (node)
        {
            case XText text:
                sb.Append(Escape(text.Value));
                break;
            case XElement element when depth < FeedXmlLoader.MaxDepth:
                var name = QualifiedName(element, element.Name, isAttribute: false);
                sb.Append('<').Append(name);
                foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration))
                {
                    sb.Append(' ').Append(QualifiedName(element, attribute.Name, isAttribute: true)).Append("=\"")
                        .Append(Escape(attribute.Value).Replace("\"", "&quot;", StringComparison.Ordinal)).Append('"');
                }

                if (!element.Nodes().Any() && VoidElements.Contains(name))
                {
                    sb.Append(" />");
                    break;
                }

                sb.Append('>');
                foreach (var child in element.Nodes())
                {
                    Write(child, sb, depth + 1);
                }

                sb.Append("</").Append(name).Append('>');
                break;
        }
    }

    private static string QualifiedName(XElement context, XName name, bool isAttribute)
    {
        if (name.Namespace == XNamespace.None || (!isAttribute && name.Namespace == FeedNamespaces.Xhtml))
        {
            return name.LocalName;
        }

        if (name.Namespace == XNamespace.Xml)
        {
            return "xml:" + name.LocalName;
        }

        var prefix = isAttribute ? context.GetPrefixOfNamespace(name.Namespace) : null;
        return string.IsNullOrEmpty(prefix) ? name.LocalName : prefix + ":" + name.LocalName;
    }

    [GeneratedRegex(@"<[a-zA-Z/!][^>]*>|&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});", RegexOptions.CultureInvariant)]
    private static partial Regex LooksLikeHtml();

    [GeneratedRegex(@"&#(?<n>1[2-5][0-9]);", RegexOptions.CultureInvariant)]
    private static partial Regex Windows1252Reference();

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<!--.*?-->|<[a-zA-Z/!?][^>]*>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \t\r\n\f\v]+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
