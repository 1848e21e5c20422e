using PolicyBot.Chat;
using PolicyBot.Digests;
using PolicyBot.Subscriptions;
using static PolicyBot.Tests.Digests.DigestTestData;

namespace PolicyBot.Tests.Digests;

public sealed class DigestBuilderTests
{
    private static readonly DateTimeOffset End = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero); // 09:00 in Berlin
    private static readonly DigestPeriod Period = new(End.AddDays(-1), End);
    private static readonly DigestSchedule Daily = new(DigestFrequency.Daily, new TimeOnly(9, 0), "Europe/Berlin");
    private static readonly Subscription Everything = Subscription(Daily, End.AddDays(-10));

    private static Reply Build(Subscription subscription, params DigestStatement[] statements) =>
        new DigestBuilder().Build(subscription, Period, statements).ShouldNotBeNull();

    private static List<string> Headings(Reply reply) => reply.Blocks.OfType<TextBlock>().Where(t => t.Emphasis is { Count: > 0 }).Select(t => t.Text).ToList();

    [Fact]
    public void Statements_Are_Grouped_By_Actor_Newest_First_With_Statements_Without_Actor_Last_Under_Other()
    {
        var reply = Build(
            Everything,
            Statement(1, Alert("Meta old", quote: "Meta quote one."), End.AddHours(-20)),
            Statement(2, Alert("Unattributed", org: null, quote: "Nobody in particular."), End.AddHours(-1), actor: null),
            Statement(3, Alert("Mistral news", org: "Mistral", quote: "Mistral quote."), End.AddHours(-5), actor: "Mistral"),
            Statement(4, Alert("Meta new", quote: "Meta quote two."), End.AddHours(-3)));

        Headings(reply).ShouldBe(["Meta · 2 statements", "Mistral · 1 statement", "Other · 1 statement"]);
        reply.Blocks.OfType<QuoteBlock>().Select(q => q.Text).ShouldBe(["Meta quote two.", "Meta quote one.", "Mistral quote.", "Nobody in particular."]);
        reply.Summary.ShouldStartWith("PolicyBot digest: 4 statements from 3 actors");
    }

    [Fact]
    public void Each_Statement_Shows_Only_Its_First_Quote_With_The_Quotes_Speaker_Or_Else_The_Statements()
    {
        var reply = Build(
            Everything,
            Statement(1, Alert("With speaker", quote: "First words.", speaker: "Mark Zuckerberg"), End.AddHours(-2), speaker: "Someone Else"),
            Statement(2, Alert("Without speaker", quote: "Other words."), End.AddHours(-3), speaker: "Chris Cox"));

        reply.Blocks.OfType<QuoteBlock>().ShouldBe([new QuoteBlock("First words.", "Mark Zuckerberg"), new QuoteBlock("Other words.", "Chris Cox")]);
        reply.Blocks.OfType<QuoteBlock>().ShouldNotContain(q => q.Text.Contains("second quote", StringComparison.Ordinal));
    }

    [Fact]
    public void A_Statement_Without_Quotes_Shows_Its_Summary_Instead()
    {
        var reply = Build(Everything, Statement(1, Alert("No quotes here"), End.AddHours(-2)));

        reply.Blocks.OfType<QuoteBlock>().ShouldBeEmpty();
        reply.Blocks.OfType<TextBlock>().ShouldContain(t => t.Text == "No quotes here: a summary written for the test.");
    }

    [Fact]
    public void Links_Carry_Title_Source_Date_Stance_And_Shift()
    {
        var reply = Build(Everything, Statement(1, Alert("Meta turns cautious", stance: "cautious", shift: "open → cautious", quote: "Careful now."), End.AddHours(-2)));

        var link = reply.Blocks.OfType<ListBlock>().ShouldHaveSingleItem().Items.ShouldHaveSingleItem();
        link.Text.ShouldBe("Meta turns cautious · Test Wire · 2 Nov · cautious · Shift: open → cautious");
        link.Url.ShouldBe("https://news.example/Meta%20turns%20cautious");
    }

    [Fact]
    public void Header_Gives_The_Period_On_The_Subscriptions_Local_Clock()
    {
        var reply = Build(Everything, Statement(1, Alert("Anything", quote: "Words."), End.AddHours(-2)));

        reply.Blocks[0].ShouldBe(new HeaderBlock("PolicyBot digest — Sun 1 Nov 09:00 – Mon 2 Nov 2026 09:00 (Europe/Berlin)"));
        reply.Blocks[1].ShouldBe(new ContextBlock(["1 statement from 1 actor", Everything.Describe()]), new ContextBlockComparer());
        reply.Shared.ShouldBeTrue();
    }

    [Fact]
    public void The_Subscriptions_Filters_Decide_What_Is_Listed()
    {
        var statements = new[]
        {
            Statement(1, Alert("Meta shift", stance: "cautious", shift: "open → cautious", relevance: 0.9, quote: "Shifted."), End.AddHours(-1)),
            Statement(2, Alert("Meta low relevance", relevance: 0.2, quote: "Barely relevant."), End.AddHours(-2)),
            Statement(3, Alert("Mistral no shift", org: "Mistral", relevance: 0.9, quote: "Same as ever."), End.AddHours(-3), actor: "Mistral"),
        };
        var builder = new DigestBuilder();

        var metaOnly = builder.Build(Everything with { Actors = ["meta"] }, Period, statements)!;
        var relevant = builder.Build(Everything with { MinRelevance = 0.5 }, Period, statements)!;
        var shifts = builder.Build(Everything with { ShiftsOnly = true }, Period, statements)!;
        var nobody = builder.Build(Everything with { Actors = ["OpenAI"] }, Period, statements);

        metaOnly.Blocks.OfType<QuoteBlock>().Select(q => q.Text).ShouldBe(["Shifted.", "Barely relevant."]);
        relevant.Blocks.OfType<QuoteBlock>().Select(q => q.Text).ShouldBe(["Shifted.", "Same as ever."]);
        shifts.Blocks.OfType<QuoteBlock>().Select(q => q.Text).ShouldBe(["Shifted."]);
        nobody.ShouldBeNull();
    }

    [Fact]
    public void An_Empty_Period_Gives_No_Message()
    {
        new DigestBuilder().Build(Everything, Period, []).ShouldBeNull();
    }

    [Fact]
    public void A_Busy_Period_Is_Cut_At_The_Cap_With_A_Count_Of_The_Rest_And_A_Hint()
    {
        var statements = Enumerable.Range(1, 40)
            .Select(i => Statement(i, Alert($"Meta item {i}", quote: $"Quote {i}."), End.AddMinutes(-i)))
            .ToArray();

        var reply = Build(Everything, statements);

        reply.Blocks.OfType<QuoteBlock>().Count().ShouldBe(DigestBuilder.MaxStatements);
        reply.Blocks.OfType<QuoteBlock>().First().Text.ShouldBe("Quote 1.");
        reply.Blocks.Last().ShouldBeOfType<ContextBlock>().Items.ShouldHaveSingleItem().ShouldBe("… and 15 more. Use /policy latest to see them all.");
        reply.Summary.ShouldStartWith("PolicyBot digest: 40 statements from 1 actor");
    }

    [Fact]
    public void Many_Actors_Stay_Within_The_Block_Limit_And_The_Rest_Are_Counted()
    {
        var statements = Enumerable.Range(1, 30)
            .Select(i => Statement(i, Alert($"Lab {i} news", org: $"Lab {i}", quote: $"Quote {i}."), End.AddMinutes(-i), actor: $"Lab {i}"))
            .ToArray();

        var reply = Build(Everything, statements);

        reply.Blocks.Count.ShouldBeLessThanOrEqualTo(DigestBuilder.MaxBlocks);
        var shown = reply.Blocks.OfType<QuoteBlock>().Count();
        shown.ShouldBeGreaterThan(5);
        reply.Blocks.Last().ShouldBeOfType<ContextBlock>().Items.Single().ShouldStartWith($"… and {30 - shown} more.");
    }

    [Fact]
    public void Hostile_Text_Passes_Through_As_Plain_Text()
    {
        const string hostile = "<!channel> <script>alert(1)</script> *bold* `code` <https://evil.example|click> &amp; {{card}}";
        var reply = Build(Everything, Statement(1, Alert(hostile, org: "Meta", quote: hostile, speaker: hostile), End.AddHours(-1), actor: hostile));

        reply.Blocks.OfType<QuoteBlock>().ShouldHaveSingleItem().ShouldBe(new QuoteBlock(hostile, hostile));
        Headings(reply).ShouldBe([$"{hostile} · 1 statement"]);
        reply.Blocks.OfType<ListBlock>().Single().Items.Single().Text.ShouldStartWith(hostile + " · Test Wire");
    }

    [Fact]
    public void Oversized_And_Empty_Text_Is_Cut_Or_Kept_Without_Failing()
    {
        var longQuote = string.Join(' ', Enumerable.Repeat("open-weights", 400));
        var unbroken = new string('x', 5000);
        var reply = Build(
            Everything,
            Statement(1, Alert("Long", quote: longQuote), End.AddHours(-1)),
            Statement(2, Alert("Unbroken", quote: unbroken), End.AddHours(-2)),
            Statement(3, Alert("", quote: ""), End.AddHours(-3), actor: " "));

        var quotes = reply.Blocks.OfType<QuoteBlock>().Select(q => q.Text).ToList();
        quotes[0].Length.ShouldBeLessThanOrEqualTo(DigestBuilder.MaxQuoteLength);
        quotes[0].ShouldEndWith("open-weights…");
        quotes[1].Length.ShouldBe(DigestBuilder.MaxQuoteLength);
        quotes[1].ShouldEndWith("x…");
        quotes[2].ShouldBe("");
        Headings(reply).ShouldContain("Other · 1 statement");
    }

    private sealed class ContextBlockComparer : IEqualityComparer<ReplyBlock>
    {
        public bool Equals(ReplyBlock? x, ReplyBlock? y) =>
            x is ContextBlock a && y is ContextBlock b && a.Items.SequenceEqual(b.Items);

        public int GetHashCode(ReplyBlock obj) => 0;
    }
}
