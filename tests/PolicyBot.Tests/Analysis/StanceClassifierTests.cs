using PolicyBot.Analysis;

namespace PolicyBot.Tests.Analysis;

public sealed class StanceClassifierTests
{
    private readonly StanceClassifier _classifier = new();

    [Theory]
    [InlineData("I believe that open-source is necessary for a positive AI future.", "open")]
    [InlineData("We'll need to be rigorous about mitigating these risks and careful about what we choose to open-source.", "cautious")]
    [InlineData("If we reach a point where releasing some models is no longer responsible, we simply won't do it.", "cautious")]
    [InlineData("We believe the benefits of superintelligence should be shared with the world as broadly as possible. That said, superintelligence will raise novel safety concerns.", "cautious")]
    [InlineData("Open-source is not necessary for progress.", "cautious")]
    [InlineData("Releasing open weights is not dangerous.", "open")]
    [InlineData("We will not open-source our frontier model.", "cautious")]
    [InlineData("Open weights carry risks, but they are essential for research.", "open")]
    [InlineData("Open models bring benefits and risks.", "mixed")]
    [InlineData("The weights were published on Tuesday.", "neutral")]
    [InlineData("We released the weights on Tuesday.", "open")]
    [InlineData("Safety is necessary and risks are real.", "neutral")]
    [InlineData("", "neutral")]
    [InlineData("We won't open-source the new model.", "cautious")]
    [InlineData("We're not obligated to stick with open source if it stops serving us.", "cautious")]
    [InlineData("We will keep releasing weights for every model we train.", "open")]
    [InlineData("We remain committed to open source, but we will not release our largest model.", "cautious")]
    [InlineData("I personally think we have been on the wrong side of history here and need to figure out a different open source strategy", "open")]
    [InlineData("The lab will be more selective about which models it open-sources.", "cautious")]
    public void Passage_Stance_Follows_Cues_Negation_And_Contrast(string passage, string expected) =>
        _classifier.Classify(passage).ShouldBe(expected);

    [Theory]
    [InlineData(new[] { "open", "neutral", "open" }, "open")]
    [InlineData(new[] { "cautious", "cautious" }, "cautious")]
    [InlineData(new[] { "open", "cautious" }, "mixed")]
    [InlineData(new[] { "neutral" }, "neutral")]
    [InlineData(new string[0], "neutral")]
    public void Quote_Stances_Combine_To_A_Document_Stance(string[] stances, string expected) =>
        _classifier.Combine(stances).ShouldBe(expected);

    [Theory]
    [InlineData(new[] { "open", "open", "cautious" }, "open")]
    [InlineData(new[] { "open", "cautious" }, "mixed")]
    [InlineData(new[] { "cautious", "neutral" }, "cautious")]
    [InlineData(new[] { "neutral", "mixed" }, "mixed")]
    public void Sentence_Stances_Combine_By_Majority(string[] stances, string expected) =>
        _classifier.Majority(stances).ShouldBe(expected);
}
