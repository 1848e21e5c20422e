using System.Text.RegularExpressions;

namespace PolicyBot.Analysis;

/// <summary>
/// Finds direct quotations: straight and curly double quotes, curly and straight single quotes (British style; an
/// apostrophe inside or after a word never opens or closes one), guillemets « », „ “ / „ ”, and 「 」 / 『 』.
/// Marks nested inside a quotation are part of it. A quotation continued into the next paragraph (the paragraph
/// ends without a closing mark and the next begins with the opening mark again) is returned as its parts, one per
/// paragraph, sharing a <see cref="QuoteSpan.Chain"/>. Skipped: unbalanced marks, quotes of one to three words
/// (scare quotes) unless a reporting clause follows ("“A big gamble,” she said"), and titles of works ("a letter titled “Personal Superintelligence”").
/// </summary>
internal sealed partial class QuoteFinder
{
    public const int MaxQuoteLength = 1_500;

    private const int MinWords = 4;

    private const int MaxTitleWords = 12;

    private const int MinAttributedWords = 2;

    public IReadOnlyList<QuoteSpan> Find(string text)
    {
        var quotes = new List<QuoteSpan>();
        var pending = new List<QuoteSpan>();
        var open = -1;
        var opener = '\0';
        var chain = -1;
        var nested = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (open >= 0 && IsParagraphBreak(text, i))
            {
                var next = NextNonSpace(text, i);
                if (next < text.Length && text[next] == opener && i - open <= MaxQuoteLength)
                {
                    if (Part(text, open, i, chain, continued: true) is { } part)
                    {
                        pending.Add(part);
                    }

                    open = next;
                    nested = false;
                    i = next;
                    continue;
                }

                open = -1;
                pending.Clear();
            }

            if (open >= 0 && i - open > MaxQuoteLength)
            {
                open = -1;
                pending.Clear();
            }

            if (open >= 0)
            {
                if (opener is '‘' or '\'' && c is '“' or '"' or '«')
                {
                    nested = !nested || c == '«';
                    continue;
                }

                if (nested && c is '”' or '»')
                {
                    nested = false;
                    continue;
                }

                if (!nested && Closes(text, i, opener))
                {
                    if (Part(text, open, i + 1, chain, continued: false) is { } last)
                    {
                        quotes.AddRange(pending);
                        quotes.Add(last);
                    }

                    pending.Clear();
                    open = -1;
                }

                continue;
            }

            if (Opens(text, i))
            {
                open = i;
                chain = i;
                opener = c;
                nested = false;
            }
        }

