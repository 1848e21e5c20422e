using PolicyBot.History;

namespace PolicyBot.Analysis;

/// <summary>
/// Scores topic relevance in [0,1] from explainable evidence: topical sentences. A sentence is topical when it
/// uses a topic term and it, or a neighbouring sentence, has an AI context word (so open-source software news,
/// "Llama" the animal or "open" in other senses do not count). Evidence E = 2 for a topical title + 1.5 per
/// topical sentence in the lead (first three) + 1 per other topical sentence (at most 8 in all);
/// topic = 1 − e^(−E/3). Known actors scale it: score = topic × (0.8 + 0.2 × min(1, actors / 2)), so actors
/// alone never make a document relevant.
/// </summary>
internal sealed class RelevanceScorer(TopicMatcher topics, TopicMatcher context)
{
    private const int LeadSentences = 3;

    private const int MaxSentences = 3_000;

    private const double MaxEvidence = 8.0;

    private const int MaxWindow = 1_000;

    /// <summary>The score and the terms that counted, with how often.</summary>
    public (double Score, IReadOnlyDictionary<string, int> Matched) Score(
        string title, string text, IReadOnlyList<SentenceSpan> sentences, int actors)
    {
        var matched = new Dictionary<string, int>(StringComparer.Ordinal);
        var windows = Windows(sentences).Take(MaxSentences).ToList();
        var count = windows.Count;
        var hasContext = new bool[count];
        var terms = new IReadOnlyDictionary<string, int>[count];
        for (var i = 0; i < count; i++)
        {
            var sentence = text.Substring(windows[i].Start, windows[i].Length);
            terms[i] = topics.Count(sentence);
            hasContext[i] = context.Hits(sentence) > 0;
        }

        var evidence = 0.0;
        var anyContext = hasContext.Any(c => c) || context.Hits(title) > 0;
        for (var i = 0; i < count; i++)
        {
            if (terms[i].Count == 0 || !(hasContext[i] || (i > 0 && hasContext[i - 1]) || (i + 1 < count && hasContext[i + 1])))
            {
                continue;
            }

            evidence += i < LeadSentences ? 1.5 : 1.0;
            foreach (var (term, hits) in terms[i])
            {
                matched[term] = matched.GetValueOrDefault(term) + hits;
            }
        }

        var titleTerms = topics.Count(title);
        if (titleTerms.Count > 0 && anyContext)
        {
            evidence += 2.0;
            foreach (var (term, hits) in titleTerms)
            {
                matched[term] = matched.GetValueOrDefault(term) + hits;
            }
        }

        return (Compute(evidence, actors), matched);
    }

    /// <summary>Sentences, with run-on ones (text without full stops) cut into windows of at most <see cref="MaxWindow"/> characters.</summary>
    private static IEnumerable<SentenceSpan> Windows(IReadOnlyList<SentenceSpan> sentences)
    {
        foreach (var sentence in sentences)
        {
            for (var start = sentence.Start; start < sentence.End; start += MaxWindow)
            {
                yield return new SentenceSpan(start, Math.Min(MaxWindow, sentence.End - start));
            }
        }
    }

    /// <summary>The score for a given evidence and number of known actors.</summary>
    public static double Compute(double evidence, int actors)
    {
        var topic = 1.0 - Math.Exp(-Math.Min(evidence, MaxEvidence) / 3.0);
        var actorFactor = 0.8 + (0.2 * Math.Min(1.0, actors / 2.0));
        return Math.Round(Math.Clamp(topic * actorFactor, 0.0, 1.0), 4);
    }
}
