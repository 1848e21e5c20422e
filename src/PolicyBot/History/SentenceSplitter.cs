namespace PolicyBot.History;

/// <summary>
/// Splits text into blocks (blank-line paragraphs and single lines) and then into sentences.
/// Sentences are trimmed substrings of the input, never rewritten. Linear in the input length.
/// </summary>
public sealed class SentenceSplitter
{
    private const int MaxTokenLookBack = 40;

    /// <summary>Titles and company suffixes: a following capitalised word does not start a new sentence.</summary>
    private static readonly HashSet<string> NeverEnding = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "mx", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "capt", "cmdr", "sgt", "rev",
        "hon", "pres", "st", "mt", "ft", "messrs", "mme", "mlle", "sr", "jr", "inc", "corp", "ltd", "co", "bros", "plc",
        "llc", "dept", "univ", "assn", "vs", "cf", "approx", "ca", "al", "ed", "eds",
    };

    /// <summary>Abbreviations that usually precede a number: "No. 5", "Jan. 31", "p. 12".</summary>
    private static readonly HashSet<string> BeforeNumber = new(StringComparer.OrdinalIgnoreCase)
    {
        "no", "nos", "nr", "vol", "vols", "p", "pp", "fig", "figs", "art", "sec", "ch", "para", "op", "ver", "v",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    };

    /// <summary>The sentences of <paramref name="text"/>, in order, each a trimmed substring of it.</summary>
    public IReadOnlyList<string> Split(string text)
    {
        var spans = SplitSpans(text);
        var sentences = new List<string>(spans.Count);
        foreach (var span in spans)
        {
            sentences.Add(text.Substring(span.Start, span.Length));
        }

        return sentences;
    }

    /// <summary>Where the sentences of <paramref name="text"/> are, in order.</summary>
    public IReadOnlyList<SentenceSpan> SplitSpans(string text)
    {
        var spans = new List<SentenceSpan>();
        if (string.IsNullOrEmpty(text))
        {
            return spans;
        }

        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var lineEnd = text.AsSpan(lineStart).IndexOfAny("\r\n\u2028\u2029\u0085");
            lineEnd = lineEnd < 0 ? text.Length : lineStart + lineEnd;
            SplitBlock(text, lineStart, lineEnd, spans);
            lineStart = lineEnd + 1;
        }

        return spans;
    }

    private static void SplitBlock(string text, int start, int end, List<SentenceSpan> spans)
    {
        var sentenceStart = start;
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (IsCjkTerminator(c))
            {
                i++;
                i = SkipClosers(text, i, end);
                Add(text, sentenceStart, i, spans);
                sentenceStart = i;
                continue;
            }

            if (!IsTerminator(c))
            {
                i++;
                continue;
            }

            var terminatorStart = i;
            while (i < end && IsTerminator(text[i]))
            {
                i++;
            }

            var singleDot = i - terminatorStart == 1 && c == '.';
            i = SkipClosers(text, i, end);
            if (i >= end || !char.IsWhiteSpace(text[i]))
            {
                continue;
            }

            var next = i;
            while (next < end && char.IsWhiteSpace(text[next]))
            {
                next++;
            }

            if (next >= end || !StartsSentence(text, next, end))
            {
                continue;
            }

            if (singleDot && IsAbbreviation(text, start, terminatorStart, NextIsDigit(text, next, end)))
            {
                continue;
            }

            Add(text, sentenceStart, i, spans);
            sentenceStart = i;
        }

        Add(text, sentenceStart, end, spans);
    }

    private static bool IsAbbreviation(string text, int blockStart, int dot, bool nextIsDigit)
    {
        var tokenStart = dot;
        while (tokenStart > blockStart && !char.IsWhiteSpace(text[tokenStart - 1]) && dot - tokenStart < MaxTokenLookBack)
        {
            tokenStart--;
        }

        var token = text.AsSpan(tokenStart, dot - tokenStart).TrimStart("\"'“‘«([{");
        if (token.IsEmpty)
        {
            return false;
        }

        if (token.Length == 1)
        {
            return char.IsUpper(token[0]) || (char.IsLetter(token[0]) && nextIsDigit);
        }

        if (token.Contains('.'))
        {
            return IsDottedAbbreviation(token);
        }

        var word = token.ToString();
        return NeverEnding.Contains(word) || (nextIsDigit && BeforeNumber.Contains(word));
    }

    /// <summary>"U.S", "e.g", "a.m", "Ph.D": every dot-separated part is one or two letters.</summary>
    private static bool IsDottedAbbreviation(ReadOnlySpan<char> token)
    {
        foreach (var range in token.Split('.'))
        {
            var part = token[range];
            if (part.Length is 0 or > 2)
            {
                return false;
            }

            foreach (var ch in part)
            {
                if (!char.IsLetter(ch))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool StartsSentence(string text, int index, int end)
    {
        var skipped = 0;
        while (index < end && skipped < 3 && IsOpener(text[index]))
        {
            index++;
            skipped++;
        }

        return index < end && !char.IsLower(text[index]);
    }

    private static bool NextIsDigit(string text, int index, int end) => index < end && char.IsDigit(text[index]);

    private static int SkipClosers(string text, int i, int end)
    {
        while (i < end && IsCloser(text[i]))
        {
            i++;
        }

        return i;
    }

    private static void Add(string text, int start, int end, List<SentenceSpan> spans)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            spans.Add(new SentenceSpan(start, end - start));
        }
    }

    private static bool IsTerminator(char c) => c is '.' or '!' or '?' or '…' or '‼' or '⁇' or '⁈' or '⁉';

    private static bool IsCjkTerminator(char c) => c is '。' or '！' or '？' or '｡';

    private static bool IsCloser(char c) => c is '"' or '\'' or '”' or '’' or '»' or '›' or ')' or ']' or '}' or '」' or '』' or '）';

    private static bool IsOpener(char c) => c is '"' or '\'' or '“' or '‘' or '«' or '‹' or '(' or '[' or '{' or '¿' or '¡' or '„';
}
