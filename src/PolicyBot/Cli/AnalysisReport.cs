using System.Globalization;
using System.Text;
using PolicyBot.Analysis;
using PolicyBot.Extraction;

namespace PolicyBot.Cli;

/// <summary>The <c>analyze --json</c> object of the public contract.</summary>
public sealed record AnalysisReport(
    string? Url,
    string? Title,
    DateTimeOffset? PublishedAt,
    string Text,
    bool Relevant,
    double Relevance,
    IReadOnlyList<string> Matched,
    IReadOnlyList<OrgMention> Orgs,
    string Stance,
    string Summary,
    IReadOnlyList<Quote> Quotes)
{
    public static AnalysisReport From(ExtractedPage page, StatementAnalysis analysis) => new(
        page.CanonicalUrl,
        page.Title,
        page.PublishedAt,
        page.Text,
        analysis.Relevant,
        Math.Round(analysis.Relevance, 3),
        analysis.Matched,
        analysis.Orgs,
        analysis.Stance,
        analysis.Summary,
        analysis.Quotes);

    public string ToText()
    {
        var text = new StringBuilder();
        text.AppendLine(Title ?? "(untitled)");
        text.Append(Url);
        if (PublishedAt is { } published)
        {
            text.Append(published.ToString(" · yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Relevant: {(Relevant ? "yes" : "no")} ({Relevance:0.00}) · stance: {Stance}");
        if (Matched.Count > 0)
        {
            text.AppendLine($"Matched: {string.Join(", ", Matched)}");
        }

        if (Orgs.Count > 0)
        {
            text.AppendLine($"Organisations: {string.Join(", ", Orgs.Select(o => $"{o.Name} ×{o.Mentions}"))}");
        }

        if (Summary.Length > 0)
        {
            text.AppendLine().AppendLine(Summary);
        }

        foreach (var quote in Quotes)
        {
            text.AppendLine().Append("  “").Append(quote.Text).Append("” — ").Append(quote.Speaker ?? "unattributed");
            if (quote.Org is not null)
            {
                text.Append(" (").Append(quote.Org).Append(')');
            }

            text.Append(" [").Append(quote.Stance).Append(']');
        }

        return text.AppendLine().ToString();
    }
}
