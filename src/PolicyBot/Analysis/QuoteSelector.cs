using System.Text.RegularExpressions;

namespace PolicyBot.Analysis;

/// <summary>
/// Chooses the quotes an alert carries. Each quote is ranked by a stance (weighted most), topic terms (up to two), openness vocabulary,
/// (the stance read with the quote's own sentence as context), a known speaker, and a speaker from the document's most
/// salient organisation; quotes recalled from the past ("wrote last year that …") rank lower, and each next pick
/// loses rank for the words it shares with quotes already picked.
/// </summary>
internal sealed partial class QuoteSelector(TopicMatcher topics, StanceClassifier stances)
{
    private const double BackgroundPenalty = 0.5;

    private const double RedundancyPenalty = 1.5;

    /// <summary>Every distinct quote with its rank, stance and speaker, in document order.</summary>
    public IReadOnlyList<RankedQuote> Rank(
        string text,
        IReadOnlyList<QuoteSpan> spans,
        IReadOnlyList<(string? Speaker, string? Organisation)> speakers,
        IReadOnlyList<OrgMention> orgs,
        string? organisationHint)
    {
        var quotes = new List<RankedQuote>();
        for (var i = 0; i < spans.Count; i++)
        {
            var span = spans[i];
            var words = text.Substring(span.Start, span.Length);
            var (speaker, org) = speakers[i];
            var stance = stances.ClassifyQuote(words, Around(text, span));
            quotes.Add(new RankedQuote(new Quote(words, speaker, org ?? organisationHint, stance), Score(words, stance, speaker, org, orgs), span.Start, IsBackground(text, span)));
        }

        return quotes.DistinctBy(q => q.Quote.Text, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The best three quotes, greedily: each next pick loses rank for the words it shares with quotes already picked
    /// (an alert should not say the same thing twice).
    /// </summary>
    public List<Quote> Best(IReadOnlyList<RankedQuote> candidates, int count)
    {
        var picked = new List<(Quote Quote, HashSet<string> Words)>();
        var pool = candidates
            .Select(c => (c.Quote, Rank: c.Background ? c.Rank - BackgroundPenalty : c.Rank, c.Position))
            .OrderByDescending(c => c.Rank)
            .ThenBy(c => c.Position)
            .ToList();
        var words = pool.ToDictionary(c => c.Quote, c => ContentWords(c.Quote.Text));
        while (picked.Count < count && pool.Count > 0)
        {
            var next = pool
                .Select(c => (Candidate: c, Score: c.Rank - (RedundancyPenalty * picked.Select(p => Overlap(words[c.Quote], p.Words)).DefaultIfEmpty(0).Max())))
                .OrderByDescending(c => c.Score)
                .ThenBy(c => c.Candidate.Position)
                .First().Candidate;
            picked.Add((next.Quote, words[next.Quote]));
            pool.Remove(next);
        }

        return picked.Select(p => p.Quote).ToList();
    }

    private static HashSet<string> ContentWords(string text) =>
        WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value.Length > 5 ? m.Value[..5] : m.Value).Where(w => w.Length > 3).ToHashSet(StringComparer.Ordinal);

    /// <summary>Share of the smaller word set found in the other.</summary>
    private static double Overlap(HashSet<string> a, HashSet<string> b) =>
        a.Count == 0 || b.Count == 0 ? 0 : (double)a.Count(b.Contains) / Math.Min(a.Count, b.Count);

    [GeneratedRegex(@"\p{L}[\p{L}'’]*", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    /// <summary>
    /// How much a quote belongs in an alert: a stance (1), topic terms (up to two), openness vocabulary, a known speaker,
    /// and a speaker from the document's most salient organisation.
    /// </summary>
    private double Score(string words, string stance, string? speaker, string? org, IReadOnlyList<OrgMention> orgs)
    {
        double rank = Math.Min(2, topics.Hits(words));
        rank += stances.Anchored(words) ? 0.75 : 0;
        rank += stance == StanceClassifier.Neutral ? 0 : 1.0;
        rank += speaker is null ? 0 : 0.25;
        rank += org is not null && orgs.Count > 0 && orgs[0].Name == org ? 0.25 : 0;
        return rank;
    }

    /// <summary>The quote's surroundings within its paragraph: up to 250 characters before and 150 after.</summary>
    public static string Around(string text, QuoteSpan span)
    {
        var from = Math.Max(0, span.Open - 250);
        var paragraph = text.LastIndexOf("\n\n", Math.Max(0, span.Open - 1), span.Open - from, StringComparison.Ordinal);
        from = paragraph >= 0 ? paragraph + 2 : from;
        var to = Math.Min(text.Length, span.Close + 150);
        var next = text.IndexOf("\n\n", span.Close, to - span.Close, StringComparison.Ordinal);
        return text[from..(next >= 0 ? next : to)];
    }

    /// <summary>
    /// A quote recalled from the past ("wrote last year that “…”", "said in 2024", "had argued") is background: the
    /// speaker's current statements, if any, decide their stance.
    /// </summary>
    public static bool IsBackground(string text, QuoteSpan span)
    {
        var from = span.Open;
        while (from > 0 && span.Open - from < 200 && text[from - 1] is not ('.' or '!' or '?' or '\n'))
        {
            from--;
        }

        var to = Math.Min(text.Length, span.Close + 80);
        var end = text.IndexOfAny(['.', '\n'], span.Close, to - span.Close);
        var around = text[from..span.Open] + " " + text[span.Close..(end < 0 ? to : end)];
        return BackgroundPattern().IsMatch(around);
    }

    [GeneratedRegex(
        @"\b(?:last\syear|years?\sago|months\sago|in\s(?:19|20)\d\d|previously|at\sthe\stime|back\sthen|back\sin|once\s(?:said|wrote|argued)|had\s(?:said|written|argued|declared|insisted)|earlier\sthis\syear|a\syear\searlier)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BackgroundPattern();

}
