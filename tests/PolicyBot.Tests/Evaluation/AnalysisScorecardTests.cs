using PolicyBot.Analysis;

namespace PolicyBot.Tests.Evaluation;

public sealed class AnalysisScorecardTests
{
    private static EvaluationLabel Label(bool relevant, string stance, params EvaluationQuote[] quotes) =>
        new(null, "t", null, null, relevant, [], stance, "c", quotes, null);

    private static StatementAnalysis Analysis(bool relevant, string stance, params Quote[] quotes) =>
        new(relevant, relevant ? 0.9 : 0.1, [], [], stance, "", quotes);

    [Theory]
    [InlineData("We will keep releasing weights.", "We will keep releasing weights.", true)]
    [InlineData("We will keep releasing weights for everyone", "We will keep releasing weights for everyone.", true)]
    [InlineData("We will keep releasing weights.", "keep releasing", false)]
    [InlineData("keep releasing", "We will keep releasing weights, always, and for everyone.", false)]
    [InlineData("", "", false)]
    public void Quote_Match_Needs_Equality_Or_Containment_Of_Eighty_Percent(string labelled, string returned, bool expected)
    {
        // Act / Assert
        AnalysisScorecard.Matches(labelled, returned).ShouldBe(expected);
    }

    [Fact]
    public void Figures_Count_Relevance_Quotes_Speakers_And_Stance()
    {
        // Arrange
        var card = new AnalysisScorecard();
        var key = new EvaluationQuote("Open weights are necessary for research.", "Jane Roe", "Meta", "open", true);
        var minor = new EvaluationQuote("Not a key quote at all here.", "John Doe", null, "neutral", false);

        // Act
        card.Add("a", Label(true, "open", key, minor), Analysis(true, "open", new Quote(key.Text, "jane roe", "Meta", "open")));
        card.Add("b", Label(true, "cautious", key), Analysis(false, "open", new Quote(key.Text, "John Doe", null, "open")));
        card.Add("c", Label(false, "neutral"), Analysis(true, "neutral"));
        card.Add("d", Label(false, "neutral"), Analysis(false, "neutral"));

        // Assert
        (card.TruePositives, card.FalsePositives, card.FalseNegatives).ShouldBe((1, 1, 1));
        card.F1.ShouldBe(0.5, 1e-9);
        card.KeyQuoteRecall.ShouldBe(1.0);
        card.SpeakerAccuracy.ShouldBe(0.5);
        card.StanceAccuracy.ShouldBe(0.5);
        card.Misses.Count.ShouldBe(4);
        card.Report().ShouldContain("F1 0.500");
    }
}