        return quotes.Where(q => !IsTitleOfWork(text, q)).ToList();
    }

    private static QuoteSpan? Part(string text, int open, int close, int chain, bool continued)
    {
        var start = open + 1;
        var end = continued ? close : close - 1;
        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] == '\u00a0'))
        {
            start++;
        }

        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is ',' or ';' or ':' or '-' or '–' or '—' or '\u00a0'))
        {
            end--;
        }

        var words = end <= start ? 0 : CountWords(text.AsSpan(start, end - start));
        if (words < MinWords && !(words >= MinAttributedWords && !continued && Attributed(text, close)))
        {
            return null;
        }

        return new QuoteSpan(start, end - start, open, continued ? end : close, chain) { Continued = continued };
    }

    private static bool Opens(string text, int i)
    {
        var c = text[i];
        var before = i == 0 ? ' ' : text[i - 1];
        var after = i + 1 < text.Length ? text[i + 1] : ' ';
        return c switch
        {
            '“' or '«' or '„' or '「' or '『' => true,
            '"' => char.IsWhiteSpace(before) || before is '(' or '[' or '—' or '–' or '-' or ':' or '/' or '\u00a0' || i == 0,
            '‘' or '\'' => (i == 0 || char.IsWhiteSpace(before) || before is '(' or '[' or '—' or '–' or ':' or '"' or '“')
                && (char.IsLetter(after) || after is '…' or '.'),
            _ => false,
        };
    }

    private static bool Closes(string text, int i, char opener)
    {
        var c = text[i];
        var after = i + 1 < text.Length ? text[i + 1] : ' ';
        return opener switch
        {
            '“' => c == '”' || (c == '“' && !char.IsLetterOrDigit(after) && i > 0 && !char.IsWhiteSpace(text[i - 1])),
            '«' => c == '»',
            '„' => c is '“' or '”',
            '「' => c == '」',
            '『' => c == '』',
            '"' => c == '"' && !char.IsLetterOrDigit(after),
            '‘' => c == '’' && ClosesSingle(text, i),
            '\'' => c == '\'' && ClosesSingle(text, i),
            _ => false,
        };
    }

    /// <summary>
    /// A single closing mark is not an apostrophe: it is not followed by a letter ("we’ll"), not preceded by a space,
    /// and after a plural "s" ("the users’ data") it closes only before punctuation or a reporting clause.
    /// </summary>
    private static bool ClosesSingle(string text, int i)
    {
        var after = i + 1 < text.Length ? text[i + 1] : ' ';
        if (char.IsLetterOrDigit(after) || i == 0 || char.IsWhiteSpace(text[i - 1]))
        {
            return false;
        }

        if (text[i - 1] is 's' or 'S' && char.IsWhiteSpace(after))
        {
            var rest = text.AsSpan(i + 1, Math.Min(40, text.Length - i - 1));
            return ReportingClause().IsMatch(rest) || rest.TrimStart().Length == 0 || !char.IsLetter(rest.TrimStart()[0]);
        }

        return true;
    }

    /// <summary>A reporting clause right after the closing mark: a short quote with one ("“It's a gamble,” she said") is speech, not a scare quote.</summary>
    private static bool Attributed(string text, int close) =>
        close < text.Length && ReportingClause().IsMatch(text.AsSpan(close, Math.Min(40, text.Length - close)));

    private static bool IsTitleOfWork(string text, QuoteSpan quote)
    {
        var from = Math.Max(0, quote.Open - 60);
        var head = text.AsSpan(from, quote.Open - from);
        if (TitledBefore().IsMatch(head))
        {
            return true;
        }

        var words = text.Substring(quote.Start, quote.Length).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > MaxTitleWords || quote.Continued || text[quote.End - 1] is '.' or '!' or '?' or '…')
        {
            return false;
        }

        if (WorkBefore().IsMatch(head))
        {
            return true;
        }

        var significant = words.Where(w => w.Length > 3 && char.IsLetter(w[0])).ToList();
        var titleCase = significant.Count >= 2 && significant.All(w => char.IsUpper(w[0]));
        var tail = text.AsSpan(quote.Close, Math.Min(40, text.Length - quote.Close));
        return titleCase && !ReportingClause().IsMatch(tail);
    }

    private static int CountWords(ReadOnlySpan<char> span)
    {
        var words = 0;
        var inWord = false;
        var ideographs = 0;
        foreach (var c in span)
        {
            if (c is >= '\u3040' and <= '\u9fff' or >= '\uac00' and <= '\ud7af')
            {
                ideographs++;
            }

            var wordChar = char.IsLetterOrDigit(c);
            if (wordChar && !inWord)
            {
                words++;
            }

            inWord = wordChar || (inWord && c is '\'' or '’' or '-');
        }

        return Math.Max(words, ideographs / 2);
    }

    private static int NextNonSpace(string text, int i)
    {
        while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] == '\u00a0'))
        {
            i++;
        }

        return i;
    }

    private static bool IsParagraphBreak(string text, int i) =>
        text[i] == '\n' && i + 1 < text.Length && (text[i + 1] == '\n' || (text[i + 1] == '\r' && i + 2 < text.Length && text[i + 2] == '\n'));

    [GeneratedRegex(@"^\W{0,3}(?:(?:he|she|they|it|we|I)\s)?(?:said|says|wrote|writes|told|added|adds|argued|argues|stated|noted|explained|warned|according|countered|cautioned|insisted|replied|declared|tweeted|posted)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReportingClause();

    [GeneratedRegex(@"\b(?:titled|entitled|headlined)[,:]?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TitledBefore();

    [GeneratedRegex(
        @"\b(?:called|named|dubbed|(?:essay|letter|memo|manifesto|blog\spost|post|report|paper|book|op-ed|column|white\spaper|document|chapter|framework|video|podcast|episode)s?)[,:]?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WorkBefore();
}
