using PolicyBot.Analysis;

namespace PolicyBot.Tests.Analysis;

public sealed class StatementAnalyzerTests
{
    private const string Shared =
        "We believe the benefits of superintelligence should be shared with the world as broadly as possible. That said, superintelligence will raise novel safety concerns.";

    private const string Careful = "We'll need to be rigorous about mitigating these risks and careful about what we choose to open-source.";

    private const string WontDoIt = "If we reach a point where releasing some models is no longer responsible, we simply won't do it.";

    private const string Necessary = "I believe that open-source is necessary for a positive AI future.";

    private readonly StatementAnalyzer _analyzer = AnalysisTestData.Analyzer();

    [Fact]
    public async Task Superintelligence_Article_Is_Relevant_With_Cautious_Zuckerberg_Quotes()
    {
        // Arrange
        var input = AnalysisTestData.Article("meta-superintelligence-2025.txt");

        // Act
        var analysis = await _analyzer.AnalyzeAsync(input, CancellationToken.None);

        // Assert
        analysis.Relevant.ShouldBeTrue();
        analysis.Relevance.ShouldBeGreaterThanOrEqualTo(0.5);
        analysis.Matched.ShouldContain("open source");
        analysis.Orgs[0].ShouldBe(new OrgMention("Meta", 10));
        analysis.Quotes.Select(q => q.Text).ShouldBe([Careful, WontDoIt, Shared], ignoreOrder: true);
        analysis.Quotes.ShouldAllBe(q => q.Speaker == "Mark Zuckerberg" && q.Org == "Meta" && q.Stance == "cautious");
        analysis.Quotes.ShouldAllBe(q => input.Text.Contains(q.Text));
        analysis.Stance.ShouldBe("cautious");
    }

    [Fact]
    public async Task Superintelligence_Summary_Starts_With_The_Lead_Without_Byline_Date_Or_Share()
    {
        // Arrange
        var input = AnalysisTestData.Article("meta-superintelligence-2025.txt");

        // Act
        var analysis = await _analyzer.AnalyzeAsync(input, CancellationToken.None);

        // Assert
        analysis.Summary.ShouldStartWith("Meta Platforms chief executive Mark Zuckerberg has indicated");
        analysis.Summary.ShouldContain("open-source AI");
        analysis.Summary.ShouldEndWith(".");
        analysis.Summary.Length.ShouldBeLessThanOrEqualTo(600);
        analysis.Summary.ShouldNotContain("Dana Example");
        analysis.Summary.ShouldNotContain("Share");
    }

    [Fact]
    public async Task Open_Source_2024_Article_Is_Relevant_And_Open()
    {
        // Arrange
        var input = AnalysisTestData.Article("meta-open-source-2024.txt");

        // Act
        var analysis = await _analyzer.AnalyzeAsync(input, CancellationToken.None);

        // Assert
        analysis.Relevant.ShouldBeTrue();
        analysis.Stance.ShouldBe("open");
        var quote = analysis.Quotes.Where(q => q.Text == Necessary).ShouldHaveSingleItem();
        quote.ShouldBe(new Quote(Necessary, "Mark Zuckerberg", "Meta", "open"));
    }

    [Fact]
    public async Task Chip_Earnings_Story_Is_Not_Relevant_Despite_Named_Actors()
    {
        // Arrange
        var input = AnalysisTestData.Article("chip-earnings.txt");

        // Act
        var analysis = await _analyzer.AnalyzeAsync(input, CancellationToken.None);

        // Assert
        analysis.Relevant.ShouldBeFalse();
        analysis.Relevance.ShouldBeLessThan(0.5);
        analysis.Matched.ShouldBeEmpty();
        analysis.Orgs.Select(o => o.Name).ShouldContain("NVIDIA");
        analysis.Orgs.Select(o => o.Name).ShouldContain("US Department of Commerce");
    }

    [Fact]
    public async Task French_Guillemet_Quote_Is_Attributed_To_Catalogue_Person()
    {
        // Arrange
        var input = AnalysisTestData.Article("mistral-fr.txt");

        // Act
        var analysis = await _analyzer.AnalyzeAsync(input, CancellationToken.None);

        // Assert
        var quote = analysis.Quotes.ShouldHaveSingleItem();
        quote.Text.ShouldBe("L'open source est indispensable pour que l'Europe reste dans la course");
        quote.Speaker.ShouldBe("Arthur Mensch");
        quote.Org.ShouldBe("Mistral AI");
        analysis.Orgs[0].Name.ShouldBe("Mistral AI");
    }

