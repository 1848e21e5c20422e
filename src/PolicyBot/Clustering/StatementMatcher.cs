namespace PolicyBot.Clustering;

/// <summary>
/// Decides whether two reports carry the same statement. Any one of three signals suffices:
/// the same words quoted (a key quote of one contained in a key quote of the other); near-duplicate text
/// (half of the shorter text's 5-word shingles appear in the other: syndicated, truncated or lightly edited
/// copies); or the same actor and speaker within a few days, in articles about the same things (content-word
/// cosine). Opposite stances (open against cautious) never match, so an actor's distinct statements stay apart
/// even when one quotes the other.
/// </summary>
public sealed class StatementMatcher
{
    private const int MinQuoteWords = 6;
    private const double QuoteContainment = 0.8;
    private const double TextContainment = 0.5;
    private const double TopicCosine = 0.25;
    private static readonly TimeSpan SameEventWindow = TimeSpan.FromDays(3);

    public bool IsSameStatement(StatementSignature a, StatementSignature b)
    {
        if (IsOpposite(a.Stance, b.Stance))
        {
            return false;
        }

        return SharesQuote(a, b)
            || Containment(a.Shingles, b.Shingles) >= TextContainment
            || SameEvent(a, b);
    }

    /// <summary>A score to choose among several matching statements: higher is closer.</summary>
    public double Closeness(StatementSignature a, StatementSignature b) =>
        (SharesQuote(a, b) ? 2 : 0) + Containment(a.Shingles, b.Shingles) + Cosine(a.Terms, b.Terms);

    private static bool IsOpposite(string a, string b) => (a, b) is ("open", "cautious") or ("cautious", "open");

    private static bool SharesQuote(StatementSignature a, StatementSignature b)
    {
        for (var i = 0; i < a.Quotes.Count; i++)
        {
            for (var j = 0; j < b.Quotes.Count; j++)
            {
                var (shorter, longer) = a.QuoteWords[i].Length <= b.QuoteWords[j].Length ? (a.QuoteWords[i], b.QuoteWords[j]) : (b.QuoteWords[j], a.QuoteWords[i]);
                if (shorter.Length < MinQuoteWords)
                {
                    continue;
                }

                var (shortText, longText) = a.QuoteWords[i].Length <= b.QuoteWords[j].Length ? (a.Quotes[i], b.Quotes[j]) : (b.Quotes[j], a.Quotes[i]);
                if (longText.Contains(shortText, StringComparison.Ordinal) || WordOverlap(shorter, longer) >= QuoteContainment)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool SameEvent(StatementSignature a, StatementSignature b) =>
        a.Actor is not null && string.Equals(a.Actor, b.Actor, StringComparison.OrdinalIgnoreCase)
        && (a.Speaker is null || b.Speaker is null || string.Equals(a.Speaker, b.Speaker, StringComparison.OrdinalIgnoreCase))
        && (a.At - b.At).Duration() <= SameEventWindow
        && Cosine(a.Terms, b.Terms) >= TopicCosine;

    /// <summary>|A ∩ B| / min(|A|, |B|) over sorted hash arrays.</summary>
    public static double Containment(int[] a, int[] b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return (double)shared / Math.Min(a.Length, b.Length);
    }

    public static double Cosine(IReadOnlyDictionary<string, double> a, IReadOnlyDictionary<string, double> b) =>
        a.Sum(term => b.TryGetValue(term.Key, out var weight) ? term.Value * weight : 0);

    private static double WordOverlap(string[] shorter, string[] longer)
    {
        var shared = 0;
        foreach (var word in shorter)
        {
            if (Array.IndexOf(longer, word) >= 0)
            {
                shared++;
            }
        }

        return (double)shared / shorter.Length;
    }
}
