using PolicyBot.Commands;

namespace PolicyBot.Tests.Commands;

public sealed class CommandTextTests
{
    private static List<string> Words(string text) => CommandText.Tokenize(text).Select(t => t.Quoted ? $"«{t.Text}»" : t.Text).ToList();

    [Theory]
    [InlineData("search open weights", new[] { "search", "open", "weights" })]
    [InlineData("search \"open weights\" meta", new[] { "search", "«open weights»", "meta" })]
    [InlineData("search “open   weights”", new[] { "search", "«open weights»" })]
    [InlineData("search „open weights“", new[] { "search", "«open weights»" })]
    [InlineData("search «open weights»", new[] { "search", "«open weights»" })]
    [InlineData("search “open weights\"", new[] { "search", "«open weights»" })]
    [InlineData("search \"unclosed phrase", new[] { "search", "«unclosed phrase»" })]
    [InlineData("search \"\" x", new[] { "search", "x" })]
    [InlineData("Meta’s plans", new[] { "Meta’s", "plans" })]
    [InlineData("  /policy   meta  ", new[] { "meta" })]
    [InlineData("/POLICY meta", new[] { "meta" })]
    [InlineData("\"/policy\" meta", new[] { "«/policy»", "meta" })]
    [InlineData("a\tb\nc\u00A0d\u3000e", new[] { "a", "b", "c", "d", "e" })]
    [InlineData("me\u200Bta", new[] { "meta" })]
    [InlineData("\u0000\u0007meta\u001B", new[] { "meta" })]
    [InlineData("", new string[0])]
    [InlineData("   ", new string[0])]
    public void Words_And_Quoted_Phrases_Are_Split_Out(string text, string[] expected)
    {
        var words = Words(text);

        words.ShouldBe(expected);
    }

    [Fact]
    public void Lone_Surrogates_Become_Replacement_Characters_Instead_Of_Failing()
    {
        var tokens = CommandText.Tokenize("meta \uD800 x\uDC00y 🦙");

        tokens.Select(t => t.Text).ShouldBe(["meta", "\uFFFD", "x\uFFFDy", "🦙"]);
    }

    [Fact]
    public void Combining_Characters_Are_Composed()
    {
        var tokens = CommandText.Tokenize("Me\u0301ta");

        tokens.ShouldHaveSingleItem().Text.ShouldBe("Méta");
    }

    [Fact]
    public void Oversized_Input_Is_Tokenized_Without_Failing()
    {
        var tokens = CommandText.Tokenize(string.Concat(Enumerable.Repeat("\"a ", 50_000)));

        tokens.Count.ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData("Meta", "meta")]
    [InlineData("  Mark   Zuckerberg? ", "mark zuckerberg")]
    [InlineData("ＭＥＴＡ", "meta")]
    [InlineData("\"openai\"", "openai")]
    [InlineData("...", "")]
    public void Fold_Gives_The_Comparable_Form(string text, string expected)
    {
        CommandText.Fold(text).ShouldBe(expected);
    }
}
