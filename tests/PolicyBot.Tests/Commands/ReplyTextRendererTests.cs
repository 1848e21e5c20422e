using PolicyBot.Chat;

namespace PolicyBot.Tests.Commands;

public sealed class ReplyTextRendererTests
{
    [Fact]
    public void Every_Block_Kind_Is_Rendered_As_Plain_Text()
    {
        var reply = new Reply("summary",
        [
            new HeaderBlock("Meta"),
            new TextBlock("the open weights model", [new TextSpan(4, 4), new TextSpan(9, 7)]),
            new ContextBlock(["2025-07-30", "Stance: cautious"]),
            new QuoteBlock("careful about what we choose to open-source", "Mark Zuckerberg"),
            new QuoteBlock("unattributed", null),
            new FieldsBlock([new ReplyField("Kind", "feed")]),
            new ListBlock("Also reported by", [new ReplyLink("Outlet B", "https://b.example/x"), new ReplyLink("plain")]),
            new DividerBlock(),
            new ActionsBlock([new ReplyButton("Open source", Url: "https://a.example/"), new ReplyButton("Pause", Command: "sources pause 1"), new ReplyButton("Nothing")]),
        ]);

        var text = ReplyTextRenderer.Render(reply);

        text.ReplaceLineEndings("\n").ShouldBe(
            """
            Meta
            ====
            the *open* *weights* model
              2025-07-30 · Stance: cautious
              > “careful about what we choose to open-source” — Mark Zuckerberg
              > “unattributed”
              Kind: feed
            Also reported by:
              - Outlet B <https://b.example/x>
              - plain
            ---
              [Open source] https://a.example/  [Pause] → sources pause 1  [Nothing]

            """);
    }

    [Fact]
    public void A_Reply_Without_Blocks_Shows_Its_Summary()
    {
        ReplyTextRenderer.Render(new Reply("Only a summary", [])).ShouldBe("Only a summary" + Environment.NewLine);
    }

    [Theory]
    [InlineData(-1, 2)]
    [InlineData(2, 50)]
    [InlineData(0, 0)]
    public void Spans_Outside_The_Text_Are_Ignored(int start, int length)
    {
        var text = ReplyTextRenderer.Render(new Reply("s", [new TextBlock("abc", [new TextSpan(start, length)])]));

        text.ShouldBe("abc" + Environment.NewLine);
    }
}
