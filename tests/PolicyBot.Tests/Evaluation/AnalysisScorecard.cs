using System.Globalization;
using System.Text;
using PolicyBot.Analysis;

namespace PolicyBot.Tests.Evaluation;

/// <summary>
/// Compares analyses with labels: relevance precision/recall/F1, key-quote recall (a key quote is found when a
/// returned quote equals it, or one contains the other and is at least 80% of its length), speaker accuracy over
/// found key quotes (case-insensitive) and document-stance accuracy over labelled-relevant articles. Every miss is
/// kept as a line so a failing figure can be explained.
/// </summary>
public sealed class AnalysisScorecard
{
    private const double ContainmentShare = 0.8;

    private readonly List<string> _misses = [];

    public int Articles { get; private set; }

    public int TruePositives { get; private set; }

    public int FalsePositives { get; private set; }

    public int FalseNegatives { get; private set; }

    public int KeyQuotes { get; private set; }

    public int KeyQuotesFound { get; private set; }

    public int SpeakersRight { get; private set; }

    public int StanceArticles { get; private set; }

    public int StancesRight { get; private set; }

    public IReadOnlyList<string> Misses => _misses;

    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);

    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public double KeyQuoteRecall => Ratio(KeyQuotesFound, KeyQuotes);

    public double SpeakerAccuracy => Ratio(SpeakersRight, KeyQuotesFound);

    public double StanceAccuracy => Ratio(StancesRight, StanceArticles);

    /// <summary>Whether a returned quote text counts as the labelled one.</summary>
    public static bool Matches(string labelled, string returned)
    {
        var a = labelled.Trim();
        var b = returned.Trim();
        if (a.Length == 0 || b.Length == 0)
        {
            return false;
        }

        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return true;
        }

        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        return longer.Contains(shorter, StringComparison.Ordinal) && shorter.Length >= ContainmentShare * longer.Length;
    }

    public void Add(string stem, EvaluationLabel label, StatementAnalysis analysis)
    {
        Articles++;
        switch (label.Relevant, analysis.Relevant)
        {
            case (true, true):
                TruePositives++;
                break;
            case (false, true):
                FalsePositives++;
                _misses.Add($"{stem}: false positive (relevance {analysis.Relevance:0.00}; matched {string.Join(", ", analysis.Matched)})");
                break;
            case (true, false):
                FalseNegatives++;
                _misses.Add($"{stem}: false negative (relevance {analysis.Relevance:0.00}; matched {string.Join(", ", analysis.Matched)})");
                break;
        }

        foreach (var key in (label.Quotes ?? []).Where(q => q.Key))
        {
            KeyQuotes++;
            var found = analysis.Quotes.FirstOrDefault(q => Matches(key.Text, q.Text));
            if (found is null)
            {
                _misses.Add($"{stem}: key quote not returned: \"{Short(key.Text)}\" (returned: {string.Join(" | ", analysis.Quotes.Select(q => Short(q.Text)))})");
                continue;
            }

            KeyQuotesFound++;
            if (string.Equals(found.Speaker, key.Speaker, StringComparison.OrdinalIgnoreCase))
            {
                SpeakersRight++;
            }
            else
            {
                _misses.Add($"{stem}: speaker '{found.Speaker}' should be '{key.Speaker}' for \"{Short(key.Text)}\"");
            }
        }

        if (label.Relevant)
        {
            StanceArticles++;
            if (string.Equals(analysis.Stance, label.Stance, StringComparison.OrdinalIgnoreCase))
            {
                StancesRight++;
            }
            else
            {
                _misses.Add($"{stem}: stance '{analysis.Stance}' should be '{label.Stance}' (quotes: {string.Join(", ", analysis.Quotes.Select(q => q.Stance))})");
            }
        }
    }

    public string Report()
    {
        var builder = new StringBuilder();
        builder.AppendLine(CultureInfo.InvariantCulture, $"Analysis evaluation over {Articles} labelled articles (labelled main text, title from the label)");
        builder.AppendLine(CultureInfo.InvariantCulture, $"  relevance   precision {Precision:0.000}  recall {Recall:0.000}  F1 {F1:0.000}  (tp {TruePositives}, fp {FalsePositives}, fn {FalseNegatives})");
        builder.AppendLine(CultureInfo.InvariantCulture, $"  key quotes  recall {KeyQuoteRecall:0.000}  ({KeyQuotesFound}/{KeyQuotes})");
        builder.AppendLine(CultureInfo.InvariantCulture, $"  speakers    accuracy {SpeakerAccuracy:0.000}  ({SpeakersRight}/{KeyQuotesFound} found key quotes)");
        builder.AppendLine(CultureInfo.InvariantCulture, $"  stance      accuracy {StanceAccuracy:0.000}  ({StancesRight}/{StanceArticles} relevant articles)");
        if (_misses.Count > 0)
        {
            builder.AppendLine("Misses:");
            foreach (var miss in _misses)
            {
                builder.AppendLine("  " + miss);
            }
        }

        return builder.ToString();
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;

    private static string Short(string text) => text.Length <= 90 ? text : text[..87] + "...";
}
