using System.Text.RegularExpressions;
using PolicyBot.History;

namespace PolicyBot.Analysis;

/// <summary>
/// Summarises a document by its lead: the first two or three sentences that fit in <see cref="MaxLength"/>
/// characters, skipping boilerplate (bylines, "Recommended", "Share", cookie notices, bare dates and counters,
/// short label lines, a repeat of the title). Falls back to the title when nothing is left.
/// </summary>
internal sealed partial class LeadSummarizer(NoiseNormalizer normalizer)
{
    public const int MaxLength = 600;

    private const int MaxSentences = 3;

    private const int MaxCandidates = 200;

    public string Summarize(string text, IReadOnlyList<SentenceSpan> sentences, string? title)
    {
        var titleKey = normalizer.Key(title ?? "");
        var picked = new List<string>();
        var length = 0;
        foreach (var span in sentences.Take(MaxCandidates))
        {
            var sentence = text.Substring(span.Start, Math.Min(span.Length, 4 * MaxLength));
            if (IsBoilerplate(sentence) || normalizer.Key(sentence) is var key && (key.Length == 0 || key == titleKey))
            {
                continue;
            }

            var added = picked.Count == 0 ? sentence.Length : sentence.Length + 1;
            if (picked.Count > 0 && length + added > MaxLength)
            {
                break;
            }

            picked.Add(sentence);
            length += added;
            if (picked.Count == MaxSentences || length >= MaxLength)
            {
                break;
            }
        }

        var summary = picked.Count > 0 ? string.Join(' ', picked) : (title ?? "").Trim();
        return Shorten(summary);
    }

    private static bool IsBoilerplate(string sentence)
    {
        if (BoilerplatePattern().IsMatch(sentence) || sentence.Contains("cookie", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var trimmed = sentence.TrimEnd('"', '”', '’', '\'', ')', ']');
        var terminated = trimmed.Length > 0 && trimmed[^1] is '.' or '!' or '?' or '…' or '。';
        return words < 4 && !terminated;
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

    [GeneratedRegex(
        @"^\W{0,3}(?:by\s+\p{Lu}|recommended\b|share\b|share this|follow us|follow\s+@|subscribe|sign up|sign in|log in|advertisement|sponsored|read more|read next|related\b|more from|most read|also read|see also|accept all|all rights reserved|copyright\b|©|\(c\)|photo:|image:|credit:|photograph:|illustration:|getty images|listen to this article|skip to|updated:|published:|posted:|editor's note|this story has been updated)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BoilerplatePattern();
}
