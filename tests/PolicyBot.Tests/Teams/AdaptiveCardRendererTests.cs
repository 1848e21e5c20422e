using System.Text;
using System.Text.Json.Nodes;
using PolicyBot.Chat;
using PolicyBot.Teams;

namespace PolicyBot.Tests.Teams;

public sealed class AdaptiveCardRendererTests
{
    private readonly AdaptiveCardRenderer renderer = new();

    /// <summary>An alert as the integrator's AlertMessage shapes it (quoted words: Mark Zuckerberg, Meta, July 2024 letter).</summary>
    public static Reply AlertReply() => new(
        "Meta: \"careful about what we choose to open-source\"",
        [
            new HeaderBlock("Meta signals caution on open-sourcing its most capable models"),
            new ContextBlock(["Outlet A", "2 Nov 2026 08:40 UTC", "Stance: cautious", "Shift: open → cautious"]),
            new TextBlock("Meta's chief executive wrote that the company will be more careful about which models it releases openly."),
            new QuoteBlock("We'll need to be rigorous about mitigating these risks and careful about what we choose to open-source.", "Mark Zuckerberg"),
            new ListBlock("What changed", [new ReplyLink("Added: \"careful about what we choose to open-source\""), new ReplyLink("Removed: \"open source AI is the path forward\"")]),
            new ListBlock("Also reported by", [new ReplyLink("Outlet B", "https://outlet-b.example/meta-open-weights"), new ReplyLink("Outlet C", "https://outlet-c.example/news?id=7&src=rss")]),
            new DividerBlock(),
            new ActionsBlock([new ReplyButton("Open source", Url: "https://outlet-a.example/zuckerberg", Style: ButtonStyle.Primary), new ReplyButton("Pause this source", Command: "sources pause 12", Style: ButtonStyle.Danger)]),
            new ContextBlock(["Why you got this: Meta is in this channel's subscription"]),
        ]);

    private static JsonObject Card(JsonObject activity) => activity["attachments"]![0]!["content"]!.AsObject();

    [Fact]
    public async Task Alert_Card_Is_Valid_Adaptive_Card_1_5_With_The_Alerts_Content()
    {
        var activity = renderer.RenderActivity(AlertReply());
        var card = Card(activity);
        var json = card.ToJsonString();

        (await CardSchema.ValidateCardAsync(json)).ShouldBeEmpty();
        card["version"]!.GetValue<string>().ShouldBe("1.5");
        var body = card["body"]!.AsArray();
        body[0]!["size"]!.GetValue<string>().ShouldBe("Large");
        body[1]!["text"]!.GetValue<string>().ShouldContain("Shift: open → cautious");
        body[3]!["type"]!.GetValue<string>().ShouldBe("Container");
        body[3]!["items"]![1]!["text"]!.GetValue<string>().ShouldBe("— Mark Zuckerberg");
        json.ShouldContain("careful about what we choose to open-source");
        json.ShouldContain("[Outlet B](https://outlet-b.example/meta-open-weights)");
        var actions = body.Single(e => e!["type"]!.GetValue<string>() == "ActionSet")!;
        actions["separator"]!.GetValue<bool>().ShouldBeTrue();
        actions["actions"]![0]!["type"]!.GetValue<string>().ShouldBe("Action.OpenUrl");
        actions["actions"]![0]!["style"]!.GetValue<string>().ShouldBe("positive");
        actions["actions"]![1]!["type"]!.GetValue<string>().ShouldBe("Action.Submit");
        actions["actions"]![1]!["data"]!["command"]!.GetValue<string>().ShouldBe("sources pause 12");
        activity["summary"]!.GetValue<string>().ShouldStartWith("Meta:");
        activity.ContainsKey("text").ShouldBeFalse();
    }

    [Fact]
    public async Task The_Integrators_Alert_Message_Renders_Every_Part_In_A_Valid_Card()
    {
        var alert = new PolicyBot.Alerting.Alert
        {
            Kind = "changed",
            Title = "Meta narrows what it will open-source",
            Url = "https://outlet-a.example/zuckerberg",
            Source = "Outlet A",
            PublishedAt = new DateTimeOffset(2026, 11, 2, 8, 40, 0, TimeSpan.Zero),
            Orgs = ["Meta"],
            Stance = "cautious",
            Shift = "open → cautious",
            Summary = "Meta's chief executive wrote that the company will be careful about which models it releases openly.",
            Quotes = [new PolicyBot.Alerting.AlertQuote("We'll need to be rigorous about mitigating these risks and careful about what we choose to open-source.", "Mark Zuckerberg", "Meta", "cautious")],
            AlsoReportedBy = ["https://www.outlet-b.example/meta-open-weights"],
            Change = new PolicyBot.Alerting.AlertChange(["Added sentence."], ["Removed sentence."]),
            Matched = ["open-source AI"],
        };

        var card = Card(renderer.RenderActivity(PolicyBot.Alerting.AlertMessage.Build(alert, "this channel follows Meta")));
        var json = card.ToJsonString(AdaptiveCardRenderer.WireJson);

        (await CardSchema.ValidateCardAsync(card.ToJsonString())).ShouldBeEmpty();
        card["body"]![0]!["text"]!.GetValue<string>().ShouldBe("Meta: Meta narrows what it will open-source");
        json.ShouldContain("Shift: open → cautious");
        json.ShouldContain("— Mark Zuckerberg");
        json.ShouldContain("Added sentence");
        json.ShouldContain("Removed sentence");
        card.ToJsonString(AdaptiveCardRenderer.WireJson).ShouldContain(@"[outlet-b.example](https://www.outlet-b.example/meta-open-weights)");
        json.ShouldContain("\"type\":\"Action.OpenUrl\",\"title\":\"Open source\",\"url\":\"https://outlet-a.example/zuckerberg\"");
        json.ShouldContain("Why you got this");
    }

