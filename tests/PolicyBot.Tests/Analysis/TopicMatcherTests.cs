using PolicyBot.Analysis;

namespace PolicyBot.Tests.Analysis;

public sealed class TopicMatcherTests
{
    private readonly TopicMatcher _matcher = new(["open source", "open-source", "Llama", "model weights", " "]);

    [Fact]
    public void Hyphen_And_Space_Spellings_Count_As_One_Term()
    {
        // Act
        var counts = _matcher.Count("Open-source and open source and OPEN—SOURCE and open_source.");

        // Assert
        counts.ShouldBe(new Dictionary<string, int> { ["open source"] = 4 });
    }

    [Fact]
    public void Terms_Match_Whole_Words_Only()
    {
        // Act
        var counts = _matcher.Count("Llamas and llama-based models; model weightsless; Llama's model weights.");

        // Assert
        counts["Llama"].ShouldBe(2);
        counts["model weights"].ShouldBe(1);
    }

    [Fact]
    public void Empty_And_Hostile_Text_Match_Nothing()
    {
        // Act / Assert
        _matcher.Count("").ShouldBeEmpty();
        _matcher.Count("\ud800\u0000 open \u200b source").ShouldBeEmpty();
        _matcher.Hits(string.Concat(Enumerable.Repeat("open source ", 100_000))).ShouldBe(100_000);
    }
}