    [Fact]
    public async Task Source_Orgs_Are_Reported_As_Hints_And_Attribute_Unattributed_Quotes()
    {
        // Arrange
        var input = new AnalysisInput("Our approach", "We said: \"We will keep publishing open weights for researchers.\"", null, null, ["meta platforms", "Example Org"]);

        // Act
        var analysis = await _analyzer.AnalyzeAsync(input, CancellationToken.None);

        // Assert
        analysis.Orgs.ShouldBe([new OrgMention("Example Org", 0), new OrgMention("Meta", 0)]);
        analysis.Quotes.ShouldHaveSingleItem().Speaker.ShouldBeNull();
    }

    [Fact]
    public async Task Single_Source_Org_Becomes_The_Org_Of_Unattributed_Quotes()
    {
        // Arrange
        var input = new AnalysisInput(null, "\"We will keep publishing open weights for researchers.\"", null, null, ["Meta"]);

        // Act
        var analysis = await _analyzer.AnalyzeAsync(input, CancellationToken.None);

        // Assert
        analysis.Quotes.ShouldHaveSingleItem().ShouldBe(new Quote("We will keep publishing open weights for researchers.", null, "Meta", "open"));
    }

    [Fact]
    public async Task Quotes_Are_Limited_To_The_Best_Three_By_Topic()
    {
        // Arrange
        var text = string.Join(' ', Enumerable.Range(1, 6).Select(i => $"Jane Roe said \"this is plain quote number {i} here.\""))
            + " Jane Roe said \"open weights and open source and Llama matter to us.\"";

        // Act
        var analysis = await _analyzer.AnalyzeAsync(new AnalysisInput(null, text, null, null, []), CancellationToken.None);

        // Assert
        analysis.Quotes.Count.ShouldBe(3);
        analysis.Quotes[0].Text.ShouldBe("open weights and open source and Llama matter to us.");
        analysis.Quotes[0].Speaker.ShouldBe("Jane Roe");
        analysis.Quotes[1].Text.ShouldBe("this is plain quote number 1 here.");
    }

    [Fact]
    public async Task Disagreeing_Quotes_Make_A_Mixed_Document()
    {
        // Arrange
        const string text = "Jane Roe said: \"Open-source models are necessary for research.\" "
            + "John Doe said: \"Releasing open weights is dangerous and a misuse risk.\"";

        // Act
        var analysis = await _analyzer.AnalyzeAsync(new AnalysisInput("Open weights debate", text, null, null, []), CancellationToken.None);

        // Assert
        analysis.Quotes.Select(q => (q.Speaker, q.Stance)).ShouldBe([("Jane Roe", "open"), ("John Doe", "cautious")], ignoreOrder: true);
        analysis.Stance.ShouldBe("mixed");
    }

    [Fact]
    public async Task Pronoun_Attribution_Uses_The_Last_Named_Person()
    {
        // Arrange
        const string text = "Sam Altman spoke first. Jane Roe said the lab had discussed it for months. \"We will not release these weights this year,\" she said.";

        // Act
        var analysis = await _analyzer.AnalyzeAsync(new AnalysisInput(null, text, null, null, []), CancellationToken.None);

        // Assert
        analysis.Quotes.ShouldHaveSingleItem().ShouldBe(new Quote("We will not release these weights this year", "Jane Roe", null, "cautious"));
    }

    [Fact]
    public async Task A_Quote_Recalled_From_Last_Year_Does_Not_Make_A_Change_Of_Position_Mixed()
    {
        // Arrange
        var text = $"Zuckerberg wrote last year that “{Necessary}”\n\nOn Wednesday he struck a different note. “{Careful}” he wrote.";

        // Act
        var analysis = await _analyzer.AnalyzeAsync(new AnalysisInput("Meta and open-source AI", text, null, null, []), CancellationToken.None);

        // Assert
        analysis.Quotes.Select(q => q.Stance).ShouldBe(["open", "cautious"], ignoreOrder: true);
        analysis.Stance.ShouldBe("cautious");
    }

