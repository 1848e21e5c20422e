using System.Globalization;
using System.Net;

namespace PolicyBot.Tests.Polling;

/// <summary>Feeds and pages written for these tests. The quoted words are Mark Zuckerberg's (Meta's "Personal
/// Superintelligence" letter and Q2 2025 earnings call, 30 July 2025); the surrounding prose is ours.</summary>
public static class TestFeeds
{
    public const string CautiousQuote = "We'll need to be rigorous about mitigating these risks and careful about what we choose to open-source.";

    public const string EarningsQuote = "If we reach a point where releasing some models is no longer responsible, we simply won't do it.";

    public sealed record Item(string Guid, string Title, string Body, DateTimeOffset Published, string? Link = null);

    public static Item Relevant(string guid, DateTimeOffset published, string? extra = null) => new(
        guid,
        $"Meta weighs limits on open-source AI ({guid})",
        $"<p>Meta CEO Mark Zuckerberg said the company may stop releasing open weights for its most capable models.</p>" +
        $"<p>“{CautiousQuote}” Zuckerberg wrote in a letter on open-source AI.</p>{extra}",
        published);

    /// <summary>Three different statements by fictitious labs and people (the quotes are invented for the test).</summary>
    public static Item Distinct(string guid, DateTimeOffset published, int which) => which switch
    {
        0 => new(guid, "Fernhollow lab to publish open weights for its translation model",
            "<p>Fernhollow AI Lab said it would release the weights of its translation model under an open licence.</p>" +
            "<p>“Every researcher should be able to inspect and fine-tune the model weights,” said Ana Ruiz, the lab's director.</p>", published),
        1 => new(guid, "Northgate Robotics will not open-source its planning model or publish its weights",
            "<p>Northgate Robotics said it would not open-source its planning model, citing misuse risks.</p>" +
            "<p>“A planner that controls heavy machinery is not something we can hand out as open weights,” said Tomas Berg, its chief scientist.</p>", published),
        _ => new(guid, "Consortium drafts licence for open-weight medical models",
            "<p>A consortium of hospitals drafted a licence for sharing open-weight medical models between institutions.</p>" +
            "<p>“Open models let smaller hospitals audit what they deploy instead of trusting a black box,” said Priya Natarajan, who chairs the drafting group.</p>", published),
    };

    public static Item Irrelevant(string guid, DateTimeOffset published) => new(
        guid,
        $"Chipmaker reports record quarter ({guid})",
        "<p>The company said data-centre revenue rose sharply as customers bought more accelerators.</p>",
        published);

    public static string Rss(params Item[] items) =>
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Test Wire</title><link>https://news.example/</link>" +
        string.Concat(items.Select(i =>
            $"<item><title>{WebUtility.HtmlEncode(i.Title)}</title><link>{i.Link ?? $"https://news.example/{i.Guid}?utm_source=rss"}</link>" +
            $"<guid isPermaLink=\"false\">{i.Guid}</guid><pubDate>{i.Published.ToString("r", CultureInfo.InvariantCulture)}</pubDate>" +
            $"<description>{WebUtility.HtmlEncode(i.Body)}</description></item>")) +
        "</channel></rss>";

    public static string PolicyPage(string updated, int views, params string[] paragraphs) =>
        "<!doctype html><html><head><title>Model release policy</title></head><body><nav><a href=\"/\">Home</a></nav><main>" +
        "<h1>Model release policy</h1>" + string.Concat(paragraphs.Select(p => $"<p>{p}</p>")) +
        $"<p>Last updated {updated}. Viewed {views} times.</p></main><footer>© Example Lab</footer></body></html>";
}
