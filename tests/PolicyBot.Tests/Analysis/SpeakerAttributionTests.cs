using PolicyBot.Analysis;

namespace PolicyBot.Tests.Analysis;

/// <summary>
/// Who said it. Prose is invented; Mark Zuckerberg's words are quoted verbatim from his "Personal Superintelligence"
/// letter (meta.com, 30 July 2025), Meta's Q2 2025 earnings call (30 July 2025) and "Open Source AI Is the Path
/// Forward" (about.fb.com, 23 July 2024); other speakers are invented people.
/// </summary>
public sealed class SpeakerAttributionTests
{
    private const string Careful = "We'll need to be rigorous about mitigating these risks and careful about what we choose to open-source.";

    private const string WontDoIt = "If we reach a point where releasing some models is no longer responsible, we simply won't do it.";

    private const string Necessary = "I believe that open-source is necessary for a positive AI future.";

    private readonly StatementAnalyzer _analyzer = AnalysisTestData.Analyzer();

    private async Task<IReadOnlyList<Quote>> Quotes(string text) =>
        (await _analyzer.AnalyzeAsync(new AnalysisInput("Open-source AI", text, null, null, []), CancellationToken.None)).Quotes;

    [Theory]
    [InlineData("“" + Careful + "” Zuckerberg wrote on Wednesday.")]
    [InlineData("Zuckerberg said that “" + Careful + "”")]
    [InlineData("According to Zuckerberg, “" + Careful + "”")]
    [InlineData("“" + Careful + "” the Meta chief executive said.")]
    [InlineData("Meta's CEO said: “" + Careful + "”")]
    [InlineData("Meta CEO Mark Zuckerberg was blunt. “" + Careful + "”")]
    [InlineData("The chief executive of Meta wrote: “" + Careful + "”")]
    public async Task Catalogue_Person_Is_Found_By_Name_Pronoun_Role_Or_Title(string text)
    {
        // Act
        var quote = (await Quotes(text)).ShouldHaveSingleItem();

        // Assert
        quote.Text.ShouldBe(Careful);
        quote.Speaker.ShouldBe("Mark Zuckerberg");
        quote.Org.ShouldBe("Meta");
    }

    [Fact]
    public async Task He_Said_Goes_To_The_Last_Person_Named_Outside_Quotes()
    {
        // Arrange
        const string text = "Mark Zuckerberg spoke after Jane Roe. Zuckerberg said “Jane Roe and John Doe disagree with us on this,” "
            + "and then turned to the weights.\n\n“" + WontDoIt + "” he said.";

        // Act
        var quotes = await Quotes(text);

        // Assert
        quotes.Single(q => q.Text == WontDoIt).Speaker.ShouldBe("Mark Zuckerberg");
    }

    [Fact]
    public async Task People_Outside_The_Catalogue_Are_Named_With_The_Organisation_Beside_Them()
    {
        // Arrange
        const string text = "“Open weights let small labs check the claims of big ones,” said Jane Doe, a researcher at EleutherAI.\n\n"
            + "“Releasing the weights of frontier models is a risk we do not need,” said OpenAI researcher John Roe.";

        // Act
        var quotes = await Quotes(text);

        // Assert
        quotes.Select(q => (q.Speaker, q.Org)).ShouldBe([("Jane Doe", "EleutherAI"), ("John Roe", "OpenAI")], ignoreOrder: true);
    }

    [Theory]
    [InlineData("“We will keep publishing open weights for our Llama models,” a Meta spokesperson said.")]
    [InlineData("“We will keep publishing open weights for our Llama models,” Meta said in a statement.")]
    [InlineData("Meta said in a blog post: “We will keep publishing open weights for our Llama models.”")]
    public async Task An_Organisation_Speaking_For_Itself_Is_The_Speaker(string text)
    {
        // Act
        var quote = (await Quotes(text)).ShouldHaveSingleItem();

        // Assert
        (quote.Speaker, quote.Org).ShouldBe(("Meta", "Meta"));
    }

    [Fact]
    public async Task Both_Parts_Of_A_Quote_Continued_Across_Paragraphs_Share_The_Speaker()
    {
        // Arrange
        const string text = "Zuckerberg set out the plan on the call. Jane Roe, an analyst, listened.\n\n"
            + "“We'll keep releasing smaller models with open weights for developers.\n\n"
            + "“" + WontDoIt + "” the Meta chief executive said.";

        // Act
        var quotes = await Quotes(text);

        // Assert
        quotes.Count.ShouldBe(2);
        quotes.ShouldAllBe(q => q.Speaker == "Mark Zuckerberg" && text.Contains(q.Text));
    }

    [Fact]
    public async Task A_Quote_Standing_Alone_After_Another_Continues_Its_Speaker()
    {
        // Arrange
        const string text = "“" + Necessary + "” Zuckerberg wrote. Analysts including Jane Roe were surprised.\n\n“Open source will keep our models competitive with everyone else's.”";

        // Act
        var quotes = await Quotes(text);

        // Assert
        quotes.ShouldAllBe(q => q.Speaker == "Mark Zuckerberg");
        quotes.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_Catalogue_Person_Named_In_Full_Is_Recognised_By_Surname_Later()
    {
        // Arrange: Peter Kyle's words from the UK government's announcement of the AI Security Institute, 14 February 2025.
        const string text = "Technology Secretary Peter Kyle announced the change in Munich on Friday.\n\n"
            + "“The changes I’m announcing today represent the logical next step in how we approach responsible AI development,” Kyle said.";

        // Act
        var quote = (await Quotes(text)).ShouldHaveSingleItem();

        // Assert
        (quote.Speaker, quote.Org).ShouldBe(("Peter Kyle", "UK Government"));
    }

    [Fact]
    public async Task People_Introduced_With_An_Appositive_Are_Speakers_For_A_Later_Pronoun()
    {
        // Arrange
        const string text = "The return was championed by Jane McAllister, the engineer who wrote the original code.\n\n"
            + "In a post on her blog, she wrote that “returning to an open source licence keeps the project honest with its users.”";

        // Act
        var quote = (await Quotes(text)).ShouldHaveSingleItem();

        // Assert
        quote.Speaker.ShouldBe("Jane McAllister");
    }

    [Fact]
    public async Task A_Person_Named_Between_Two_Quotes_Takes_The_Second()
    {
        // Arrange
        const string text = "“Open weights are a gift to our rivals and a real risk,” said Jane Roe, a researcher.\n\n"
            + "Zuckerberg disagreed in his letter.\n\n“" + Necessary + "”";

        // Act
        var quotes = await Quotes(text);

        // Assert
        quotes.Single(q => q.Text == Necessary).Speaker.ShouldBe("Mark Zuckerberg");
        quotes.Single(q => q.Text != Necessary).Speaker.ShouldBe("Jane Roe");
    }

    [Fact]
    public async Task Quote_Then_Colon_Introduction_Attributes_The_Next_Quote_Not_The_Previous()
    {
        // Arrange
        const string text = "“" + Necessary + "” Zuckerberg wrote. Jane Roe, a researcher, replied: “Open weights are a gift to our rivals and a real risk.”";

        // Act
        var quotes = await Quotes(text);

        // Assert
        quotes.Single(q => q.Text == Necessary).Speaker.ShouldBe("Mark Zuckerberg");
        quotes.Single(q => q.Text.StartsWith("Open weights are a gift", StringComparison.Ordinal)).Speaker.ShouldBe("Jane Roe");
    }
}
