using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace PolicyBot.Extraction;

/// <summary>
/// Turns response bytes into text. Charset priority: byte order mark (or an unmistakable UTF-16/32 byte
/// layout), the Content-Type charset, the XML declaration, an HTML meta charset in the first 4 KB, then
/// UTF-8 when the bytes are valid UTF-8, else windows-1252. Unknown charset names are skipped, never thrown.
/// </summary>
public sealed partial class BodyDecoder
{
    private const int SniffBytes = 4096;

    /// <summary>Decodes <paramref name="body"/>; never throws.</summary>
    public DecodedText Decode(ReadOnlySpan<byte> body, string? contentType) => DecodeExplained(body, contentType).Decoded;

    /// <summary>Where the chosen charset came from, and any declared label that had to be ignored.</summary>
    internal enum CharsetSource
    {
        ByteOrder,
        ContentType,
        XmlDeclaration,
        HtmlMeta,
        ValidUtf8,
        Windows1252Fallback,
    }

    /// <summary>A decoding together with how its charset was chosen.</summary>
    internal sealed record Explained(DecodedText Decoded, CharsetSource Source, string? IgnoredLabel);

    internal Explained DecodeExplained(ReadOnlySpan<byte> body, string? contentType)
    {
        var (bomEncoding, bomLength) = DetectByteOrder(body);
        if (bomEncoding is not null)
        {
            return new(Finish(bomEncoding, body[bomLength..]), CharsetSource.ByteOrder, null);
        }

        string? ignored = null;
        var headerLabel = CharsetFromContentType(contentType);
        if (FindEncoding(headerLabel) is { } headerEncoding && !IsWide(headerEncoding))
        {
            return new(Finish(headerEncoding, body), CharsetSource.ContentType, null);
        }

        ignored ??= string.IsNullOrWhiteSpace(headerLabel) ? null : headerLabel.Trim();
        var head = Encoding.Latin1.GetString(body[..Math.Min(body.Length, SniffBytes)]);
        var declaredLabel = MatchGroup(XmlDeclarationEncoding(), head);
        if (FindEncoding(declaredLabel) is { } declared && !IsWide(declared))
        {
            return new(Finish(declared, body), CharsetSource.XmlDeclaration, ignored);
        }

        ignored ??= declaredLabel;
        var metaLabel = MatchGroup(MetaCharset(), head);
        if (FindEncoding(metaLabel) is { } meta && !IsWide(meta))
        {
            return new(Finish(meta, body), CharsetSource.HtmlMeta, ignored);
        }

        ignored ??= metaLabel;
        return Utf8.IsValid(body)
            ? new(Finish(new UTF8Encoding(false), body), CharsetSource.ValidUtf8, ignored)
            : new(Finish(Windows1252, body), CharsetSource.Windows1252Fallback, ignored);
    }

    /// <summary>Resolves a charset label to an encoding, or null when the label is unknown.</summary>
    internal static Encoding? FindEncoding(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var label = name.Trim().Trim('"', '\'').Trim();
        if (label.Length is 0 or > 64)
        {
            return null;
        }

        if (Latin1Labels.Contains(label))
        {
            // As in browsers (WHATWG Encoding), "ISO-8859-1" means windows-1252, its superset.
            return Windows1252;
        }

        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(label) ?? Encoding.GetEncoding(label);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static readonly HashSet<string> Latin1Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "cp819", "ibm819", "iso-ir-100", "csisolatin1",
    };

    private static Encoding Windows1252 => CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    private static DecodedText Finish(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        var text = encoding.GetString(bytes);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        return new DecodedText(text, encoding.WebName.ToLowerInvariant());
    }

    private static (Encoding? Encoding, int BomLength) DetectByteOrder(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith(stackalloc byte[] { 0xFF, 0xFE, 0x00, 0x00 }))
        {
            return (new UTF32Encoding(false, false), 4);
        }

        if (b.StartsWith(stackalloc byte[] { 0x00, 0x00, 0xFE, 0xFF }))
        {
            return (new UTF32Encoding(true, false), 4);
        }

        if (b.StartsWith(stackalloc byte[] { 0xEF, 0xBB, 0xBF }))
        {
            return (new UTF8Encoding(false), 3);
        }

        if (b.StartsWith(stackalloc byte[] { 0xFF, 0xFE }))
        {
            return (new UnicodeEncoding(false, false), 2);
        }

        if (b.StartsWith(stackalloc byte[] { 0xFE, 0xFF }))
        {
            return (new UnicodeEncoding(true, false), 2);
        }

        // No BOM, but "<" (or "<?") laid out in 2 or 4 bytes can only be UTF-16/32 (XML 1.0 appendix F).
        if (b.StartsWith(stackalloc byte[] { 0x00, 0x00, 0x00, 0x3C }))
        {
            return (new UTF32Encoding(true, false), 0);
        }

        if (b.StartsWith(stackalloc byte[] { 0x3C, 0x00, 0x00, 0x00 }))
        {
            return (new UTF32Encoding(false, false), 0);
        }

        if (b.StartsWith(stackalloc byte[] { 0x00, 0x3C, 0x00 }))
        {
            return (new UnicodeEncoding(true, false), 0);
        }

        if (b.StartsWith(stackalloc byte[] { 0x3C, 0x00 }) && b.Length > 2 && b[2] != 0)
        {
            return (new UnicodeEncoding(false, false), 0);
        }

        return (null, 0);
    }

    private static bool IsWide(Encoding encoding) => encoding.CodePage is 1200 or 1201 or 12000 or 12001;

    private static string? CharsetFromContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return null;
        }

        foreach (var part in contentType.Split(';').Skip(1))
        {
            var eq = part.IndexOf('=');
            if (eq > 0 && part[..eq].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase))
            {
                return part[(eq + 1)..];
            }
        }

        return null;
    }

    private static string? MatchGroup(Regex regex, string text)
    {
        var match = regex.Match(text);
        return match.Success ? match.Groups["name"].Value : null;
    }

    [GeneratedRegex("""\A\s*<\?xml[^>]*?\sencoding\s*=\s*["'](?<name>[A-Za-z0-9._:-]+)["']""", RegexOptions.CultureInvariant)]
    private static partial Regex XmlDeclarationEncoding();

    [GeneratedRegex("""<meta\b[^>]*?charset\s*=\s*["']?\s*(?<name>[A-Za-z0-9._:-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();
}
