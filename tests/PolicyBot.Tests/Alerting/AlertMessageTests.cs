using PolicyBot.Alerting;
using PolicyBot.Chat;

namespace PolicyBot.Tests.Alerting;

public sealed class AlertMessageTests
{
    private static readonly Alert Seed = new()
    {
        Kind = "new",
        Title = "Zuckerberg: Meta must be careful about what it open-sources",
        Url = "https://ledgerwick.example/meta",
        Source = "Ledgerwick Courier",
        PublishedAt = new DateTimeOffset(2025, 7, 30, 14, 5, 0, TimeSpan.Zero),
        Orgs = ["Meta"],
        Stance = "cautious",
        Shift = "open → cautious",
        Summary = "Meta's chief executive wrote that superintelligence brings novel safety concerns.",
        Quotes =
        [
            new AlertQuote("we'll need to be rigorous about mitigating these risks and careful about what we choose to open source", "Mark Zuckerberg", "Meta", "cautious"),
            new AlertQuote("second", "Mark Zuckerberg", "Meta", "neutral"),
            new AlertQuote("third", null, "Meta", "neutral"),
            new AlertQuote("fourth", "Someone", null, "neutral"),
        ],
        AlsoReportedBy = ["https://www.gradient-grain.example/zuck"],
        Matched = ["open source", "Meta"],
    };

    [Fact]
    public void An_Alert_Shows_Actor_Statement_Badges_Summary_Three_Quotes_Outlets_Link_And_Why()
    {
        var reply = AlertMessage.Build(Seed, "this channel's subscription (Meta)");

        reply.Summary.ShouldBe("Meta · cautious · Shift: open → cautious — Zuckerberg: Meta must be careful about what it open-sources");
        reply.Shared.ShouldBeTrue();
        reply.Blocks[0].ShouldBe(new HeaderBlock("Meta: Zuckerberg: Meta must be careful about what it open-sources"));
        reply.Blocks[1].ShouldBeOfType<ContextBlock>().Items.ShouldBe(["Ledgerwick Courier", "2025-07-30 14:05 UTC", "Stance: cautious", "Shift: open → cautious"]);
        reply.Blocks.OfType<TextBlock>().Single().Text.ShouldBe(Seed.Summary);
        reply.Blocks.OfType<QuoteBlock>().Select(q => q.Speaker).ShouldBe(["Mark Zuckerberg (Meta)", "Mark Zuckerberg (Meta)", "Meta"]);
        reply.Blocks.OfType<ListBlock>().Single().Title.ShouldBe("Also reported by");
        reply.Blocks.OfType<ListBlock>().Single().Items.ShouldBe([new ReplyLink("gradient-grain.example", "https://www.gradient-grain.example/zuck")]);
        reply.Blocks.OfType<ActionsBlock>().Single().Buttons.ShouldBe([new ReplyButton("Open source", Url: Seed.Url, Style: ButtonStyle.Primary)]);
        reply.Blocks[^1].ShouldBeOfType<ContextBlock>().Items.ShouldBe(["Why you got this: matched open source, Meta", "this channel's subscription (Meta)"]);
    }

    [Fact]
    public void A_Changed_Page_Lists_What_Was_Added_And_Removed_Capped_With_A_Count()
    {
        var changed = Seed with
        {
            Kind = "changed", Shift = null, Quotes = [], AlsoReportedBy = [], Matched = [],
            Change = new AlertChange([.. Enumerable.Range(1, 7).Select(i => $"added {i}")], ["removed"]),
        };

        var reply = AlertMessage.Build(changed, null);
        var update = AlertMessage.Build(changed, null, revision: 1);

        reply.Blocks[1].ShouldBeOfType<ContextBlock>().Items.ShouldContain("Page changed");
        var lists = reply.Blocks.OfType<ListBlock>().ToList();
        lists.Select(l => l.Title).ShouldBe(["Added", "Removed"]);
        lists[0].Items.Select(i => i.Text).ShouldBe(["added 1", "added 2", "added 3", "added 4", "added 5", "… and 2 more"]);
        reply.Blocks.OfType<ContextBlock>().Count().ShouldBe(1);
        update.Summary.ShouldBe($"Updated: {changed.Title}");
    }

    [Fact]
    public void An_Update_Says_Which_Outlet_Now_Also_Reports_It_And_An_Unattributed_Alert_Still_Has_A_Header()
    {
        var update = AlertMessage.Build(Seed, null, revision: 2);
        var bare = AlertMessage.Build(new Alert { Kind = "new", Title = "T", Url = "not a url", Source = "S", AlsoReportedBy = ["not a url"] }, null);

        update.Summary.ShouldBe("Update: also reported by gradient-grain.example");
        bare.Blocks[0].ShouldBe(new HeaderBlock("Open-source AI policy: T"));
        bare.Blocks[1].ShouldBeOfType<ContextBlock>().Items.ShouldBe(["S", "undated", "Stance: neutral"]);
        bare.Blocks.OfType<ListBlock>().Single().Items.ShouldBe([new ReplyLink("not a url", "not a url")]);
    }
}
