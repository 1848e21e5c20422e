using PolicyBot.History;

namespace PolicyBot.Tests.History;

public sealed class SentenceSplitterTests
{
    private readonly SentenceSplitter _splitter = new();

    [Fact]
    public void Paragraphs_And_Sentences_Are_Split_In_Order()
    {
        // Arrange
        const string text = "First sentence here. Second one follows!\n\nA new paragraph? Yes it is.";

        // Act
        var sentences = _splitter.Split(text);

        // Assert
        sentences.ShouldBe(["First sentence here.", "Second one follows!", "A new paragraph?", "Yes it is."]);
    }

    [Theory]
    [InlineData("Mr. Smith met Dr. Jones at noon. They talked.", "Mr. Smith met Dr. Jones at noon.")]
    [InlineData("Meta Platforms Inc. Chief Executive spoke. Then he left.", "Meta Platforms Inc. Chief Executive spoke.")]
    [InlineData("The U.S. Commerce Department acted. Others waited.", "The U.S. Commerce Department acted.")]
    [InlineData("Some labs, e.g. Meta, publish weights. Others do not.", "Some labs, e.g. Meta, publish weights.")]
    [InlineData("Several, i.e. Mistral and Meta, agreed. Nobody else.", "Several, i.e. Mistral and Meta, agreed.")]
    [InlineData("It was order No. 14110 that mattered. Then it went.", "It was order No. 14110 that mattered.")]
    [InlineData("The rule took effect on Jan. 20 last year. Then it changed.", "The rule took effect on Jan. 20 last year.")]
    [InlineData("Revenue rose 3.5 percent to $47.5 billion. Costs rose too.", "Revenue rose 3.5 percent to $47.5 billion.")]
    [InlineData("Mark E. Zuckerberg and J. R. R. Tolkien met. Not really.", "Mark E. Zuckerberg and J. R. R. Tolkien met.")]
    [InlineData("The talks ran until 8 p.m. on Friday. Nothing came of it.", "The talks ran until 8 p.m. on Friday.")]
    public void Abbreviations_Decimals_And_Initials_Do_Not_End_A_Sentence(string text, string first)
    {
        // Act
        var sentences = _splitter.Split(text);

        // Assert
        sentences.Count.ShouldBe(2);
        sentences[0].ShouldBe(first);
    }

    [Fact]
    public void Ellipsis_Ends_A_Sentence_Only_Before_A_Capital()
    {
        // Act
        var sentences = _splitter.Split("He paused... and went on. Then silence… Another day.");

        // Assert
        sentences.ShouldBe(["He paused... and went on.", "Then silence…", "Another day."]);
    }

    [Fact]
    public void Closing_Quotes_And_Brackets_Stay_With_Their_Sentence()
    {
        // Act
        var sentences = _splitter.Split("He said “we will ship it.” Next came questions. (It was late.) “Why?” she asked. Done.");

        // Assert
        sentences.ShouldBe(["He said “we will ship it.”", "Next came questions.", "(It was late.)", "“Why?” she asked.", "Done."]);
    }

    [Fact]
    public void Sentences_Are_Verbatim_Substrings_Of_The_Input()
    {
        // Arrange
        const string text = "  Spaces   inside  stay.\tTabs\ttoo!  \r\n\r\n  Last line  ";

        // Act
        var spans = _splitter.SplitSpans(text);
        var sentences = _splitter.Split(text);

        // Assert
        sentences.ShouldBe(["Spaces   inside  stay.", "Tabs\ttoo!", "Last line"]);
        spans.Select(s => text.Substring(s.Start, s.Length)).ShouldBe(sentences);
    }

    [Fact]
    public void Cjk_Terminators_Split_Without_Spaces()
    {
        // Act
        var sentences = _splitter.Split("开源很重要。我们会继续发布模型！好吗？");

        // Assert
        sentences.ShouldBe(["开源很重要。", "我们会继续发布模型！", "好吗？"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n \t ")]
    public void Empty_Or_Blank_Text_Has_No_Sentences(string text) => _splitter.Split(text).ShouldBeEmpty();

    [Fact]
    public void Text_Without_Punctuation_Is_One_Sentence_Per_Line()
    {
        // Act
        var sentences = _splitter.Split("no punctuation at all here\nand another line without any");

        // Assert
        sentences.ShouldBe(["no punctuation at all here", "and another line without any"]);
    }

    [Fact]
    public void Five_Megabytes_Of_Text_Is_Split_Completely()
    {
        // Arrange
        var text = string.Concat(Enumerable.Repeat("Dr. A. said e.g. no... more of Mr. Meta's U.S. plan. ", 105_000));

        // Act
        var sentences = _splitter.Split(text);

        // Assert
        text.Length.ShouldBeGreaterThan(5_000_000);
        sentences.Count.ShouldBe(105_000);
        sentences[0].ShouldBe("Dr. A. said e.g. no... more of Mr. Meta's U.S. plan.");
    }

    [Fact]
    public void Unusual_Unicode_Does_Not_Break_Splitting()
    {
        // Arrange: a lone surrogate, emoji, zero-width and right-to-left characters.
        const string text = "Open \ud800 weights 🚀 matter\u200b. مرحبا بالعالم. Ünïcödé Ωmega!";

        // Act
        var sentences = _splitter.Split(text);

        // Assert
        sentences.Count.ShouldBe(3);
        sentences[2].ShouldBe("Ünïcödé Ωmega!");
    }
}
