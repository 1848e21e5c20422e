using PolicyBot.Analysis;
using PolicyBot.History;

namespace PolicyBot.Tests.Analysis;

public sealed class RelevanceScorerTests
{
    private const double Threshold = 0.5;

    private readonly RelevanceScorer _scorer = new(
        new TopicMatcher(AnalysisOptions.DefaultTerms), new TopicMatcher(AnalysisOptions.DefaultContextTerms));

    private (double Score, IReadOnlyDictionary<string, int> Matched) Score(string title, string text, int actors = 2) =>
        _scorer.Score(title, text, new SentenceSplitter().SplitSpans(text), actors);

    [Fact]
    public void No_Topic_Evidence_Scores_Zero_Whatever_The_Actors() =>
        RelevanceScorer.Compute(0, actors: 10).ShouldBe(0);

    [Fact]
    public void Open_Source_Software_News_Without_An_AI_Angle_Scores_Zero()
    {
        // Act
        var (score, matched) = Score(
            "Linux Foundation backs open-source security fund",
            "The Linux Foundation said open-source maintainers will receive grants. The open source projects include compilers and kernels. "
            + "Open-source licences such as Apache 2.0 were discussed.");

        // Assert
        score.ShouldBe(0);
        matched.ShouldBeEmpty();
    }

    [Fact]
    public void Llama_The_Animal_Is_Not_Evidence()
    {
        // Act
        var (score, _) = Score("Llama farm opens to visitors", "The Llama herd grazes on the hill. Visitors can feed each Llama by hand.");

        // Assert
        score.ShouldBe(0);
    }

    [Fact]
    public void Gemini_The_Star_Sign_Gives_Open_Source_No_AI_Angle()
    {
        // Act
        var (score, _) = Score(
            "Open-source horoscope app adds Gemini readings",
            "The open-source horoscope app now covers Gemini and Libra. Its open source code is on a public forge. Falcon and Claude fans asked for more.");

        // Assert
        score.ShouldBe(0);
    }

    [Fact]
    public void One_Passing_Mention_In_AI_News_Stays_Below_The_Threshold()
    {
        // Arrange
        const string text = "Nvidia reported record quarterly revenue on Wednesday. Data-centre sales of AI chips doubled. "
            + "Analysts expect demand to stay strong. Customers include labs that train open-source models. Shares rose 4 per cent.";

        // Act
        var (score, matched) = Score("Nvidia revenue beats forecasts on AI chip demand", text, actors: 5);

        // Assert
        score.ShouldBeGreaterThan(0);
        score.ShouldBeLessThan(Threshold);
        matched.Keys.ShouldContain("open-source models");
    }

    [Fact]
    public void Topical_Title_And_Body_Reach_The_Threshold()
    {
        // Arrange
        const string text = "The company said it will keep publishing model weights for researchers. Critics said open weights help attackers.";

        // Act
        var (score, matched) = Score("Lab to keep releasing open-weight models", text);

        // Assert
        score.ShouldBeGreaterThanOrEqualTo(Threshold);
        matched.Keys.ShouldContain("open weights");
        matched.Keys.ShouldContain("model weights");
    }

    [Fact]
    public void Score_Grows_With_Evidence_And_Stays_Within_One()
    {
        // Act
        var weak = RelevanceScorer.Compute(1, 0);
        var strong = RelevanceScorer.Compute(500, 50);

        // Assert
        strong.ShouldBeGreaterThan(weak);
        strong.ShouldBeLessThanOrEqualTo(1.0);
        RelevanceScorer.Compute(3, 0).ShouldBeGreaterThanOrEqualTo(Threshold);
        RelevanceScorer.Compute(2, 10).ShouldBeLessThan(Threshold);
    }
}
