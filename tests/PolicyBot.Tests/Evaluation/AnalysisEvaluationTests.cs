using PolicyBot.Analysis;
using PolicyBot.Tests.Analysis;
using Xunit.Abstractions;

namespace PolicyBot.Tests.Evaluation;

/// <summary>
/// Runs the analyzer over the labelled evaluation set (TestData/evaluation) and holds it to the quality bar.
/// The analyzer reads the labelled main text (extraction is measured elsewhere) with the labelled title.
/// Figures go to the test output, the console and <c>analysis-evaluation-summary.txt</c> in the output folder.
/// </summary>
public sealed class AnalysisEvaluationTests(ITestOutputHelper output)
{
    private const double MinRelevanceF1 = 0.90;
    private const double MinKeyQuoteRecall = 0.90;
    private const double MinSpeakerAccuracy = 0.85;
    private const double MinStanceAccuracy = 0.80;

    public const string SummaryFile = "analysis-evaluation-summary.txt";

    [Fact]
    public async Task Analyzer_Meets_The_Quality_Bar_On_The_Labelled_Set()
    {
        // Arrange
        var problems = new List<string>();
        var articles = EvaluationArticle.LoadAll(problems);
        var analyzer = AnalysisTestData.Analyzer();
        var scorecard = new AnalysisScorecard();

        // Act
        foreach (var article in articles)
        {
            var label = article.Label;
            var analysis = await analyzer.AnalyzeAsync(
                new AnalysisInput(label.Title, article.MainText, label.Url, label.PublishedAt, []), CancellationToken.None);
            scorecard.Add(article.Stem, label, analysis);
        }

        var report = scorecard.Report() + string.Concat(problems.Select(p => $"Problem: {p}{Environment.NewLine}"));
        output.WriteLine(report);
        Console.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, SummaryFile), report);

        // Assert
        articles.ShouldNotBeEmpty($"no labelled articles under {EvaluationArticle.Folder}");
        problems.ShouldBeEmpty();
        scorecard.F1.ShouldBeGreaterThanOrEqualTo(MinRelevanceF1, report);
        scorecard.KeyQuoteRecall.ShouldBeGreaterThanOrEqualTo(MinKeyQuoteRecall, report);
        scorecard.SpeakerAccuracy.ShouldBeGreaterThanOrEqualTo(MinSpeakerAccuracy, report);
        scorecard.StanceAccuracy.ShouldBeGreaterThanOrEqualTo(MinStanceAccuracy, report);
    }

    [Fact]
    public async Task Every_Returned_Quote_Is_A_Verbatim_Substring_Of_The_Main_Text()
    {
        // Arrange
        var articles = EvaluationArticle.LoadAll([]);
        var analyzer = AnalysisTestData.Analyzer();
        var bad = new List<string>();

        // Act
        foreach (var article in articles)
        {
            var analysis = await analyzer.AnalyzeAsync(
                new AnalysisInput(article.Label.Title, article.MainText, article.Label.Url, null, []), CancellationToken.None);
            bad.AddRange(analysis.Quotes.Where(q => !article.MainText.Contains(q.Text, StringComparison.Ordinal)).Select(q => $"{article.Stem}: {q.Text}"));
            if (analysis.Summary.Length > 600)
            {
                bad.Add($"{article.Stem}: summary of {analysis.Summary.Length} characters");
            }
        }

        // Assert
        articles.ShouldNotBeEmpty();
        bad.ShouldBeEmpty();
    }

    [Fact]
    public void Labelled_Key_Quotes_Are_Verbatim_Substrings_Of_Their_Main_Text()
    {
        // Arrange
        var articles = EvaluationArticle.LoadAll([]);

        // Act
        var bad = articles
            .SelectMany(a => (a.Label.Quotes ?? []).Where(q => !a.MainText.Contains(q.Text, StringComparison.Ordinal)).Select(q => $"{a.Stem}: {q.Text}"))
            .ToList();

        // Assert
        articles.ShouldNotBeEmpty();
        bad.ShouldBeEmpty();
    }
}
