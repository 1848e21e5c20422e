using System.Text.RegularExpressions;
using System.Xml.Linq;
using PolicyBot.Extraction;

namespace PolicyBot.Sources.Feeds;

/// <summary>
/// Parses RSS 0.9x/1.0/2.0, Atom 0.3/1.0, CDF and JSON Feed 1.x bodies (detected by content) into
/// <see cref="ParsedFeed"/>. Secure (no DTD processing, no external resolution) and tolerant: malformed
/// XML is recovered and flagged with <see cref="ParsedFeed.IsWellFormed"/> = false. Stateless and
/// thread-safe; never throws on bad input.
/// </summary>
public sealed partial class FeedParser
{
    /// <summary>Bodies larger than this are refused rather than parsed.</summary>
    public const int MaxBodyBytes = 16 * 1024 * 1024;

    private static readonly BodyDecoder Decoder = new();

    /// <summary>Parses <paramref name="body"/>; <paramref name="baseUri"/> (the fetched URL) resolves relative links.</summary>
    public FeedParseResult Parse(ReadOnlySpan<byte> body, string? contentType, Uri? baseUri)
    {
        if (body.IsEmpty)
        {
            return FeedParseResult.Failure("not a feed: the body is empty");
        }

        if (body.Length > MaxBodyBytes)
        {
            return FeedParseResult.Failure($"not a feed: the body is {body.Length:N0} bytes, above the {MaxBodyBytes:N0}-byte limit");
        }

        try
        {
            var decoded = Decoder.DecodeExplained(body, contentType);
            return ParseText(decoded, body, baseUri);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Last-resort guard: a parser must report, not throw.
            return FeedParseResult.Failure($"could not parse the feed: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private static FeedParseResult ParseText(BodyDecoder.Explained decoded, ReadOnlySpan<byte> body, Uri? baseUri)
    {
        var text = RepairC1Controls(decoded.Decoded.Text);
        var start = 0;
        while (start < text.Length && (char.IsWhiteSpace(text[start]) || text[start] == '\uFEFF'))
        {
            start++;
        }

        if (start == text.Length)
        {
            return FeedParseResult.Failure("not a feed: the body is only whitespace");
        }

        if (LooksBinary(text.AsSpan(start, Math.Min(4096, text.Length - start))))
        {
            return FeedParseResult.Failure("not a feed: the body is binary data");
        }

        if (text[start] is '{' or '[')
        {
            return new JsonFeedReader().Read(text[start..], baseUri);
        }

        if (text[start] != '<')
        {
            return FeedParseResult.Failure($"not a feed: the body is neither XML nor JSON (it starts with \"{Preview(text, start)}\")");
        }

        var sniffed = FirstElementName().Match(text, start, Math.Min(text.Length - start, 64 * 1024));
        if (sniffed.Success && sniffed.Groups["name"].Value.ToLowerInvariant() is "html" or "head" or "body")
        {
            return FeedParseResult.Failure("not a feed: the document is an HTML page (it may link to its feeds)");
        }

        var loaded = new FeedXmlLoader().Load(text);
        if (loaded.Root is null)
        {
            return FeedParseResult.Failure($"not a feed: no XML root element ({loaded.Problem ?? "empty document"})");
        }

        var feed = Dispatch(loaded.Root, baseUri);
        if (feed is null)
        {
            return FeedParseResult.Failure($"not a feed: the root element is <{loaded.Root.Name.LocalName}>");
        }

        var problems = new List<string>();
        if (loaded.Problem is not null)
        {
            problems.Add(loaded.Problem);
        }

        if (EncodingProblem(decoded, body) is { } encodingProblem)
        {
            problems.Add(encodingProblem);
        }

        return FeedParseResult.Success(problems.Count == 0
            ? feed
            : feed with { IsWellFormed = false, Problem = string.Join("; ", problems) });
    }

    private static ParsedFeed? Dispatch(XElement root, Uri? baseUri)
    {
        var name = root.Name.LocalName;
        return name switch
        {
            "rss" or "RDF" => new RssFeedReader().Read(root, baseUri),
            "feed" => new AtomFeedReader().Read(root, baseUri),
            _ when name.Equals("channel", StringComparison.OrdinalIgnoreCase) && IsCdf(root) => new CdfFeedReader().Read(root, baseUri),
            "channel" => new RssFeedReader().Read(root, baseUri),
            _ => null,
        };
    }

    private static bool IsCdf(XElement root) =>
        root.Name.LocalName == "CHANNEL"
        || root.Attributes().Any(a => a.Name.LocalName == "HREF")
        || root.Elements().Any(e => e.Name.LocalName == "ITEM");

    private static string? EncodingProblem(BodyDecoder.Explained decoded, ReadOnlySpan<byte> body)
    {
        if (decoded.IgnoredLabel is { } label)
        {
            return $"declared charset \"{label}\" is unknown or impossible; decoded as {decoded.Decoded.EncodingName}";
        }

        if (decoded.Source == BodyDecoder.CharsetSource.Windows1252Fallback)
        {
            return "no charset declared and the bytes are not valid UTF-8; decoded as windows-1252";
        }

        var replacements = decoded.Decoded.Text.AsSpan().Count('\uFFFD');
        return replacements > 0 && replacements > CountUtf8Replacement(body)
            ? $"the bytes are not valid {decoded.Decoded.EncodingName}; {replacements} character(s) replaced"
            : null;
    }

    private static int CountUtf8Replacement(ReadOnlySpan<byte> body)
    {
        var count = 0;
        ReadOnlySpan<byte> marker = "\uFFFD"u8;
        int at;
        while ((at = body.IndexOf(marker)) >= 0)
        {
            count++;
            body = body[(at + marker.Length)..];
        }

        return count;
    }

    /// <summary>
    /// C1 control characters (U+0080–U+009F) in feed text are windows-1252 punctuation that was mislabelled
    /// (e.g. U+0092 for a right single quote); they are mapped to what the author meant.
    /// </summary>
    private static string RepairC1Controls(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange('\u0080', '\u009F') < 0)
        {
            return text;
        }

        var windows1252 = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        return string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is >= '\u0080' and <= '\u009F' && windows1252.GetString([(byte)c]) is [var mapped] && mapped != '?' ? mapped : c;
            }
        });
    }

    private static bool LooksBinary(ReadOnlySpan<char> head)
    {
        var suspicious = 0;
        foreach (var c in head)
        {
            if ((c < ' ' && c is not ('\t' or '\n' or '\r')) || c == '\uFFFD')
            {
                suspicious++;
            }
        }

        return suspicious > Math.Max(8, head.Length / 20);
    }

    private static string Preview(string text, int start)
    {
        var preview = text.Substring(start, Math.Min(24, text.Length - start));
        return Regex.Replace(preview, @"\s+", " ");
    }

    /// <summary>The first element tag after the prolog (declarations, comments, doctype, PIs).</summary>
    [GeneratedRegex(@"\G(?:\s|<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^\[>]|\[.*?\])*>)*<(?<name>[A-Za-z_][\w.:-]*)", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FirstElementName();
}
