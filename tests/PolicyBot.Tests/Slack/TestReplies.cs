using PolicyBot.Chat;

namespace PolicyBot.Tests.Slack;

/// <summary>Replies shaped like the integrator's alert message (written here until Alerting/AlertMessage is merged),
/// and hostile variants.</summary>
public static class TestReplies
{
    public static Reply Alert(string title = "Meta: we'll be careful about what we choose to open-source") => new(
        "Meta · cautious · Shift: open → cautious",
        [
            new HeaderBlock(title),
            new ContextBlock(["Example Wire", "2 Nov 2026 09:00 UTC", "Stance: cautious", "Shift: open → cautious"]),
            new TextBlock("Meta signalled a more careful approach to releasing its most capable models openly."),
            new QuoteBlock("We'll need to be careful about what we choose to open-source.", "Mark Zuckerberg"),
            new QuoteBlock("Open source is the path forward for most models.", "Mark Zuckerberg"),
            new ListBlock("Added", [new ReplyLink("We will release frontier models under review.")]),
            new ListBlock("Removed", [new ReplyLink("All our models will be released openly.")]),
            new ListBlock("Also reported by", [new ReplyLink("Second Outlet", "https://second.example/story?id=1&src=rss")]),
            new ActionsBlock([new ReplyButton("Open source", "https://wire.example/meta-open-source")]),
            new ContextBlock(["Why you got this: matched open-source, Meta; subscription #general (Meta)"]),
        ]);

    /// <summary>Every field oversized and full of markup, mentions and control characters.</summary>
    public static Reply Hostile(int size = 50_000)
    {
        var hostile = "<!channel> <@U123> <https://evil.example|click> *bold* & ` ~ \u0000\u0007 " + new string('x', size) + " 😀";
        return new Reply(
            hostile,
            [
                new HeaderBlock(hostile),
                new ContextBlock([.. Enumerable.Repeat(hostile, 30)]),
                new TextBlock(hostile, [new TextSpan(0, 10), new TextSpan(5, 3), new TextSpan(-1, 4), new TextSpan(20, 1_000_000)]),
                new QuoteBlock(hostile + "\n> not a quote marker\n" + hostile, hostile),
                new FieldsBlock([.. Enumerable.Range(0, 25).Select(i => new ReplyField(hostile, hostile))]),
                new ListBlock(hostile, [.. Enumerable.Range(0, 500).Select(i => new ReplyLink(hostile, i % 2 == 0 ? "javascript:alert(1)" : "https://ok.example/a|b>c<d " + i))]),
                new ActionsBlock([.. Enumerable.Range(0, 40).Select(i => new ReplyButton(hostile, i % 3 == 0 ? "https://ok.example/" + new string('y', 4000) : null, i % 3 == 1 ? "sources pause " + i : null, ButtonStyle.Danger))]),
                .. Enumerable.Range(0, 80).Select(i => (ReplyBlock)new TextBlock("filler " + i)),
            ]);
    }
}
