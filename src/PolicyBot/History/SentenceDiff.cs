namespace PolicyBot.History;

/// <summary>
/// Compares two versions of a text sentence by sentence, by noise key, as multisets: reordering and noise are
/// not changes; a sentence repeated more often than before is added once per extra copy.
/// </summary>
public sealed class SentenceDiff(SentenceSplitter splitter, NoiseNormalizer normalizer)
{
    public SentenceDiff()
        : this(new SentenceSplitter(), new NoiseNormalizer())
    {
    }

    /// <summary>The sentences (verbatim, in document order) that <paramref name="newText"/> added and removed.</summary>
    public TextChange Compare(string oldText, string newText)
    {
        var before = Keyed(oldText ?? "");
        var after = Keyed(newText ?? "");
        return new TextChange(Unmatched(after, before), Unmatched(before, after));
    }

    private List<(string Sentence, string Key)> Keyed(string text)
    {
        var keyed = new List<(string, string)>();
        foreach (var sentence in splitter.Split(text))
        {
            var key = normalizer.Key(sentence);
            if (key.Length > 0)
            {
                keyed.Add((sentence, key));
            }
        }

        return keyed;
    }

    /// <summary>The sentences of <paramref name="side"/> left over once each copy in <paramref name="other"/> is matched once.</summary>
    private static List<string> Unmatched(List<(string Sentence, string Key)> side, List<(string Sentence, string Key)> other)
    {
        var available = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, key) in other)
        {
            available[key] = available.GetValueOrDefault(key) + 1;
        }

        var unmatched = new List<string>();
        foreach (var (sentence, key) in side)
        {
            if (available.TryGetValue(key, out var count) && count > 0)
            {
                available[key] = count - 1;
            }
            else
            {
                unmatched.Add(sentence);
            }
        }

        return unmatched;
    }
}
