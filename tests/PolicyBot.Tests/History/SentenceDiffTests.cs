using PolicyBot.History;

namespace PolicyBot.Tests.History;

public sealed class SentenceDiffTests
{
    private readonly SentenceDiff _diff = new();

    private const string Original =
        "By Jane Roe | July 30, 2025 8:46 AM ET\n\n"
        + "Meta says it will be careful about what it open-sources. The company released Llama weights before.\n\n"
        + "1.2K views · 340 comments";

    [Fact]
    public void Noise_Only_Changes_Give_An_Empty_Change()
    {
        // Arrange: new date, time, counters, curly quotes and extra whitespace only.
        const string updated =
            "By Jane Roe | 31 July 2025 14:05 UTC\n\n"
            + "Meta says it will be careful about what it open‑sources.   The company released Llama weights before.\n\n"
            + "1.5K views · 402 comments";

        // Act
        var change = _diff.Compare(Original, updated);

        // Assert
        change.IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void Reordering_Is_Not_A_Change()
    {
        // Act
        var change = _diff.Compare("One is here. Two is there.", "Two is there.\n\nOne is here.");

        // Assert
        change.IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void Added_And_Removed_Sentences_Are_Reported_Verbatim()
    {
        // Arrange
        const string updated =
            "By Jane Roe | July 30, 2025 8:46 AM ET\n\n"
            + "Meta says it will keep its most capable models closed. The company released Llama weights before.\n\n"
            + "It did not say when. 1.2K views · 340 comments";

        // Act
        var change = _diff.Compare(Original, updated);

        // Assert
        change.Added.ShouldBe(["Meta says it will keep its most capable models closed.", "It did not say when."]);
        change.Removed.ShouldBe(["Meta says it will be careful about what it open-sources."]);
    }

    [Fact]
    public void Duplicates_Are_Compared_As_Multisets()
    {
        // Act
        var grown = _diff.Compare("Same. Other thing.", "Same. Same. Other thing. Same.");
        var shrunk = _diff.Compare("Same. Same. Other thing.", "Other thing. Same.");

        // Assert
        grown.Added.ShouldBe(["Same.", "Same."]);
        grown.Removed.ShouldBeEmpty();
        shrunk.Added.ShouldBeEmpty();
        shrunk.Removed.ShouldBe(["Same."]);
    }

    [Fact]
    public void From_Nothing_Everything_With_Content_Is_Added()
    {
        // Act
        var change = _diff.Compare("", "July 31, 2025\n\nMeta published a letter.");

        // Assert
        change.Added.ShouldBe(["Meta published a letter."]);
        change.Removed.ShouldBeEmpty();
    }

    [Fact]
    public void Empty_And_Null_Input_Give_An_Empty_Change()
    {
        // Act / Assert
        _diff.Compare("", "").IsEmpty.ShouldBeTrue();
        _diff.Compare(null!, null!).IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void Megabyte_Versions_Are_Compared()
    {
        // Arrange
        var body = string.Concat(Enumerable.Repeat("Sentence number one is here. Another follows it! ", 21_000));
        var updated = body + "A genuinely new sentence appears.";

        // Act
        var change = _diff.Compare(body, updated);

        // Assert
        body.Length.ShouldBeGreaterThan(1_000_000);
        change.Added.ShouldBe(["A genuinely new sentence appears."]);
        change.Removed.ShouldBeEmpty();
    }
}
