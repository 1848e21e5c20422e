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

    [Fact]
    public void Terminal_Escapes_Bidi_Overrides_And_Forged_Lines_From_Untrusted_Text_Never_Reach_The_Terminal()
    {
        const string Hostile = "Mistral \u001b]8;;http://evil.example/\u001b\\open weights\u001b[2J\u001b[31m red\u001b[0m\a \u202Egnp.exe\u202C";
        var reply = new Reply("summary",
        [
            new HeaderBlock(Hostile),
            new TextBlock("line one\r\nline two \u001b[31mhit\u001b[0m", [new TextSpan(24, 3)]),
            new ContextBlock([Hostile]),
            new QuoteBlock(Hostile, Hostile),
            new FieldsBlock([new ReplyField("Title", Hostile + "\n  [Remove] → sources remove 1")]),
            new ListBlock(Hostile, [new ReplyLink(Hostile, "https://a.example/\u001b[2J")]),
            new ActionsBlock([new ReplyButton(Hostile, Command: "sources pause 1\u001b[2J")]),
        ]);

        var text = ReplyTextRenderer.Render(reply).ReplaceLineEndings("\n");

        text.ShouldNotContain('\u001b');
        text.ShouldNotContain('\a');
        text.ShouldNotContain('\r');
        text.ShouldNotContain('\u202E');
        text.ShouldNotContain('\u202C');
        text.ShouldContain("line one\nline two [31m*hit*[0m");
        text.ShouldContain("  Title: Mistral ]8;;http://evil.example/\\open weights[2J[31m red[0m gnp.exe   [Remove] → sources remove 1\n");
        text.Split('\n').Count(l => l.Contains("[Remove]", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public void A_Reply_Without_Blocks_Prints_Its_Summary_Without_Control_Characters()
    {
        var text = ReplyTextRenderer.Render(new Reply("done\u001b[2J\nforged", []));

        text.ShouldBe("done[2J forged" + Environment.NewLine);
    }
}
