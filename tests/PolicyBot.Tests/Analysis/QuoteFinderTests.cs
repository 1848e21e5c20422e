using PolicyBot.Analysis;

namespace PolicyBot.Tests.Analysis;

/// <summary>Quote marks of many traditions; speakers and prose are invented for these tests.</summary>
public sealed class QuoteFinderTests
{
    private readonly QuoteFinder _finder = new();

    private List<string> Texts(string text) => _finder.Find(text).Select(q => text.Substring(q.Start, q.Length)).ToList();

    [Theory]
    [InlineData("She said: \"We will publish the weights next month.\"", "We will publish the weights next month.")]
    [InlineData("She said: “We will publish the weights next month.”", "We will publish the weights next month.")]
    [InlineData("« Nous publierons les poids le mois prochain », a-t-elle dit.", "Nous publierons les poids le mois prochain")]
    [InlineData("Sie sagte: „Wir veröffentlichen die Gewichte bald.“", "Wir veröffentlichen die Gewichte bald.")]
    [InlineData("彼女は「来月にモデルの重みを公開します」と述べた。", "来月にモデルの重みを公開します")]
    [InlineData("‘We’ll keep the weights open for everyone,’ she said.", "We’ll keep the weights open for everyone")]
    public void Quote_Marks_Of_Each_Tradition_Are_Found(string text, string expected) =>
        Texts(text).ShouldBe([expected]);

    [Fact]
    public void Apostrophes_Inside_And_After_Words_Do_Not_Open_Or_Close_Single_Quotes()
    {
        // Arrange
        const string text = "‘The developers’ licences don’t change that, and we’re not closing anything,’ said Jane Roe. Meta’s plan and the ’90s boom stay.";

        // Act / Assert
        Texts(text).ShouldBe(["The developers’ licences don’t change that, and we’re not closing anything"]);
    }

    [Fact]
    public void Nested_Quotes_Stay_Inside_The_Outer_Quote()
    {
        // Arrange
        const string text = "“He told me ‘open weights are here to stay’ and I agree with him,” she said. "
            + "‘The memo said “keep the weights closed” and nothing else,’ he said.";

        // Act / Assert
        Texts(text).ShouldBe([
            "He told me ‘open weights are here to stay’ and I agree with him",
            "The memo said “keep the weights closed” and nothing else",
        ]);
    }

    [Fact]
    public void A_Quote_Continued_In_The_Next_Paragraph_Is_Returned_As_Verbatim_Parts_Of_One_Chain()
    {
        // Arrange
        const string text = "Jane Roe set out the plan. “We will publish every small model with open weights.\n\n"
            + "“The largest one stays closed until we know more,” she said.";

        // Act
        var quotes = _finder.Find(text);

        // Assert
        quotes.Select(q => text.Substring(q.Start, q.Length)).ShouldBe([
            "We will publish every small model with open weights.",
            "The largest one stays closed until we know more",
        ]);
        quotes[0].Chain.ShouldBe(quotes[1].Chain);
        quotes[0].Continued.ShouldBeTrue();
        quotes[1].Continued.ShouldBeFalse();
    }

    [Theory]
    [InlineData("In a letter titled “Personal Superintelligence,” he set out his vision.")]
    [InlineData("His essay “Open Source AI Is the Path Forward” ran last year.")]
    [InlineData("The so-called “open” models and “open-ish” licences drew “fair use” claims.")]
    [InlineData("An unbalanced “quote that never closes\n\nand a new paragraph without a mark.")]
    [InlineData("Straight \"quote that never closes at all, not even at the end")]
    [InlineData("")]
    public void Titles_Scare_Quotes_And_Unbalanced_Marks_Are_Not_Quotes(string text) =>
        Texts(text).ShouldBeEmpty();

    [Fact]
    public void A_Short_Quote_With_A_Reporting_Clause_Is_Speech_Not_A_Scare_Quote()
    {
        // Arrange
        const string text = "\"A real gamble,\" said Jane Roe. The so-called \"open\" model and its \"open weights\" followed.";

        // Act / Assert
        Texts(text).ShouldBe(["A real gamble"]);
    }

    [Fact]
    public void A_Real_Quote_After_A_Letter_Is_Still_A_Quote()
    {
        // Arrange
        const string text = "He wrote in a letter: “We will keep releasing our models with open weights.”";

        // Act / Assert
        Texts(text).ShouldBe(["We will keep releasing our models with open weights."]);
    }

    [Fact]
    public void Hostile_Mixed_Marks_Give_Only_Verbatim_Substrings()
    {
        // Arrange
        var text = string.Concat(Enumerable.Repeat("“a ‘b « c „ d \" e ’ f ” g » h “ i 「 j ‘ ", 20_000));

        // Act
        var quotes = _finder.Find(text);

        // Assert
        quotes.ShouldAllBe(q => q.Start >= 0 && q.End <= text.Length && q.Length > 0);
    }
}
