using System.Text.Json.Nodes;
using PolicyBot.Chat;
using PolicyBot.Slack;

namespace PolicyBot.Tests.Slack;

public sealed class BlockKitRendererTests
{
    private readonly BlockKitRenderer renderer = new();

    /// <summary>Every mrkdwn text object's text (plain_text is shown literally by Slack and needs no escaping).</summary>
    private static List<string> MrkdwnTexts(JsonNode? node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() == "mrkdwn" => [o["text"]!.GetValue<string>()],
        JsonObject o => [.. o.Select(p => p.Value).SelectMany(MrkdwnTexts)],
        JsonArray a => [.. a.SelectMany(MrkdwnTexts)],
        _ => [],
    };

    [Fact]
    public void An_Alert_Renders_Header_Context_Summary_Quotes_Changes_Links_Button_And_Why()
    {
        var message = renderer.Render(TestReplies.Alert());

        var types = message.Blocks.Select(b => b!["type"]!.GetValue<string>()).ToList();
        types.ShouldBe(["header", "context", "section", "section", "section", "section", "section", "section", "actions", "context"]);
        message.Blocks[1]!["elements"]!.AsArray().Select(e => e!["text"]!.GetValue<string>()).ShouldContain("Shift: open → cautious");
        message.Blocks[3]!["text"]!["text"]!.GetValue<string>().ShouldBe("> We'll need to be careful about what we choose to open-source.\n— Mark Zuckerberg");
        message.Blocks[7]!["text"]!["text"]!.GetValue<string>().ShouldBe("*Also reported by*\n• <https://second.example/story?id=1&amp;src=rss|Second Outlet>");
        message.Blocks[8]!["elements"]![0]!["url"]!.GetValue<string>().ShouldBe("https://wire.example/meta-open-source");
        message.Text.ShouldStartWith("Meta · cautious · Shift: open → cautious\n");
        BlockKitLimits.Check(message.Blocks, 50).ShouldBeEmpty();
    }

    [Fact]
    public void The_Fallback_Does_Not_Repeat_A_Text_Block_That_Says_The_Same_As_The_Summary()
    {
        var reply = new Reply("Subscribed general: Meta · shifts only.", [new TextBlock("Subscribed general: Meta · shifts only."), new TextBlock("Alerts will follow.")]);

        var text = renderer.RenderFallback(reply);

        text.ShouldBe("Subscribed general: Meta · shifts only.\nAlerts will follow.");
    }

    [Fact]
    public void Long_And_Hostile_Input_Stays_Within_Every_Limit()
    {
        var message = renderer.Render(TestReplies.Hostile());

        BlockKitLimits.Check(message.Blocks, BlockKitRenderer.MaxMessageBlocks).ShouldBeEmpty();
        message.Blocks.Count.ShouldBe(50);
        message.Blocks[^1]!["type"]!.GetValue<string>().ShouldBe("context");
        message.Text.Length.ShouldBeLessThanOrEqualTo(BlockKitRenderer.MaxFallbackText);
        message.Blocks[0]!["text"]!["text"]!.GetValue<string>().ShouldEndWith("…");
    }

    [Fact]
    public void Control_Characters_Of_Mrkdwn_Are_Escaped_In_Every_Text_So_No_Mention_Or_Link_Is_Injected()
    {
        var message = renderer.Render(TestReplies.Hostile(size: 10));

        var texts = MrkdwnTexts(message.Blocks);
        texts.Count.ShouldBeGreaterThan(10); // there is content to check
        foreach (var text in texts.Append(message.Text))
        {
            text.ShouldNotContain("<!channel>");
            text.ShouldNotContain("<@U123>");
            text.ShouldNotContain("<https://evil.example|click>");
            text.ShouldNotContain("javascript:");
            text.ShouldNotContain("\u0000");
        }

        message.Text.ShouldContain("&lt;!channel&gt;");
    }

    [Fact]
    public void Plain_Text_Objects_Are_Not_Entity_Escaped()
    {
        var message = renderer.Render(new Reply("R&D <news>", [new HeaderBlock("R&D <news>"), new ActionsBlock([new ReplyButton("Q&A", Command: "help")])]));

        message.Blocks[0]!["text"]!["text"]!.GetValue<string>().ShouldBe("R&D <news>");
        message.Blocks[1]!["elements"]![0]!["text"]!["text"]!.GetValue<string>().ShouldBe("Q&A");
        message.Text.ShouldBe("R&amp;D &lt;news&gt;");
    }

