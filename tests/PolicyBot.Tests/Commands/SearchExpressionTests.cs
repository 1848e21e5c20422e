using PolicyBot.Chat;
using PolicyBot.Commands;

namespace PolicyBot.Tests.Commands;

public sealed class SearchExpressionTests
{
    [Theory]
    [InlineData("open weights", "\"open\" \"weights\"")]
    [InlineData("\"open weights\" meta", "\"open weights\" \"meta\"")]
    [InlineData("open AND OR NOT", "\"open\" \"AND\" \"OR\" \"NOT\"")]
    [InlineData("NEAR(a b) col:x ^start pre*", "\"NEAR(a\" \"b)\" \"col:x\" \"^start\" \"pre*\"")]
    [InlineData("say\"s \"x\"", "\"say\"\"s\" \"x\"")]
    [InlineData("-open +closed", "\"-open\" \"+closed\"")]
    [InlineData("Open open OPEN", "\"Open\"")]
    [InlineData("... !! \"\"", null)]
    [InlineData("", null)]
    public void Every_Word_And_Phrase_Becomes_A_Quoted_Fts_String(string typed, string? expected)
    {
        var expression = SearchExpression.Build(CommandText.Tokenize(typed));

        expression.ShouldBe(expected);
    }

    [Fact]
    public void Terms_Beyond_The_Limit_Are_Dropped()
    {
        var typed = string.Join(' ', Enumerable.Range(0, 50).Select(i => $"w{i}"));

        var expression = SearchExpression.Build(CommandText.Tokenize(typed))!;

        expression.Split(' ').Length.ShouldBe(SearchExpression.MaxTerms);
    }

    [Fact]
    public void Hit_Markers_Become_Emphasis_Spans_And_Disappear_From_The_Text()
    {
        var block = SearchExpression.Highlight("…the \u0002open\u0003 \u0002weights\u0003 of its model…");

        block.Text.ShouldBe("…the open weights of its model…");
        block.Emphasis.ShouldBe([new TextSpan(5, 4), new TextSpan(10, 7)]);
    }

    [Theory]
    [InlineData("no markers", "no markers")]
    [InlineData("\u0003stray end \u0002unclosed", "stray end unclosed")]
    [InlineData("\u0002\u0003empty", "empty")]
    public void Malformed_Markers_Never_Make_Bad_Spans(string snippet, string text)
    {
        var block = SearchExpression.Highlight(snippet);

        block.Text.ShouldBe(text);
        block.Emphasis.ShouldBeNull();
    }
}
