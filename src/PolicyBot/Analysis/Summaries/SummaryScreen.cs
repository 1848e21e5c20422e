using System.Text;
using System.Text.RegularExpressions;

namespace PolicyBot.Analysis.Summaries;

/// <summary>
/// Decides whether a model's summary may be shown. The LLM never supplies quotes: every quoted span (straight "…",
/// curly “…”, „…“, single curly ‘…’, guillemets «…» and ‹…›) must be a verbatim substring of the source, compared after
/// collapsing whitespace and treating curly and straight apostrophes alike; spaces and sentence punctuation
/// (, . ; : ! ? …) at the span's edges are ignored, since style guides move them inside the marks. An unclosed
/// mark or a stray closing mark rejects the summary. Straight single quotes are not treated as quotation marks
/// (they are apostrophes far more often). Output with URLs, markup, control characters or a refusal is rejected.
/// Output over <see cref="MaxLength"/> characters is cut to the last whole sentence that fits (rejected when no
/// sentence fits), so a long but otherwise good summary is kept rather than wasted.
/// </summary>
internal sealed partial class SummaryScreen
{
    /// <summary>The longest summary shown, matching the extractive summary's limit.</summary>
    public const int MaxLength = 600;

    private const string EdgePunctuation = " ,.;:!?…";

    private static readonly HashSet<string> Abbreviations = new(
        ["Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Sen", "Rep", "Gov", "Pres", "Jr", "Sr", "vs", "e.g", "i.e", "U.S", "U.K", "Inc", "Corp", "Ltd", "Co", "No"],
        StringComparer.OrdinalIgnoreCase);

    public SummaryVerdict Check(string? output, string source)
    {
        var raw = output ?? "";
        var text = CollapseWhitespace(raw);
        if (text.Length == 0)
        {
            return SummaryVerdict.Reject("empty output");
        }

        if (text.Any(c => char.IsControl(c) || c is '\uFFFD' or '\u200B' or '\u202E' or '\u2066' or '\u2067' or '\u2068'))
        {
            return SummaryVerdict.Reject("control or invisible characters");
        }

        if (MarkupPattern().IsMatch(raw) || LineMarkupPattern().IsMatch(raw))
        {
            return SummaryVerdict.Reject("URL or markup");
        }

        if (RefusalPattern().IsMatch(text))
        {
            return SummaryVerdict.Reject("refusal");
        }

        if (text.Length > MaxLength)
        {
            var cut = LastSentenceEnd(text, MaxLength);
            if (cut <= 0)
            {
                return SummaryVerdict.Reject($"too long ({text.Length} characters, no whole sentence within {MaxLength})");
            }

            text = text[..cut];
        }

        var normalisedSource = Normalise(source);
        foreach (var span in QuotedSpans(text))
        {
            if (span is null)
            {
                return SummaryVerdict.Reject("unbalanced quotation marks");
            }

            var inner = Normalise(span).Trim(EdgePunctuation.ToCharArray());
            if (inner.Length == 0)
            {
                return SummaryVerdict.Reject("empty quotation");
            }

            if (!normalisedSource.Contains(inner, StringComparison.Ordinal))
            {
                return SummaryVerdict.Reject("quotation not found verbatim in the source");
            }
        }

        return SummaryVerdict.Accept(text);
    }

    /// <summary>The inner text of each quoted span, in order; a null item means an unclosed or stray mark (stop there).</summary>
    private static IEnumerable<string?> QuotedSpans(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '”' or '»' or '›')
            {
                yield return null;
                yield break;
            }

            var close = c switch
            {
                '"' => text.IndexOf('"', i + 1),
                '“' => text.IndexOf('”', i + 1),
                '„' => text.IndexOfAny(['“', '”'], i + 1),
                '«' => text.IndexOf('»', i + 1),
                '‹' => text.IndexOf('›', i + 1),
                '‘' => ClosingSingle(text, i + 1),
                _ => -2,
            };
            if (close == -2)
            {
                i++;
                continue;
            }

            if (close < 0)
            {
                yield return null;
                yield break;
            }

            yield return text[(i + 1)..close];
            i = close + 1;
        }
    }

    /// <summary>The ’ closing a ‘ opened before <paramref name="from"/>: the first one not followed by a letter (so not "aren’t").</summary>
    private static int ClosingSingle(string text, int from)
    {
        for (var i = text.IndexOf('’', from); i >= 0; i = text.IndexOf('’', i + 1))
        {
            if (i + 1 >= text.Length || !char.IsLetterOrDigit(text[i + 1]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The end (exclusive) of the last sentence finishing at or before <paramref name="max"/>, closing marks included; 0 if none.</summary>
    private static int LastSentenceEnd(string text, int max)
    {
        for (var end = Math.Min(max, text.Length); end > 1; end--)
        {
            var atBoundary = end == text.Length || text[end] == ' ';
            if (!atBoundary)
            {
                continue;
            }

            var last = end - 1;
            while (last > 0 && text[last] is '"' or '”' or '’' or '»' or '›' or ')')
            {
                last--;
            }

            if (text[last] is '!' or '?' or '…' || text[last] == '.' && !IsAbbreviation(text, last))
            {
                return end;
            }
        }

        return 0;
    }

    /// <summary>True when the full stop at <paramref name="dot"/> ends an initial or a common abbreviation, or lower case follows.</summary>
    private static bool IsAbbreviation(string text, int dot)
    {
        var start = dot;
        while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] == '.'))
        {
            start--;
        }

        var word = text[start..dot];
        var next = dot + 1;
        while (next < text.Length && text[next] is ' ' or '"' or '”' or '’' or '»' or '›' or ')')
        {
            next++;
        }

        return word.Length == 1 || Abbreviations.Contains(word) || (next < text.Length && char.IsLower(text[next]));
    }

    private static string Normalise(string value)
    {
        var builder = new StringBuilder(value.Length);
        var space = false;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c is '’' or '‘' or 'ʼ' ? '\'' : c);
        }

        return builder.ToString();
    }

    private static string CollapseWhitespace(string value) => WhitespacePattern().Replace(value, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();

    /// <summary>Links, bare hosts with a path, HTML tags and entities, Markdown links, emphasis and code.</summary>
    [GeneratedRegex(
        @"(?:https?|ftp)://|\bwww\.|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/\S|<\s*/?\s*[a-z!?][^>]*>|&(?:[a-z]+|#\d+|#x[0-9a-f]+);|\]\(|\*\*|__|`",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MarkupPattern();

    /// <summary>Markdown headings, bullets and numbered items at the start of a line.</summary>
    [GeneratedRegex(@"^[ \t]*(?:#{1,6}|[-*+•]|\d{1,2}[.)])[ \t]", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex LineMarkupPattern();

    [GeneratedRegex(
        @"^(?:I'm sorry|I am sorry|I cannot|I can't|I can’t|I’m sorry|As an AI|Sorry,|Unfortunately, I)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RefusalPattern();
}
