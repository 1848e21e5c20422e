namespace PolicyBot.Analysis;

/// <summary>
/// Finds direct quotations in straight double quotes, curly double quotes (“ ”, „ “ and „ ”) and guillemets (« »).
/// A quotation stays inside one paragraph, has at least four words and at most <see cref="MaxQuoteLength"/>
/// characters; unbalanced marks are skipped. Single quotes are ignored (they double as apostrophes).
/// </summary>
internal sealed class QuoteFinder
{
    public const int MaxQuoteLength = 1_500;

    private const int MinWords = 4;

    public IReadOnlyList<QuoteSpan> Find(string text)
    {
        var quotes = new List<QuoteSpan>();
        var open = -1;
        var closer = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (open >= 0 && (IsParagraphBreak(text, i) || i - open > MaxQuoteLength))
            {
                open = -1;
            }

            if (open >= 0 && (c == closer || (closer == '“' && c == '”')) && (c != '"' || ClosesStraightQuote(text, i)))
            {
                Add(text, open, i + 1, quotes);
                open = -1;
                continue;
            }

            if (c is '“' or '«' or '„' || (c == '"' && OpensStraightQuote(text, i)))
            {
                open = i;
                closer = c switch { '“' => '”', '«' => '»', '„' => '“', _ => '"' };
            }
        }

        return quotes;
    }

    private static void Add(string text, int open, int close, List<QuoteSpan> quotes)
    {
        var start = open + 1;
        var end = close - 1;
        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] == '\u00a0'))
        {
            start++;
        }

        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is ',' or ';' or ':' or '-' or '–' or '—'))
        {
            end--;
        }

        if (end > start && CountWords(text.AsSpan(start, end - start)) >= MinWords)
        {
            quotes.Add(new QuoteSpan(start, end - start, open, close));
        }
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

    private static bool OpensStraightQuote(string text, int i) =>
        i == 0 || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '(' or '[' or '—' or '–' or '-' or ':' or '/';

    private static bool ClosesStraightQuote(string text, int i) =>
        i + 1 >= text.Length || !char.IsLetterOrDigit(text[i + 1]);

    private static bool IsParagraphBreak(string text, int i) =>
        text[i] == '\n' && i + 1 < text.Length && (text[i + 1] == '\n' || (text[i + 1] == '\r' && i + 2 < text.Length && text[i + 2] == '\n'));
}
