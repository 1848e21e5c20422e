using System.Text;

namespace PolicyBot.Analysis;

/// <summary>
/// Counts topic terms in text: case-insensitive, hyphens and spaces alike ("open-source" = "open source"),
/// whole words only ("Llama" but not "Llamas"). Terms that normalise alike count once, under the first spelling.
/// </summary>
internal sealed class TopicMatcher
{
    private readonly List<(string Term, string Normalised)> _terms = [];

    public TopicMatcher(IEnumerable<string> terms)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            var normalised = Normalise(term ?? "").Trim();
            if (normalised.Length > 0 && seen.Add(normalised))
            {
                _terms.Add((term!.Trim(), normalised));
            }
        }
    }

    /// <summary>How often each matched term occurs in <paramref name="text"/>, by configured spelling.</summary>
    public IReadOnlyDictionary<string, int> Count(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(text))
        {
            return counts;
        }

        var normalised = Normalise(text);
        foreach (var (term, needle) in _terms)
        {
            var hits = 0;
            var from = 0;
            while (from < normalised.Length)
            {
                var at = normalised.IndexOf(needle, from, StringComparison.Ordinal);
                if (at < 0)
                {
                    break;
                }

                if (IsBoundary(normalised, at - 1) && IsBoundary(normalised, at + needle.Length))
                {
                    hits++;
                }

                from = at + needle.Length;
            }

            if (hits > 0)
            {
                counts[term] = hits;
            }
        }

        return counts;
    }

    /// <summary>Total hits of all terms in <paramref name="text"/>.</summary>
    public int Hits(string text) => Count(text).Values.Sum();

    /// <summary>Lowercase, with dashes and underscores as spaces, curly apostrophes straight, whitespace single.</summary>
    internal static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        var lastWasSpace = false;
        foreach (var raw in text)
        {
            var c = raw switch
            {
                '-' or '‐' or '‑' or '‒' or '–' or '—' or '_' => ' ',
                '’' or '‘' => '\'',
                _ => char.ToLowerInvariant(raw),
            };
            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            builder.Append(c);
            lastWasSpace = false;
        }

        return builder.ToString();
    }

    private static bool IsBoundary(string text, int index) => index < 0 || index >= text.Length || !char.IsLetterOrDigit(text[index]);
}
