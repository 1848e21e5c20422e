using PolicyBot.Analysis;

namespace PolicyBot.Tests.Analysis;

public sealed class RelevanceScorerTests
{
    private const double Threshold = 0.5;

    [Fact]
    public void No_Topic_Evidence_Scores_Zero_Whatever_The_Actors() =>
        RelevanceScorer.Score(0, 0, 0, actors: 10).ShouldBe(0);

    [Fact]
    public void A_Single_Passing_Mention_Stays_Below_The_Default_Threshold_Even_With_Actors() =>
        RelevanceScorer.Score(0, 1, 1, actors: 10).ShouldBeLessThan(Threshold);

    [Theory]
    [InlineData(1, 0, 0, 1)]
    [InlineData(0, 2, 2, 1)]
    [InlineData(0, 1, 3, 1)]
    [InlineData(0, 3, 3, 0)]
    public void Evidence_Worth_Two_Mentions_With_An_Actor_Or_Three_Terms_Reaches_It(int title, int distinct, int hits, int actors) =>
        RelevanceScorer.Score(title, distinct, hits, actors).ShouldBeGreaterThanOrEqualTo(Threshold);

    [Fact]
    public void Score_Grows_With_Evidence_And_Stays_Within_One()
    {
        // Act
        var weak = RelevanceScorer.Score(0, 1, 1, 0);
        var strong = RelevanceScorer.Score(3, 10, 500, 50);

        // Assert
        strong.ShouldBeGreaterThan(weak);
        strong.ShouldBeLessThanOrEqualTo(1.0);
    }
}
