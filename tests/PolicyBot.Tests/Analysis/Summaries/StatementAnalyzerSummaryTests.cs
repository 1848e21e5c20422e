using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PolicyBot.Analysis;
using PolicyBot.Analysis.Summaries;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Analysis.Summaries;

public sealed class StatementAnalyzerSummaryTests
{
    private const string Quote = "We'll need to be rigorous about mitigating these risks and careful about what we choose to open-source.";

    private static readonly AnalysisInput Article = new(
        "Meta signals limits on open-source AI",
        "Meta CEO Mark Zuckerberg said the company may stop releasing the open weights of its most capable AI models.\n\n" +
        $"“{Quote}” Zuckerberg wrote in a letter about open-source AI and superintelligence.\n\n" +
        "Meta has published its Llama models with open weights since 2023, and developers around the world build on those open AI models.",
        "https://news.example/meta", null, []);

    private static StatementAnalyzer Analyzer(FakeChatCompletions fake) => new(
        Options.Create(new AnalysisOptions()),
        NullLogger<StatementAnalyzer>.Instance,
        new LlmSummarizer(
            Options.Create(new SummarizerOptions { Provider = "openai", Endpoint = fake.Endpoint, Model = "test-model", ApiKey = "sk-test" }),
            new ManualTimeProvider(),
            NullLogger<LlmSummarizer>.Instance));

    [Fact]
    public async Task A_Relevant_Document_Gets_The_Llm_Summary_And_Keeps_Its_Verbatim_Quotes()
    {
        await using var fake = await FakeChatCompletions.StartAsync();
        fake.AnswerWith("Mark Zuckerberg said Meta may withhold the weights of its most capable AI models because of safety risks.");

        var analysis = await Analyzer(fake).AnalyzeAsync(Article, CancellationToken.None);

        analysis.Relevant.ShouldBeTrue();
        analysis.Summary.ShouldBe("Mark Zuckerberg said Meta may withhold the weights of its most capable AI models because of safety risks.");
        analysis.Quotes.ShouldContain(q => Article.Text.Contains(q.Text, StringComparison.Ordinal) && q.Speaker == "Mark Zuckerberg");
        fake.Calls.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_Summary_That_Invents_A_Quotation_Falls_Back_To_The_Extractive_One()
    {
        await using var fake = await FakeChatCompletions.StartAsync();
        fake.AnswerWith("Zuckerberg said Meta would “never open-source anything again”.");
        var extractive = await new StatementAnalyzer(Options.Create(new AnalysisOptions()), NullLogger<StatementAnalyzer>.Instance).AnalyzeAsync(Article, CancellationToken.None);

        var analysis = await Analyzer(fake).AnalyzeAsync(Article, CancellationToken.None);

        analysis.Summary.ShouldBe(extractive.Summary);
        analysis.Summary.ShouldNotContain("never open-source anything again");
    }

    [Fact]
    public async Task An_Irrelevant_Document_Never_Costs_A_Call()
    {
        await using var fake = await FakeChatCompletions.StartAsync();
        fake.AnswerWith("unused");

        var analysis = await Analyzer(fake).AnalyzeAsync(
            new AnalysisInput("Chipmaker reports record quarter", "The company said data-centre revenue rose sharply as customers bought more accelerators for AI.", null, null, []),
            CancellationToken.None);

        analysis.Relevant.ShouldBeFalse();
        fake.Calls.ShouldBeEmpty();
    }
}