    [Fact]
    public void Markdown_In_Untrusted_Text_Is_Escaped()
    {
        var reply = new Reply("x", [new TextBlock("**not bold** _no_ [click](https://evil.example) <at>Everyone</at>\n1. not a list # no heading\n- not a bullet\n  # not a heading (2026-11-22)")]);

        var text = Card(renderer.RenderActivity(reply))["body"]![0]!["text"]!.GetValue<string>();

        text.ShouldBe("\\*\\*not bold\\*\\* \\_no\\_ \\[click\\](https://evil.example) \\<at\\>Everyone\\</at\\>\n1\\. not a list # no heading\n\\- not a bullet\n  \\# not a heading (2026-11-22)");
    }

    [Fact]
    public void Emphasis_Spans_Become_Bold_And_Bad_Spans_Are_Ignored()
    {
        var reply = new Reply("x", [new TextBlock("open weights and open_source", [new TextSpan(0, 12), new TextSpan(5, 3), new TextSpan(17, 11), new TextSpan(40, 2)])]);

        var text = Card(renderer.RenderActivity(reply))["body"]![0]!["text"]!.GetValue<string>();

        text.ShouldBe("**open weights** and **open\\_source**");
    }

    [Fact]
    public async Task Oversized_Reply_Stays_Under_The_Size_Limit_Keeps_Its_Buttons_And_Says_So()
    {
        var blocks = new List<ReplyBlock> { new HeaderBlock(new string('H', 5000)) };
        blocks.AddRange(Enumerable.Range(0, 200).Select(i => new QuoteBlock($"{i} " + new string('q', 5000) + "😀", new string('s', 500))));
        blocks.Add(new ActionsBlock([new ReplyButton("Open source", Url: "https://example.org/a")]));

        var activity = renderer.RenderActivity(new Reply(new string('S', 5000), blocks));
        var json = activity.ToJsonString(AdaptiveCardRenderer.WireJson);

        Encoding.UTF8.GetByteCount(json).ShouldBeLessThanOrEqualTo(AdaptiveCardRenderer.MaxActivityBytes);
        (await CardSchema.ValidateCardAsync(Card(activity).ToJsonString())).ShouldBeEmpty();
        json.ShouldContain("Action.OpenUrl");
        json.ShouldContain("left out to fit");
        Card(activity)["body"]!.AsArray().Count.ShouldBeGreaterThan(3);
    }

    [Fact]
    public async Task Hostile_Urls_Are_Dropped_From_Buttons_And_Links()
    {
        var reply = new Reply("x",
        [
            new ListBlock("Links", [new ReplyLink("bad", "javascript:alert(1)"), new ReplyLink("odd)", "https://example.org/a(b)c")]),
            new ActionsBlock([new ReplyButton("Run", Url: "javascript:alert(1)"), new ReplyButton("Data", Url: "data:text/html,hi"), new ReplyButton("Ok", Url: "https://example.org/")]),
        ]);

        var card = Card(renderer.RenderActivity(reply));
        var json = card.ToJsonString();

        (await CardSchema.ValidateCardAsync(json)).ShouldBeEmpty();
        json.ShouldNotContain("javascript:");
        json.ShouldNotContain("data:text");
        card["body"]![1]!["text"]!.GetValue<string>().ShouldBe("- bad\n- [odd)](https://example.org/a%28b%29c)");
        card["body"]![2]!["actions"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task Empty_Reply_Still_Makes_A_Valid_Card()
    {
        var card = Card(renderer.RenderActivity(new Reply("", [])));

        (await CardSchema.ValidateCardAsync(card.ToJsonString())).ShouldBeEmpty();
        card["body"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task Every_Block_Kind_And_Error_Outcome_Render_To_A_Valid_Card()
    {
        var reply = Reply.Error("Unknown command \"frobnicate\".", "Try: help") with { };
        var all = new Reply("all", [
            new HeaderBlock("h"), new TextBlock("t"), new ContextBlock(["a", "b"]), new QuoteBlock("q", null), new FieldsBlock([new ReplyField("Last check", "09:00 *UTC*")]),
            new ListBlock("", []), new ListBlock("Empty", []), new ActionsBlock([]), new DividerBlock(), new ContextBlock([]),
        ]);

        var error = Card(renderer.RenderActivity(reply));
        var every = Card(renderer.RenderActivity(all));

        (await CardSchema.ValidateCardAsync(error.ToJsonString())).ShouldBeEmpty();
        (await CardSchema.ValidateCardAsync(every.ToJsonString())).ShouldBeEmpty();
        error["body"]![0]!["color"]!.GetValue<string>().ShouldBe("Attention");
        every.ToJsonString().ShouldContain("FactSet");
    }

    [Fact]
    public async Task Admin_Card_Is_A_Valid_Adaptive_Card_1_5()
    {
        (await CardSchema.ValidateCardAsync(AdminCardBuilder.Card().ToJsonString())).ShouldBeEmpty();
    }

    [Fact]
    public async Task Schema_Check_Can_Fail()
    {
        var card = Card(renderer.RenderActivity(AlertReply()));
        card["body"]![0]!["size"] = "Gigantic";

        (await CardSchema.ValidateCardAsync(card.ToJsonString())).ShouldNotBeEmpty();
    }
}