    [Fact]
    public void Emphasis_Spans_Become_Bold_Without_Breaking_On_Stars_Spaces_Or_Bad_Spans()
    {
        var text = "open weights are *risky* says A & B";
        var block = new TextBlock(text, [new TextSpan(0, 13), new TextSpan(5, 2), new TextSpan(17, 7), new TextSpan(30, 99)]);

        var rendered = renderer.Render(new Reply("hit", [block])).Blocks[0]!["text"]!["text"]!.GetValue<string>();

        rendered.ShouldBe("*open weights* are *risky* says A &amp; B");
    }

    [Fact]
    public void Emphasis_Survives_Truncation_Without_A_Dangling_Star_Or_Half_An_Entity()
    {
        var text = string.Concat(Enumerable.Repeat("a & b ", 800));
        var spans = Enumerable.Range(0, 800).Select(i => new TextSpan(i * 6, 1)).ToList();

        var rendered = renderer.Render(new Reply("hits", [new TextBlock(text, spans)])).Blocks[0]!["text"]!["text"]!.GetValue<string>();

        rendered.Length.ShouldBeLessThanOrEqualTo(3000);
        rendered.ShouldEndWith("…");
        (rendered.Count(c => c == '*') % 2).ShouldBe(0);
        rendered.ShouldNotContain("&am…");
    }

    [Fact]
    public void Buttons_Run_Commands_Or_Open_Links_And_Danger_Ones_Ask_First()
    {
        var reply = new Reply("s", [new ActionsBlock([
            new ReplyButton("Pause", Command: "sources pause 12"),
            new ReplyButton("Remove", Command: "sources remove 12", Style: ButtonStyle.Danger),
            new ReplyButton("Open", "https://example.org/"),
            new ReplyButton("Nothing"),
            new ReplyButton("Bad link", "javascript:alert(1)"),
        ])]);

        var elements = renderer.Render(reply).Blocks[0]!["elements"]!.AsArray();

        elements.Count.ShouldBe(3);
        elements[0]!["value"]!.GetValue<string>().ShouldBe("sources pause 12");
        elements[0]!["action_id"]!.GetValue<string>().ShouldStartWith(BlockKitRenderer.CommandActionPrefix);
        elements[1]!["style"]!.GetValue<string>().ShouldBe("danger");
        elements[1]!["confirm"].ShouldNotBeNull();
        elements[2]!["url"]!.GetValue<string>().ShouldBe("https://example.org/");
    }

    [Fact]
    public void An_Empty_Reply_Still_Renders_One_Block_And_A_Fallback()
    {
        var message = renderer.Render(new Reply("", [new TextBlock("  "), new HeaderBlock(""), new ContextBlock([]), new ListBlock("", [])]));

        message.Blocks.Count.ShouldBe(1);
        message.Text.ShouldBe("PolicyBot");
        BlockKitLimits.Check(message.Blocks, 50).ShouldBeEmpty();
    }

    [Fact]
    public void A_Cut_Never_Splits_A_Surrogate_Pair()
    {
        var header = new string('a', 148) + "😀😀";

        var text = renderer.Render(new Reply("x", [new HeaderBlock(header)])).Blocks[0]!["text"]!["text"]!.GetValue<string>();

        text.Length.ShouldBeLessThanOrEqualTo(150);
        text.ShouldEndWith("…");
        char.IsHighSurrogate(text[^2]).ShouldBeFalse();
    }

    [Fact]
    public void A_Shared_Ok_Reply_Goes_In_Channel_And_An_Error_Only_To_The_Asker()
    {
        renderer.RenderResponse(new Reply("x", [new TextBlock("x")]) { Shared = true })["response_type"]!.GetValue<string>().ShouldBe("in_channel");
        renderer.RenderResponse(new Reply("x", [new TextBlock("x")]))["response_type"]!.GetValue<string>().ShouldBe("ephemeral");
        renderer.RenderResponse(Reply.Error("bad") with { Shared = true })["response_type"]!.GetValue<string>().ShouldBe("ephemeral");
    }
}
