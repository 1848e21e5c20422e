using PolicyBot.Analysis.Summaries;

namespace PolicyBot.Tests.Analysis.Summaries;

public sealed class SummaryScreenTests
{
    // Written for these tests; the people are invented.
    private const string Source =
        "Senator Ana Ruiz said open models \"help small companies compete\" and warned against rules that\n" +
        "\"only the largest labs can afford.\" The lab’s director, Tom Berg, said they aren't “ready to publish the weights yet.”";

    private readonly SummaryScreen _screen = new();

    [Fact]
    public void Plain_Summary_Is_Accepted_With_Whitespace_Collapsed()
    {
        var verdict = _screen.Check("  Senator Ana Ruiz backed open models.\n\nTom Berg said his lab\twould wait.  ", Source);

        verdict.Rejection.ShouldBeNull();
        verdict.Summary.ShouldBe("Senator Ana Ruiz backed open models. Tom Berg said his lab would wait.");
    }

    [Theory]
    [InlineData("Ruiz said open models \"help small companies compete.\"")]
    [InlineData("Ruiz said open models \u201Chelp small companies compete,\u201D Berg disagreed.")]
    [InlineData("Ruiz warned about rules \u00ABonly the largest labs can afford\u00BB.")]
    [InlineData("Ruiz warned about rules \u2039only the largest   labs can afford\u203A.")]
    [InlineData("Ruiz warned about rules \u201Eonly the largest labs can afford\u201C.")]
    [InlineData("Berg said the lab isn\u2019t \u2018ready to publish the weights yet.\u2019")]
    [InlineData("Berg said they aren\u2019t \u201Cready to publish the weights yet\u201D; the lab\u2019s plans are unclear.")]
    [InlineData("Ruiz warned against rules that \u201Conly the largest labs can afford.\u201D")]
    [InlineData("The \u201Clab's director\u201D spoke.")]
    public void Verbatim_Quotation_In_Any_Quote_Style_Is_Accepted(string output)
    {
        var verdict = _screen.Check(output, Source);

        verdict.Rejection.ShouldBeNull();
        verdict.Summary.ShouldBe(output.Replace("   ", " "));
    }

    [Theory]
    [InlineData("Ruiz said open models \"help startups compete.\"")]
    [InlineData("Ruiz called open models \u201Ca public good.\u201D")]
    [InlineData("Ruiz called them \u00ABessential\u00BB.")]
    [InlineData("Berg said they are \u2018not ready\u2019 yet.")]
    [InlineData("Ruiz said open models \u201CHelp small companies compete.\u201D")]
    [InlineData("Ruiz said open models \u201Chelp small companies compete\u201D and \u201Cmust stay free.\u201D")]
    public void Quotation_Not_In_The_Source_Is_Rejected(string output)
    {
        var verdict = _screen.Check(output, Source);

        verdict.Summary.ShouldBeNull();
        verdict.Rejection.ShouldBe("quotation not found verbatim in the source");
    }

    [Theory]
    [InlineData("Ruiz said open models \u201Chelp small companies compete.")]
    [InlineData("Ruiz said open models \"help small companies compete.")]
    [InlineData("Ruiz said open models help small companies compete.\u201D")]
    [InlineData("Ruiz said \u00ABopen models help.")]
    [InlineData("Berg said \u2018they aren\u2019t ready")]
    public void Unbalanced_Quotation_Marks_Are_Rejected(string output)
    {
        _screen.Check(output, Source).Rejection.ShouldBe("unbalanced quotation marks");
    }

    [Theory]
    [InlineData("Ruiz said \u201C\u201D about it.")]
    [InlineData("Ruiz said \" , \" about it.")]
    public void Empty_Quotation_Is_Rejected(string output)
    {
        _screen.Check(output, Source).Rejection.ShouldBe("empty quotation");
    }

    [Fact]
    public void Apostrophes_Alone_Are_Not_Quotations()
    {
        var verdict = _screen.Check("The lab's director said they aren't ready; Ruiz's view differs.", Source);

        verdict.Rejection.ShouldBeNull();
    }

