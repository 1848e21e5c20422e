using System.Net;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace PolicyBot.Sources.Feeds;

/// <summary>
/// A forgiving XML reader for feeds that are not well-formed: resolves HTML named entities, keeps bare
/// ampersands and stray "&lt;" as text, closes mismatched or unclosed tags, ignores DOCTYPEs (never expanding
/// entities) and junk after the root, maps undeclared well-known prefixes, and caps nesting depth.
/// Iterative (no recursion), linear time.
/// </summary>
internal sealed class TolerantXmlParser(int maxDepth)
{
    private sealed record Frame(XElement Element, string QualifiedName, Dictionary<string, string>? Namespaces);

    public XElement? Parse(string s)
    {
        var stack = new List<Frame>();
        XElement? root = null;
        var text = new StringBuilder();
        var i = 0;
        while (i < s.Length)
        {
            if (s[i] != '<')
            {
                var next = s.IndexOf('<', i);
                if (next < 0)
                {
                    next = s.Length;
                }

                if (stack.Count > 0)
                {
                    text.Append(DecodeEntities(s.AsSpan(i, next - i)));
                }

                i = next;
                continue;
            }

            if (Starts(s, i, "<!--"))
            {
                i = SkipPast(s, i + 4, "-->");
            }
            else if (Starts(s, i, "<![CDATA["))
            {
                var end = s.IndexOf("]]>", i + 9, StringComparison.Ordinal);
                var stop = end < 0 ? s.Length : end;
                if (stack.Count > 0)
                {
                    text.Append(s, i + 9, stop - i - 9);
                }

                i = end < 0 ? s.Length : end + 3;
            }
            else if (Starts(s, i, "<!"))
            {
                i = SkipDeclaration(s, i + 2);
            }
            else if (Starts(s, i, "<?"))
            {
                i = SkipPast(s, i + 2, "?>");
            }
            else if (Starts(s, i, "</"))
            {
                var close = s.IndexOf('>', i);
                if (close < 0)
                {
                    i = s.Length;
                    continue;
                }

                Flush(stack, text);
                var name = s.AsSpan(i + 2, close - i - 2).Trim().ToString();
                var at = stack.FindLastIndex(f => f.QualifiedName == name);
                if (at >= 0)
                {
                    stack.RemoveRange(at, stack.Count - at);
                }

                i = close + 1;
                if (stack.Count == 0 && root is not null)
                {
                    break;
                }
            }
            else if (i + 1 < s.Length && (char.IsLetter(s[i + 1]) || s[i + 1] is '_' or ':') && TryReadTag(s, i, out var tag))
            {
                Flush(stack, text);
                i = tag.End;
                if (root is not null && stack.Count == 0)
                {
                    break;
                }

                if (stack.Count >= maxDepth)
                {
                    continue;
                }

                var element = Build(tag, stack, out var declared);
                if (root is null)
                {
                    root = element;
                }
                else
                {
                    stack[^1].Element.Add(element);
                }

                if (!tag.SelfClosing)
                {
                    stack.Add(new Frame(element, tag.Name, declared));
                }
                else if (stack.Count == 0)
                {
                    break;
                }
            }
            else
            {
                if (stack.Count > 0)
                {
                    text.Append('<');
                }

                i++;
            }
        }

        Flush(stack, text);
        return root;
    }

    private readonly record struct Tag(string Name, List<(string Name, string Value)> Attributes, bool SelfClosing, int End);

    private static bool TryReadTag(string s, int start, out Tag tag)
    {
        tag = default;
        var i = start + 1;
        var nameStart = i;
        while (i < s.Length && !char.IsWhiteSpace(s[i]) && s[i] is not ('>' or '/' or '<'))
        {
            i++;
        }

        var name = s[nameStart..i];
        var attributes = new List<(string, string)>();
        while (i < s.Length)
        {
            while (i < s.Length && char.IsWhiteSpace(s[i]))
            {
                i++;
            }

            if (i >= s.Length || s[i] == '<')
            {
                return false;
            }

            if (s[i] == '>')
            {
                tag = new Tag(name, attributes, false, i + 1);
                return true;
            }

            if (s[i] == '/')
            {
                if (i + 1 < s.Length && s[i + 1] == '>')
                {
                    tag = new Tag(name, attributes, true, i + 2);
                    return true;
                }

                i++;
                continue;
            }

            var attrStart = i;
            while (i < s.Length && !char.IsWhiteSpace(s[i]) && s[i] is not ('=' or '>' or '/' or '<'))
            {
                i++;
            }

            var attrName = s[attrStart..i];
            while (i < s.Length && char.IsWhiteSpace(s[i]))
            {
                i++;
            }

            var value = string.Empty;
            if (i < s.Length && s[i] == '=')
            {
                i++;
                while (i < s.Length && char.IsWhiteSpace(s[i]))
                {
                    i++;
                }

                if (i < s.Length && s[i] is '"' or '\'')
                {
                    var quote = s[i];
                    var close = s.IndexOf(quote, i + 1);
                    if (close < 0)
                    {
                        return false;
                    }

                    value = DecodeEntities(s.AsSpan(i + 1, close - i - 1));
                    i = close + 1;
                }
                else
                {
                    var valueStart = i;
                    while (i < s.Length && !char.IsWhiteSpace(s[i]) && s[i] is not ('>' or '<'))
                    {
                        i++;
                    }

                    value = DecodeEntities(s.AsSpan(valueStart, i - valueStart));
                }
            }

            if (attrName.Length > 0)
            {
                attributes.Add((attrName, value));
            }
        }

        return false;
    }

