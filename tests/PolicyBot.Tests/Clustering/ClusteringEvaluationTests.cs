using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PolicyBot.Analysis;
using PolicyBot.Clustering;
using Xunit.Abstractions;

namespace PolicyBot.Tests.Clustering;

/// <summary>
/// Clusters the relevant articles of the labelled evaluation set as the pipeline would (in publication order,
/// each joining the closest earlier statement still inside the 14-day window) and compares with the labels.
/// Purity: how pure each predicted cluster is; completeness: how whole each labelled statement stays.
/// </summary>
public sealed class ClusteringEvaluationTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Window = TimeSpan.FromDays(14);

    [Fact]
    public async Task Reports_Of_The_Same_Statement_Cluster_Together_And_Distinct_Statements_Stay_Apart()
    {
        var analyzer = new StatementAnalyzer(Options.Create(new AnalysisOptions()), NullLogger<StatementAnalyzer>.Instance);
        var matcher = new StatementMatcher();
        var articles = new List<(string Stem, string Label, StatementSignature Signature)>();
        foreach (var json in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "evaluation"), "*.json", SearchOption.AllDirectories))
        {
            using var label = JsonDocument.Parse(await File.ReadAllTextAsync(json));
            var root = label.RootElement;
            if (!root.GetProperty("relevant").GetBoolean())
            {
                continue;
            }

            var text = await File.ReadAllTextAsync(Path.ChangeExtension(json, null) + ".main.txt");
            var at = DateTimeOffset.Parse(root.GetProperty("publishedAt").GetString()!, CultureInfo.InvariantCulture);
            var analysis = await analyzer.AnalyzeAsync(new AnalysisInput(root.GetProperty("title").GetString(), text, null, at, []), CancellationToken.None);
            var lead = analysis.Quotes.FirstOrDefault();
            var signature = StatementSignature.Create(lead?.Org ?? analysis.Orgs.FirstOrDefault()?.Name, lead?.Speaker, analysis.Stance, at, text, analysis.Quotes.Select(q => q.Text));
            articles.Add((Path.GetFileNameWithoutExtension(json), root.GetProperty("cluster").GetString()!, signature));
        }

        var clusters = new List<(StatementSignature First, DateTimeOffset Last, List<(string Stem, string Label)> Members)>();
        foreach (var article in articles.OrderBy(a => a.Signature.At))
        {
            var match = clusters
                .Where(c => article.Signature.At - c.Last <= Window && matcher.IsSameStatement(article.Signature, c.First))
                .OrderByDescending(c => matcher.Closeness(article.Signature, c.First))
                .FirstOrDefault();
            if (match.Members is null)
            {
                clusters.Add((article.Signature, article.Signature.At, [(article.Stem, article.Label)]));
            }
            else
            {
                match.Members.Add((article.Stem, article.Label));
                clusters[clusters.IndexOf(match)] = match with { Last = article.Signature.At };
            }
        }

        var total = articles.Count;
        var purity = clusters.Sum(c => c.Members.GroupBy(m => m.Label).Max(g => g.Count())) / (double)total;
        var completeness = articles.GroupBy(a => a.Label)
            .Sum(label => clusters.Max(c => c.Members.Count(m => m.Label == label.Key))) / (double)total;
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"clustering: {total} relevant articles, {articles.Select(a => a.Label).Distinct().Count()} labelled statements, {clusters.Count} predicted; purity {purity:0.000}, completeness {completeness:0.000}");
        output.WriteLine(summary);
        foreach (var cluster in clusters)
        {
            output.WriteLine("  [" + string.Join(", ", cluster.Members.Select(m => $"{m.Stem} ({m.Label})")) + "]");
        }

        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "clustering-evaluation-summary.txt"), summary + Environment.NewLine);
        total.ShouldBeGreaterThanOrEqualTo(20);
        purity.ShouldBeGreaterThanOrEqualTo(0.95, summary);
        completeness.ShouldBeGreaterThanOrEqualTo(0.80, summary);
    }
}