    [Theory]
    [InlineData("Read more at https://example.org/a.")]
    [InlineData("Read more at www.example.org today.")]
    [InlineData("The draft is at example.gov/ai-rules now.")]
    [InlineData("Ruiz <b>backed</b> open models.")]
    [InlineData("Ruiz backed open models &amp; data.")]
    [InlineData("Ruiz backed [open models](x).")]
    [InlineData("Ruiz **backed** open models.")]
    [InlineData("Ruiz backed `open` models.")]
    [InlineData("# Summary\nRuiz backed open models.")]
    [InlineData("Points:\n- Ruiz backed open models.\n- Berg waits.")]
    [InlineData("1. Ruiz backed open models.")]
    [InlineData("<script>alert(1)</script>")]
    public void Urls_And_Markup_Are_Rejected(string output)
    {
        _screen.Check(output, Source).Rejection.ShouldBe("URL or markup");
    }

    [Theory]
    [InlineData("Ruiz backed open models \u2013 and Berg waits - for now.")]
    [InlineData("Mistral.AI and Character.AI were not mentioned; 3 < 4 and 5 > 2.")]
    [InlineData("Ruiz said 2 things: open models matter, and rules cost money.")]
    public void Ordinary_Punctuation_Is_Not_Mistaken_For_Markup(string output)
    {
        _screen.Check(output, Source).Rejection.ShouldBeNull();
    }

    [Theory]
    [InlineData("Ruiz backed open\u0007 models.")]
    [InlineData("Ruiz backed \u202Eopen models.")]
    [InlineData("Ruiz backed open\u200B models.")]
    [InlineData("Ruiz backed open \uFFFD models.")]
    public void Control_And_Invisible_Characters_Are_Rejected(string output)
    {
        _screen.Check(output, Source).Rejection.ShouldBe("control or invisible characters");
    }

    [Theory]
    [InlineData("I'm sorry, but I can't summarise this text.")]
    [InlineData("As an AI language model, I cannot do that.")]
    public void Refusals_Are_Rejected(string output)
    {
        _screen.Check(output, Source).Rejection.ShouldBe("refusal");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n\t ")]
    public void Empty_Output_Is_Rejected(string? output)
    {
        _screen.Check(output, Source).Rejection.ShouldBe("empty output");
    }

    [Fact]
    public void Output_Of_Exactly_600_Characters_Is_Kept_Whole()
    {
        var output = new string('a', 598) + ".";
        output = "A" + output;

        _screen.Check(output, Source).Summary.ShouldBe(output);
    }

    [Fact]
    public void Long_Output_Is_Cut_To_The_Last_Whole_Sentence_Within_600()
    {
        var first = "Ruiz backed open models and said rules must stay cheap. " + new string('x', 300) + ".";
        var second = " Berg, whose lab works with Dr. Smith and Mr. Jones on U.S. projects, said the lab would wait " + new string('y', 120) + ".";
        var third = " A third sentence pushes the summary over the limit " + new string('z', 200) + ".";
        var output = first + second + third;

        var verdict = _screen.Check(output, Source);

        verdict.Summary.ShouldBe(first + second);
        verdict.Summary!.Length.ShouldBeLessThanOrEqualTo(SummaryScreen.MaxLength);
    }

    [Fact]
    public void Long_Output_Is_Not_Cut_After_An_Abbreviation()
    {
        var output = "Ruiz spoke with Dr. Berg about open models " + new string('x', 700) + ".";

        _screen.Check(output, Source).Rejection.ShouldStartWith("too long");
    }

    [Fact]
    public void Cut_That_Leaves_A_Closing_Quote_Keeps_It_And_Checks_It()
    {
        var output = "Ruiz said open models \u201Chelp small companies compete.\u201D " + new string('X', 700) + ".";

        _screen.Check(output, Source).Summary.ShouldBe("Ruiz said open models \u201Chelp small companies compete.\u201D");
    }

    [Fact]
    public void Oversized_Output_Without_Sentence_Ends_Is_Rejected_Quickly()
    {
        var output = string.Concat(Enumerable.Repeat("word \u201Copen ", 100_000));

        _screen.Check(output, Source).Rejection.ShouldStartWith("too long");
    }

    [Fact]
    public void Hostile_Quote_Storm_Is_Rejected()
    {
        var output = "Ruiz said " + string.Concat(Enumerable.Repeat("\u201Chelp\u201D ", 50)) + "\u201Cpwned\u201D.";

        _screen.Check(output, Source).Rejection.ShouldBe("quotation not found verbatim in the source");
    }

    [Fact]
    public void Quotation_Checked_Against_Empty_Source_Is_Rejected()
    {
        _screen.Check("Ruiz said \u201Chelp\u201D.", "").Rejection.ShouldBe("quotation not found verbatim in the source");
    }
}
