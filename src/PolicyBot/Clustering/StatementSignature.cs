using System.Text;

namespace PolicyBot.Clustering;

/// <summary>
/// What identifies one statement across the outlets that report it: who (actor, speaker), when, which way
/// (stance), the exact words quoted, near-duplicate text (word 5-shingles) and the salient content words.
/// Hashes are stable across processes (FNV-1a), so signatures can be stored.
/// </summary>
public sealed record StatementSignature(
    string? Actor,
    string? Speaker,
    string Stance,
    DateTimeOffset At,
    int[] Shingles,
    IReadOnlyList<string> Quotes,
    IReadOnlyDictionary<string, double> Terms)
{
    /// <summary>Each quote's words, split once for the matcher.</summary>
    public IReadOnlyList<string[]> QuoteWords { get; } = Quotes.Select(q => q.Split(' ')).ToArray();

    private const int ShingleWords = 5;
    private const int MaxShingles = 4096;
    private const int MaxTerms = 40;

    public static StatementSignature Create(string? actor, string? speaker, string stance, DateTimeOffset at, string text, IEnumerable<string> quotes)
    {
        var words = Words(text);
        var shingles = new HashSet<int>();
        for (var i = 0; i + ShingleWords <= words.Count; i++)
        {
            shingles.Add(Hash(words, i, ShingleWords));
        }

        // the lowest hashes form an unbiased sample when a very long text must be cut down
        var kept = shingles.Order().Take(MaxShingles).ToArray();
        var normalisedQuotes = quotes.Select(q => string.Join(' ', Words(q))).Where(q => q.Length > 0).Distinct().ToList();
        return new StatementSignature(actor, speaker, stance, at, kept, normalisedQuotes, ContentTerms(words));
    }

    /// <summary>Lower-case words of letters and digits; apostrophes inside words are dropped ("we'll" → "well").</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '’' && word.Length > 0)
            {
                continue;
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    private static Dictionary<string, double> ContentTerms(List<string> words)
    {
        var counts = words.Where(w => w.Length >= 4 && !StopWords.Contains(w) && !w.All(char.IsDigit))
            .GroupBy(w => w, StringComparer.Ordinal)
            .Select(g => (Term: g.Key, Count: g.Count()))
            .OrderByDescending(t => t.Count).ThenBy(t => t.Term, StringComparer.Ordinal)
            .Take(MaxTerms)
            .ToList();
        var norm = Math.Sqrt(counts.Sum(t => (double)t.Count * t.Count));
        return counts.ToDictionary(t => t.Term, t => norm == 0 ? 0 : t.Count / norm, StringComparer.Ordinal);
    }

    private static int Hash(List<string> words, int start, int count)
    {
        var hash = 2166136261u;
        for (var i = start; i < start + count; i++)
        {
            foreach (var c in words[i])
            {
                hash = (hash ^ c) * 16777619u;
            }

            hash = (hash ^ ' ') * 16777619u;
        }

        return unchecked((int)hash);
    }

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "about", "after", "also", "been", "before", "being", "between", "both", "could", "does", "each", "even", "from",
        "have", "into", "just", "last", "like", "made", "make", "many", "more", "most", "much", "must", "only", "other",
        "over", "said", "says", "should", "since", "some", "such", "than", "that", "their", "them", "then", "there",
        "these", "they", "this", "those", "through", "under", "very", "were", "what", "when", "where", "which", "while",
        "will", "with", "would", "year", "years", "your", "week", "told", "according", "wrote", "added", "still",
    };
}
