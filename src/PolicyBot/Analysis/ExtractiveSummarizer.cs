using System.Text.RegularExpressions;
using PolicyBot.History;

namespace PolicyBot.Analysis;

/// <summary>
/// Summarises a document extractively: two or three of its own sentences, in document order, within
/// <see cref="MaxLength"/> characters. Sentences are chosen for centrality (how much of the document's vocabulary
/// they share), topic (open-source AI terms), the title's words and a mild preference for the lead; boilerplate
/// (bylines, captions, bare datelines and counters, "Recommended", "Share", cookie and sign-up text, a repeat of the
/// title) is never chosen, and pieces of quotations split across sentences are chosen only when nothing else is left.
/// Falls back to the title when nothing is left.
/// </summary>
internal sealed partial class ExtractiveSummarizer(NoiseNormalizer normalizer, TopicMatcher topics)
{
    public const int MaxLength = 600;

    private const int MaxSentences = 3;

    private const int MaxCandidates = 200;

    private const int MaxSentenceLength = 2 * MaxLength;

    private const double FragmentPenalty = 3.0;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "is", "are", "was",
        "were", "be", "been", "it", "its", "that", "this", "these", "those", "he", "she", "they", "we", "i", "you", "his", "her",
        "their", "our", "said", "says", "will", "would", "could", "can", "has", "have", "had", "not", "no", "about", "also", "which",
        "who", "what", "when", "more", "than", "into", "after", "before", "over", "some", "all", "s", "do", "does", "did",
    };

    /// <summary>The summary; <paramref name="quotes"/> (optional) marks sentences that begin inside a quotation.</summary>
    public string Summarize(string text, IReadOnlyList<SentenceSpan> sentences, string? title, IReadOnlyList<QuoteSpan>? quotes = null)
    {
        var titleKey = normalizer.Key(title ?? "");
        var candidates = new List<(int Index, string Sentence, HashSet<string> Words, bool MidQuote)>();
        foreach (var span in sentences.Take(MaxCandidates))
        {
            var sentence = text.Substring(span.Start, Math.Min(span.Length, 4 * MaxLength));
            if (IsBoilerplate(sentence) || normalizer.Key(sentence) is var key && (key.Length == 0 || key == titleKey))
            {
                continue;
            }

            var midQuote = quotes?.Any(q => q.Start < span.Start && span.Start < q.End) ?? false;
            candidates.Add((candidates.Count, sentence, Words(sentence), midQuote));
        }

        if (candidates.Count == 0)
        {
            return Shorten((title ?? "").Trim());
        }

        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in candidates.SelectMany(c => c.Words))
        {
            frequency[word] = frequency.GetValueOrDefault(word) + 1;
        }

        var titleWords = Words(title ?? "");
        var scored = candidates
            .Select(c => (c.Index, c.Sentence, Score: Score(c.Sentence, c.Words, c.Index, frequency, titleWords) - (c.MidQuote ? FragmentPenalty : 0)))
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Index)
            .ToList();

        var picked = new List<(int Index, string Sentence)>();
        var length = 0;
        foreach (var (index, sentence, score) in scored)
        {
            var added = picked.Count == 0 ? sentence.Length : sentence.Length + 1;
            if (picked.Count > 0 && (length + added > MaxLength || sentence.Length > MaxSentenceLength))
            {
                continue;
            }

            if (picked.Count == 2 && score < 0.6 * scored[0].Score)
            {
                break;
            }

            picked.Add((index, sentence));
            length += added;
            if (picked.Count == MaxSentences || length >= MaxLength)
            {
                break;
            }
        }

        return Shorten(string.Join(' ', picked.OrderBy(p => p.Index).Select(p => p.Sentence)));
    }

    private double Score(string sentence, HashSet<string> words, int index, Dictionary<string, int> frequency, HashSet<string> titleWords)
    {
        if (words.Count == 0)
        {
            return 0;
        }

        var shared = words.Sum(w => Math.Log(frequency[w]));
        var centrality = shared / Math.Sqrt(words.Count + 8);
        var topic = Math.Min(2, topics.Hits(sentence));
        var title = titleWords.Count == 0 ? 0 : (double)words.Count(titleWords.Contains) / titleWords.Count;
        var lead = index switch { 0 => 1.0, 1 => 0.6, 2 => 0.3, _ => 0 };
        var quoteOnly = sentence.TrimStart().Length > 0 && sentence.TrimStart()[0] is '“' or '"' or '«' or '‘' ? 0.5 : 0;
        var fragment = IsFragment(sentence) ? FragmentPenalty : 0;
        return centrality + topic + (2 * title) + lead - quoteOnly - fragment;
    }

    /// <summary>
    /// A piece of a longer quotation, not a sentence a reader can take alone: its quote marks do not pair up
    /// ("There is no pause,” a spokesperson said") or it starts in lower case.
    /// </summary>
    internal static bool IsFragment(string sentence)
    {
        var trimmed = sentence.TrimStart();
        if (trimmed.Length == 0 || char.IsLower(trimmed[0]))
        {
            return true;
        }

        int doubleOpen = 0, doubleClose = 0, straight = 0, singleOpen = 0, singleClose = 0, guillemets = 0;
        for (var i = 0; i < sentence.Length; i++)
        {
            var c = sentence[i];
            var before = i == 0 ? ' ' : sentence[i - 1];
            var after = i + 1 < sentence.Length ? sentence[i + 1] : ' ';
            switch (c)
            {
                case '“' or '„':
                    doubleOpen++;
                    break;
                case '”':
                    doubleClose++;
                    break;
                case '"':
                    straight++;
                    break;
                case '«':
                    guillemets++;
                    break;
                case '»':
                    guillemets--;
                    break;
                case '‘' when !char.IsLetterOrDigit(before):
                    singleOpen++;
                    break;
                case '’' when !char.IsLetterOrDigit(after):
                    singleClose += char.IsLetter(before) && before is 's' or 'S' ? 0 : 1;
                    break;
            }
        }

        return doubleOpen != doubleClose || straight % 2 != 0 || guillemets != 0 || singleOpen < singleClose;
    }

    private static HashSet<string> Words(string sentence)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in WordPattern().Matches(sentence))
        {
            var word = match.Value.ToLowerInvariant();
            if (word.Length > 2 && !StopWords.Contains(word))
            {
                words.Add(word.Length > 5 ? word[..5] : word);
            }

            if (words.Count >= 200)
            {
                break;
            }
        }

        return words;
    }

    private static bool IsBoilerplate(string sentence)
    {
        if (BoilerplatePattern().IsMatch(sentence) || NoisePattern().IsMatch(sentence) || DatelineOnly().IsMatch(sentence))
        {
            return true;
        }

        var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var trimmed = sentence.TrimEnd('"', '”', '’', '\'', ')', ']');
        var terminated = trimmed.Length > 0 && trimmed[^1] is '.' or '!' or '?' or '…' or '。';
        return (words < 4 && !terminated) || (words < 7 && !terminated && sentence.Length < 60);
    }

    private static string Shorten(string summary)
    {
        if (summary.Length <= MaxLength)
        {
            return summary;
        }

        var cut = summary.LastIndexOf(' ', MaxLength - 1);
        if (cut < MaxLength / 2)
        {
            cut = MaxLength - 1;
        }

        if (char.IsHighSurrogate(summary[cut - 1]))
        {
            cut--;
        }

        return summary[..cut].TrimEnd() + "…";
    }

    [GeneratedRegex(@"\p{L}[\p{L}\d'’-]*", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    [GeneratedRegex(
        @"^\W{0,3}(?:by\s+\p{Lu}|recommended\b|share\b|share this|follow us|follow\s+@|subscribe|sign up|sign in|log in|advertisement|sponsored|read more|read next|related\b|more from|most read|also read|see also|accept all|all rights reserved|copyright\b|©|\(c\)|photo:|image:|credit:|photograph:|illustration:|getty images|listen to this article|skip to|updated:?\s|published:?\s|posted:?\s|editor's note|editor’s note|this story has been updated|reporting by|editing by|additional reporting|contact the author|email the author|click here|download the app|watch:|video:|caption:|pictured:|file photo)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BoilerplatePattern();

    [GeneratedRegex(
        @"\b(?:cookies?|newsletter|sign up|subscribe now|subscribers only|privacy policy|terms of (?:use|service)|all rights reserved|(?:reuters|getty images|ap photo|afp)(?:\s?/|\s+via)|photograph(?:ed)? by|contributed to this report)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoisePattern();

    [GeneratedRegex(
        @"^\W*(?:\p{Lu}[\p{L}.]*[\s,]*){0,4}(?:\(\w+\)\s*)?[-–—]?\s*(?i:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\s+\d{4})?[\s\d:apmAPMETUC,.|-]*\W*$",
        RegexOptions.CultureInvariant)]
    private static partial Regex DatelineOnly();
}