    [Fact]
    public async Task Statement_Without_Quotes_Takes_Its_Stance_From_Its_Own_Sentences()
    {
        // Arrange
        const string text = "We are releasing our new model with open weights. Open-source AI is the path forward and makes everyone safer.";

        // Act
        var analysis = await _analyzer.AnalyzeAsync(new AnalysisInput("Our new open model", text, null, null, ["Meta"]), CancellationToken.None);

        // Assert
        analysis.Quotes.ShouldBeEmpty();
        analysis.Stance.ShouldBe("open");
        analysis.Relevant.ShouldBeTrue();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    [InlineData("\"unbalanced quote that never closes and keeps going on and on")]
    [InlineData("“curly open « guillemet » „ mixed ” \" \" \" marks everywhere ” “")]
    [InlineData("\ud800\udc00\ud800 \u0000\u202e\ufeff ")]
    [InlineData("no punctuation at all just words about open source and open weights from Meta")]
    public async Task Hostile_Input_Gives_A_Valid_Analysis(string text)
    {
        // Act
        var analysis = await _analyzer.AnalyzeAsync(new AnalysisInput(null, text, null, null, []), CancellationToken.None);

        // Assert
        analysis.Relevance.ShouldBeInRange(0, 1);
        analysis.Stance.ShouldBeOneOf("open", "cautious", "neutral", "mixed");
        analysis.Summary.Length.ShouldBeLessThanOrEqualTo(601);
        analysis.Quotes.ShouldAllBe(q => text.Contains(q.Text));
    }

    [Fact]
    public async Task Navigation_Only_Deeply_Nested_And_Non_English_Input_Is_Analysed_Without_Error()
    {
        // Arrange
        var navigation = string.Join("\n", Enumerable.Repeat("Home\nWorld\nBusiness\nTech\nSign up\nShare\nCookie settings", 500));
        var nested = string.Concat(Enumerable.Repeat("“‘«„「", 20_000)) + string.Concat(Enumerable.Repeat("」“»’”", 20_000));
        const string chinese = "「我们将继续开源我们的模型权重，」该公司首席执行官说。开源人工智能对研究者很重要。";

        // Act
        var results = new List<StatementAnalysis>();
        foreach (var text in new[] { navigation, nested, chinese })
        {
            results.Add(await _analyzer.AnalyzeAsync(new AnalysisInput(null, text, null, null, []), CancellationToken.None));
        }

        // Assert
        results[0].Relevant.ShouldBeFalse();
        results[0].Summary.ShouldBe("");
        results[1].Quotes.ShouldAllBe(q => nested.Contains(q.Text));
        results[2].Quotes.ShouldHaveSingleItem().Text.ShouldBe("我们将继续开源我们的模型权重，");
    }

    [Fact]
    public async Task Open_Letter_And_OpenAI_As_A_Name_Are_Not_Open_Source_AI()
    {
        // Arrange
        const string text = "Hundreds of AI researchers signed an open letter on Tuesday. OpenAI said its new model would launch next week. "
            + "OpenAI chief executive Sam Altman said the model was faster. The letter asked labs to pause frontier training.";

        // Act
        var analysis = await _analyzer.AnalyzeAsync(new AnalysisInput("Researchers sign open letter as OpenAI readies model", text, null, null, []), CancellationToken.None);

        // Assert
        analysis.Relevant.ShouldBeFalse();
        analysis.Matched.ShouldBeEmpty();
        analysis.Orgs[0].Name.ShouldBe("OpenAI");
    }

    [Fact]
    public async Task Open_Source_Software_News_Is_Not_Relevant_And_Has_No_Stance()
    {
        // Arrange
        const string text = "The Linux Foundation said on Tuesday it would fund maintainers of open-source software.\n\n"
            + "\"Open source is the foundation of modern software and its maintainers deserve support,\" said Jane Roe, who runs the fund.";

        // Act
        var analysis = await _analyzer.AnalyzeAsync(new AnalysisInput("Fund for open-source maintainers", text, null, null, []), CancellationToken.None);

        // Assert
        analysis.Relevant.ShouldBeFalse();
        analysis.Relevance.ShouldBe(0);
        analysis.Stance.ShouldBe("neutral");
        analysis.Quotes.ShouldHaveSingleItem().Speaker.ShouldBe("Jane Roe");
        analysis.Orgs[0].Name.ShouldBe("Linux Foundation");
    }

    [Fact]
    public async Task Null_Fields_Are_Tolerated()
    {
        // Act
        var analysis = await _analyzer.AnalyzeAsync(new AnalysisInput(null, null!, null, null, null!), CancellationToken.None);

        // Assert
        analysis.Relevant.ShouldBeFalse();
        analysis.Summary.ShouldBe("");
    }

    [Fact]
    public async Task Five_Megabytes_Of_Quotes_And_Names_Are_Analysed()
    {
        // Arrange
        var text = string.Concat(Enumerable.Repeat("Meta's Zuckerberg said \"open source AI is necessary for all of us\" and Jane Roe said \"it is \" ", 55_000));

        // Act
        var analysis = await _analyzer.AnalyzeAsync(new AnalysisInput(new string('T', 100_000), text, null, null, []), CancellationToken.None);

        // Assert
        text.Length.ShouldBeGreaterThan(5_000_000);
        analysis.Relevant.ShouldBeTrue();
        analysis.Quotes.Count.ShouldBe(1);
        analysis.Orgs[0].Name.ShouldBe("Meta");
    }

    [Fact]
    public async Task Dense_Quotes_Speakers_And_Organisations_Stay_Verbatim_And_Bounded()
    {
        // Arrange
        var text = string.Concat(Enumerable.Range(0, 3_000).Select(i =>
            $"The company said “open weights number {i} are good for all of us,” a Meta spokesperson said. Meta's CEO said: ‘We’ll keep model {i} open.’\n\n"));

        // Act
        var analysis = await _analyzer.AnalyzeAsync(new AnalysisInput("Open weights", text, null, null, []), CancellationToken.None);

        // Assert
        analysis.Relevant.ShouldBeTrue();
        analysis.Quotes.Count.ShouldBe(3);
        analysis.Quotes.ShouldAllBe(q => text.Contains(q.Text) && q.Speaker != null);
        analysis.Summary.Length.ShouldBeLessThanOrEqualTo(600);
    }

    [Fact]
    public async Task Cancellation_Is_Honoured()
    {
        // Arrange
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        // Act / Assert
        await Should.ThrowAsync<OperationCanceledException>(
            () => _analyzer.AnalyzeAsync(AnalysisTestData.Article("chip-earnings.txt"), cancelled.Token));
    }

    [Fact]
    public async Task Configured_Catalogue_File_Replaces_The_Bundled_One()
    {
        // Arrange
        var analyzer = AnalysisTestData.Analyzer(new AnalysisOptions { CatalogueFile = AnalysisTestData.PathOf("actors-small.json") });
        const string text = "ExLab and Meta spoke. \"Open weights keep research honest and open,\" Example said.";

        // Act
        var analysis = await analyzer.AnalyzeAsync(new AnalysisInput(null, text, null, null, []), CancellationToken.None);

        // Assert
        analysis.Orgs.ShouldBe([new OrgMention("Example Lab", 2)]);
        analysis.Quotes.ShouldHaveSingleItem().Speaker.ShouldBe("Ada Example");
    }

    [Fact]
    public async Task Invalid_Catalogue_File_Falls_Back_To_The_Bundled_One()
    {
        // Arrange
        var analyzer = AnalysisTestData.Analyzer(new AnalysisOptions { CatalogueFile = AnalysisTestData.PathOf("missing.json") });

        // Act
        var analysis = await analyzer.AnalyzeAsync(new AnalysisInput(null, "Meta spoke.", null, null, []), CancellationToken.None);

        // Assert
        analysis.Orgs.ShouldBe([new OrgMention("Meta", 1)]);
    }

    [Fact]
    public async Task Custom_Terms_And_Threshold_Are_Used()
    {
        // Arrange
        var analyzer = AnalysisTestData.Analyzer(new AnalysisOptions { Terms = ["compute governance"], RelevanceThreshold = 0.2 });

        // Act
        var analysis = await analyzer.AnalyzeAsync(new AnalysisInput(null, "A note on AI compute-governance. Also open source.", null, null, []), CancellationToken.None);

        // Assert
        analysis.Matched.ShouldBe(["compute governance"]);
        analysis.Relevant.ShouldBeTrue();
    }
}