    private static XElement Build(Tag tag, List<Frame> stack, out Dictionary<string, string>? declared)
    {
        declared = null;
        foreach (var (name, value) in tag.Attributes)
        {
            if (name == "xmlns")
            {
                (declared ??= [])[string.Empty] = value;
            }
            else if (name.StartsWith("xmlns:", StringComparison.Ordinal))
            {
                (declared ??= [])[name[6..]] = value;
            }
        }

        var scope = declared;
        var element = new XElement(Resolve(tag.Name, stack, scope, isAttribute: false));
        foreach (var (prefix, uri) in declared ?? [])
        {
            var xmlnsName = prefix.Length == 0 ? XName.Get("xmlns") : XNamespace.Xmlns + XmlConvert.EncodeLocalName(prefix);
            if (prefix.Length == 0 || uri.Length > 0)
            {
                element.SetAttributeValue(xmlnsName, uri);
            }
        }

        foreach (var (name, value) in tag.Attributes)
        {
            if (name == "xmlns" || name.StartsWith("xmlns:", StringComparison.Ordinal))
            {
                continue;
            }

            var xname = Resolve(name, stack, scope, isAttribute: true);
            if (element.Attribute(xname) is null)
            {
                element.Add(new XAttribute(xname, value));
            }
        }

        return element;
    }

    private static XName Resolve(string qualified, List<Frame> stack, Dictionary<string, string>? own, bool isAttribute)
    {
        var colon = qualified.IndexOf(':');
        var prefix = colon > 0 ? qualified[..colon] : string.Empty;
        var local = XmlConvert.EncodeLocalName(colon > 0 ? qualified[(colon + 1)..] : qualified.Replace(":", string.Empty));
        if (local is null || local.Length == 0)
        {
            local = "_";
        }

        if (prefix == "xml")
        {
            return XNamespace.Xml + local;
        }

        if (isAttribute && prefix.Length == 0)
        {
            return XName.Get(local);
        }

        var uri = Lookup(prefix, stack, own);
        if (uri is null && prefix.Length > 0)
        {
            uri = FeedNamespaces.WellKnownPrefixes.GetValueOrDefault(prefix, "urn:undeclared-prefix:" + Uri.EscapeDataString(prefix));
        }

        return XNamespace.Get(uri ?? string.Empty) + local;
    }

    private static string? Lookup(string prefix, List<Frame> stack, Dictionary<string, string>? own)
    {
        if (own is not null && own.TryGetValue(prefix, out var found))
        {
            return found;
        }

        for (var k = stack.Count - 1; k >= 0; k--)
        {
            if (stack[k].Namespaces is { } ns && ns.TryGetValue(prefix, out found))
            {
                return found;
            }
        }

        return null;
    }

    private static void Flush(List<Frame> stack, StringBuilder text)
    {
        if (text.Length > 0 && stack.Count > 0)
        {
            stack[^1].Element.Add(new XText(text.ToString()));
        }

        text.Clear();
    }

    /// <summary>Decodes XML and HTML entities; unknown or bare ampersands stay as literal text.</summary>
    internal static string DecodeEntities(ReadOnlySpan<char> span)
    {
        if (span.IndexOf('&') < 0)
        {
            return span.ToString();
        }

        var sb = new StringBuilder(span.Length);
        var i = 0;
        while (i < span.Length)
        {
            var amp = span[i..].IndexOf('&');
            if (amp < 0)
            {
                sb.Append(span[i..]);
                break;
            }

            sb.Append(span.Slice(i, amp));
            i += amp;
            var semi = span.Slice(i, Math.Min(34, span.Length - i)).IndexOf(';');
            if (semi > 1)
            {
                var entity = span.Slice(i, semi + 1).ToString();
                var decoded = entity switch
                {
                    "&apos;" => "'",
                    _ => WebUtility.HtmlDecode(entity),
                };
                if (decoded != entity && !string.IsNullOrEmpty(decoded) && XmlConvert.IsXmlChar(decoded[0]) || decoded.Length == 2 && char.IsSurrogatePair(decoded[0], decoded[1]))
                {
                    sb.Append(decoded);
                    i += semi + 1;
                    continue;
                }
            }

            sb.Append('&');
            i++;
        }

        return sb.ToString();
    }

    private static bool Starts(string s, int i, string token) => string.CompareOrdinal(s, i, token, 0, token.Length) == 0;

    private static int SkipPast(string s, int from, string terminator)
    {
        var end = s.IndexOf(terminator, from, StringComparison.Ordinal);
        return end < 0 ? s.Length : end + terminator.Length;
    }

    private static int SkipDeclaration(string s, int i)
    {
        var bracketDepth = 0;
        for (; i < s.Length; i++)
        {
            switch (s[i])
            {
                case '[':
                    bracketDepth++;
                    break;
                case ']':
                    bracketDepth = Math.Max(0, bracketDepth - 1);
                    break;
                case '>' when bracketDepth == 0:
                    return i + 1;
            }
        }

        return s.Length;
    }
}
