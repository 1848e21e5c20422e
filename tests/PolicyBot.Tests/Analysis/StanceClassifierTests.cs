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

    [Theory]
    [InlineData("We have open-sourced all three checkpoints for the community.", null, "open")]
    [InlineData("That is the power of open research and open source.", null, "open")]
    [InlineData("I haven't heard a good answer from proponents of open sourcing everything.", null, "neutral")]
    [InlineData("We will not open-source the largest checkpoint.", null, "cautious")]
    [InlineData("necessary for a positive AI future", null, "neutral")]
    [InlineData("necessary for a positive AI future", "He wrote that open source is “necessary for a positive AI future”.", "open")]
    [InlineData("how does one stop bad actors", "He asked of open-source advocates “how does one stop bad actors” from misusing released systems.", "cautious")]
    public void Quote_Stance_Uses_Its_Sentence_As_Anchor_And_Is_Open_When_It_Names_Openness_Plainly(string quote, string? context, string expected) =>
        _classifier.ClassifyQuote(quote, context).ShouldBe(expected);

    [Fact]
    public void Document_Stance_Takes_Each_Speakers_Majority_And_Their_Last_Word_On_A_Tie()
    {
        // Act / Assert
        _classifier.Document([("A", "open", false), ("A", "cautious", false)]).ShouldBe("cautious");
        _classifier.Document([("A", "open", false), ("A", "cautious", false), ("A", "open", false)]).ShouldBe("open");
        _classifier.Document([("A", "open", false), ("B", "cautious", false)]).ShouldBe("mixed");
        _classifier.Document([("A", "neutral", false), (null, "neutral", false)]).ShouldBe("neutral");
    }

    [Fact]
    public void Document_Stance_Lets_A_Speakers_Current_Words_Supersede_Their_Past_Ones()
    {
        // Act / Assert
        _classifier.Document([("A", "open", true), ("A", "cautious", false)]).ShouldBe("cautious");
        _classifier.Document([("A", "open", true), ("B", "cautious", false)]).ShouldBe("mixed");
        _classifier.Document([("A", "open", true)]).ShouldBe("open");
    }
}
