using PolicyBot.Analysis;
using PolicyBot.History;

namespace PolicyBot.Tests.Analysis;

public sealed class ExtractiveSummarizerTests
{
    private readonly ExtractiveSummarizer _summarizer = new(new NoiseNormalizer(), new TopicMatcher(AnalysisOptions.DefaultTerms));
    private readonly SentenceSplitter _splitter = new();

    [Fact]
    public void Boilerplate_Lines_And_Title_Repeats_Are_Skipped()
    {
        // Arrange
        const string text = "Open weights win\n\nBy Jane Roe and John Doe\n\nUpdated 3 hours ago\n\nWe use cookies to improve your experience.\n\n"
            + "Recommended\n\nShare this article\n\nThe first real sentence is here. The second follows. A third one too. A fourth is left out.";

        // Act
        var summary = Summarize(text, "Open weights win");

        // Assert
        summary.ShouldBe("The first real sentence is here. The second follows.");
    }

    [Fact]
    public void Two_Sentences_Are_Kept_When_A_Third_Would_Pass_The_Limit()
    {
        // Arrange
        var third = "Long " + string.Concat(Enumerable.Repeat("words ", 100)) + "end.";
        var text = $"Short first sentence. Short second sentence. {third}";

        // Act
        var summary = Summarize(text, null);

        // Assert
        summary.ShouldBe("Short first sentence. Short second sentence.");
    }

    [Fact]
    public void An_Overlong_Lead_Is_Cut_At_A_Word_With_An_Ellipsis()
    {
        // Arrange
        var text = "Lead " + string.Concat(Enumerable.Repeat("word ", 400)) + "end.";

        // Act
        var summary = Summarize(text, null);

        // Assert
        summary.Length.ShouldBeLessThanOrEqualTo(ExtractiveSummarizer.MaxLength);
        summary.ShouldEndWith("word…");
    }

    [Fact]
    public void Nothing_But_Boilerplate_Falls_Back_To_The_Title()
    {
        // Act / Assert
        Summarize("Share\n\n1.2K views\n\nJuly 31, 2025", "  The title  ").ShouldBe("The title");
        Summarize("", null).ShouldBe("");
    }

    [Fact]
    public void Central_On_Topic_Sentences_Beat_An_Off_Topic_Lead()
    {
        // Arrange
        const string text = "It was a warm morning in Menlo Park when the announcement came.\n\n"
            + "Meta said it would keep releasing open weights for its Llama models.\n\n"
            + "Sign up for our newsletter to get the latest AI news.\n\n"
            + "Reporting by Jane Roe; editing by John Doe.\n\n"
            + "The company argued that open weights for Llama models make AI safer, and critics said open weights help attackers.";

        // Act
        var summary = Summarize(text, "Meta to keep releasing Llama open weights");

        // Assert
        summary.ShouldBe("Meta said it would keep releasing open weights for its Llama models. "
            + "The company argued that open weights for Llama models make AI safer, and critics said open weights help attackers.");
    }

    [Fact]
    public void Pieces_Of_Quotations_Are_Not_Chosen_While_Whole_Sentences_Remain()
    {
        // Arrange
        const string text = "Jane Roe said the lab would keep releasing open weights for its models.\n\n"
            + "“We will keep the weights open. Open weights keep our models honest and open to scrutiny,” she said.\n\n"
            + "Critics said open weights for frontier models could help attackers.";

        // Act
        var summary = Summarize(text, "Lab keeps releasing open weights");

        // Assert
        summary.ShouldNotContain("Open weights keep our models honest");
        summary.ShouldStartWith("Jane Roe said");
        ExtractiveSummarizer.IsFragment("There is no pause,” a spokesperson said.").ShouldBeTrue();
        ExtractiveSummarizer.IsFragment("She said “it is over” and left.").ShouldBeFalse();
        ExtractiveSummarizer.IsFragment("The developers’ licences changed.").ShouldBeFalse();
    }

    [Theory]
    [InlineData("WASHINGTON, July 31, 2025")]
    [InlineData("July 31, 2025 8:46 AM ET")]
    [InlineData("We use cookies to give you the best experience on our site.")]
    [InlineData("Photograph: Jane Roe/Getty Images")]
    [InlineData("Subscribe now to keep reading and get unlimited access.")]
    public void Boilerplate_Alone_Is_Never_The_Summary(string line)
    {
        // Act / Assert
        Summarize(line, "Title").ShouldBe("Title");
    }

    private string Summarize(string text, string? title) => _summarizer.Summarize(text, _splitter.SplitSpans(text), title);
}
