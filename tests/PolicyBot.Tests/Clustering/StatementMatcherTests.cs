using PolicyBot.Clustering;

namespace PolicyBot.Tests.Clustering;

public sealed class StatementMatcherTests
{
    private static readonly DateTimeOffset July31 = new(2025, 7, 31, 12, 0, 0, TimeSpan.Zero);

    private const string Letter = "We'll need to be rigorous about mitigating these risks and careful about what we choose to open-source.";

    private const string Body =
        "Meta's chief executive said the company would weigh each release of its most capable models, a softer line than the one he took a year ago " +
        "when he argued that openly released weights were the safest path for everyone building with artificial intelligence. " +
        "Analysts said the wording leaves room for Meta to keep future frontier systems in house while still publishing smaller models.";

    private static StatementSignature Signature(string stance, string text, DateTimeOffset at, string? actor = "Meta", string? speaker = "Mark Zuckerberg", params string[] quotes) =>
        StatementSignature.Create(actor, speaker, stance, at, text, quotes);

    [Fact]
    public void Two_Outlets_Quoting_The_Same_Words_In_Their_Own_Prose_Are_One_Statement()
    {
        var a = Signature("cautious", "The Ledger: " + Letter + " said Zuckerberg in a letter.", July31, quotes: Letter);
        var b = Signature("cautious", "A different outlet wrote its own story. " + Letter, July31.AddDays(1), actor: null, speaker: null, quotes: "careful about what we choose to open-source and rigorous about mitigating these risks, we'll need to be");

        new StatementMatcher().IsSameStatement(a, b).ShouldBeTrue();
    }

    [Fact]
    public void A_Truncated_Copy_Is_The_Same_Statement_By_Its_Text()
    {
        var full = Signature("neutral", Body, July31, actor: null, speaker: null);
        var truncated = Signature("neutral", Body[..(Body.Length / 2)], July31.AddHours(5), actor: "OpenAI", speaker: null);

        new StatementMatcher().IsSameStatement(full, truncated).ShouldBeTrue();
    }

    [Fact]
    public void Opposite_Stances_Of_One_Actor_Never_Match_Even_When_One_Quotes_The_Other()
    {
        const string earlier = "I believe that open-source is necessary for a positive AI future.";
        var year2024 = Signature("open", "Zuckerberg wrote: " + earlier, July31.AddYears(-1), quotes: earlier);
        var year2025 = Signature("cautious", Body + " Last year he wrote: " + earlier, July31, quotes: [Letter, earlier]);

        new StatementMatcher().IsSameStatement(year2024, year2025).ShouldBeFalse();
    }

    [Fact]
    public void Same_Actor_Same_Days_And_Same_Subject_Is_One_Statement_Without_Shared_Words()
    {
        var letter = Signature("cautious", Body, July31);
        var call = Signature("cautious", "On the earnings call the chief executive said Meta would weigh each release of its most capable models and might keep frontier weights in house.", July31.AddDays(2));

        new StatementMatcher().IsSameStatement(letter, call).ShouldBeTrue();
    }

    [Fact]
    public void Unrelated_Statements_Of_Different_Actors_Stay_Apart()
    {
        var meta = Signature("cautious", Body, July31, quotes: Letter);
        var other = Signature("cautious", "Northgate Robotics will not open-source its planning model, citing the risk of misuse in heavy machinery.", July31, actor: "Northgate Robotics", speaker: "Tomas Berg",
            quotes: "A planner that controls heavy machinery is not something we can hand out as open weights");

        new StatementMatcher().IsSameStatement(meta, other).ShouldBeFalse();
    }

    [Fact]
    public void Signatures_Are_Stable_Across_Processes_And_Empty_Text_Is_Safe()
    {
        var first = Signature("neutral", Body, July31);
        var second = Signature("neutral", Body, July31);
        var empty = Signature("neutral", "", July31, actor: null, speaker: null);

        first.Shingles.ShouldBe(second.Shingles);
        first.Shingles.ShouldBeInOrder();
        empty.Shingles.ShouldBeEmpty();
        new StatementMatcher().IsSameStatement(empty, first).ShouldBeFalse();
    }
}
