using System.Globalization;
using PolicyBot.Chat;

namespace PolicyBot.Alerting;

/// <summary>
/// The content of an alert as chat shows it, the same on every platform: a header naming the organisation and the
/// statement; source, time, stance and shift badges; the summary; up to three quotes with speakers; what a changed
/// page added and removed; the other outlets; a link to the source; and why this channel got it.
/// </summary>
public static class AlertMessage
{
    private const int MaxQuotes = 3;
    private const int MaxChangedSentences = 5;

    /// <param name="reason">Why this channel gets the alert (its subscription), or null.</param>
    /// <param name="revision">0 for the first post; later revisions say what is new in their summary line.</param>
    public static Reply Build(Alert alert, string? reason, int revision = 0)
    {
        var actor = alert.Orgs.Count > 0 ? string.Join(", ", alert.Orgs) : "Open-source AI policy";
        var blocks = new List<ReplyBlock> { new HeaderBlock($"{actor}: {alert.Title}"), new ContextBlock(Badges(alert)) };
        if (alert.Summary.Length > 0)
        {
            blocks.Add(new TextBlock(alert.Summary));
        }

        blocks.AddRange(alert.Quotes.Take(MaxQuotes).Select(q => new QuoteBlock(q.Text, Speaker(q))));
        if (alert.Change is { } change)
        {
            AddSentences(blocks, "Added", change.Added);
            AddSentences(blocks, "Removed", change.Removed);
        }

        if (alert.AlsoReportedBy.Count > 0)
        {
            blocks.Add(new ListBlock("Also reported by", alert.AlsoReportedBy.Select(u => new ReplyLink(Host(u), u)).ToList()));
        }

        blocks.Add(new ActionsBlock([new ReplyButton("Open source", Url: alert.Url, Style: ButtonStyle.Primary)]));
        var why = new List<string>();
        if (alert.Matched.Count > 0)
        {
            why.Add($"Why you got this: matched {string.Join(", ", alert.Matched)}");
        }

        if (reason is not null)
        {
            why.Add(why.Count == 0 ? $"Why you got this: {reason}" : reason);
        }

        if (why.Count > 0)
        {
            blocks.Add(new ContextBlock(why));
        }

        return new Reply(SummaryLine(alert, actor, revision), blocks) { Shared = true };
    }

    private static List<string> Badges(Alert alert)
    {
        var badges = new List<string> { alert.Source };
        badges.Add(alert.PublishedAt is { } at ? at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "undated");
        badges.Add($"Stance: {alert.Stance}");
        if (alert.Shift is not null)
        {
            badges.Add($"Shift: {alert.Shift}");
        }

        if (alert.Kind == "changed")
        {
            badges.Add("Page changed");
        }

        return badges;
    }

    private static string SummaryLine(Alert alert, string actor, int revision)
    {
        if (revision > 0)
        {
            return alert.Kind == "changed" || alert.AlsoReportedBy.Count == 0
                ? $"Updated: {alert.Title}"
                : $"Update: also reported by {Host(alert.AlsoReportedBy[^1])}";
        }

        var shift = alert.Shift is null ? "" : $" · Shift: {alert.Shift}";
        return $"{actor} · {alert.Stance}{shift} — {alert.Title}";
    }

    private static void AddSentences(List<ReplyBlock> blocks, string title, IReadOnlyList<string> sentences)
    {
        if (sentences.Count == 0)
        {
            return;
        }

        var items = sentences.Take(MaxChangedSentences).Select(s => new ReplyLink(s)).ToList();
        if (sentences.Count > MaxChangedSentences)
        {
            items.Add(new ReplyLink($"… and {sentences.Count - MaxChangedSentences} more"));
        }

        blocks.Add(new ListBlock(title, items));
    }

    private static string? Speaker(AlertQuote quote) =>
        quote.Speaker is null ? quote.Org : quote.Org is null || quote.Org == quote.Speaker ? quote.Speaker : $"{quote.Speaker} ({quote.Org})";

    private static string Host(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? (uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host) : url;
}
