using System.Globalization;
using System.Text;

namespace PolicyBot.Alerting;

/// <summary>Renders an alert as plain text for terminals and logs; escape sequences and bidi controls from untrusted
/// text are removed (<see cref="Chat.TerminalText"/>).</summary>
public sealed class AlertTextFormatter
{
    private const int Width = 100;

    public string Format(Alert alert)
    {
        var text = new StringBuilder();
        var orgs = alert.Orgs.Count > 0 ? string.Join(", ", alert.Orgs) : "Unattributed";
        var badge = alert.Shift is null ? alert.Stance : $"{alert.Stance} · Shift: {alert.Shift}";
        text.Append("━━ ").Append(orgs).Append(" · ").Append(badge);
        if (alert.Kind == "changed")
        {
            text.Append(" · page changed");
        }

        text.AppendLine();
        text.AppendLine(alert.Title);
        var when = alert.PublishedAt is { } published
            ? published.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)
            : "undated";
        text.Append(alert.Source).Append(" · ").Append(when).Append(" · ").AppendLine(alert.Url);
        if (alert.Summary.Length > 0)
        {
            AppendWrapped(text, alert.Summary, "  ");
        }

        foreach (var quote in alert.Quotes)
        {
            AppendWrapped(text, $"“{quote.Text}” — {Speaker(quote)}", "  > ");
        }

        if (alert.Change is { } change)
        {
            foreach (var sentence in change.Added)
            {
                AppendWrapped(text, sentence, "  + ");
            }

            foreach (var sentence in change.Removed)
            {
                AppendWrapped(text, sentence, "  - ");
            }
        }

        if (alert.AlsoReportedBy.Count > 0)
        {
            text.Append("  Also reported by: ").AppendLine(string.Join(", ", alert.AlsoReportedBy));
        }

        if (alert.Matched.Count > 0)
        {
            text.Append("  Why: matched ").AppendLine(string.Join(", ", alert.Matched));
        }

        text.AppendLine();
        return Chat.TerminalText.Clean(text.ToString());
    }

    /// <summary>A follow-up line for a revised alert: what it is about and who else reports it now.</summary>
    public string FormatUpdate(Alert alert)
    {
        var text = new StringBuilder();
        text.Append("↻  Update to: ").AppendLine(alert.Title);
        foreach (var quote in alert.Quotes)
        {
            AppendWrapped(text, $"“{quote.Text}” — {Speaker(quote)}", "  > ");
        }

        if (alert.AlsoReportedBy.Count > 0)
        {
            text.Append("  Also reported by: ").AppendLine(string.Join(", ", alert.AlsoReportedBy));
        }

        return Chat.TerminalText.Clean(text.AppendLine().ToString());
    }

    private static string Speaker(AlertQuote quote) =>
        quote.Speaker is null ? "unattributed" : quote.Org is null ? quote.Speaker : $"{quote.Speaker} ({quote.Org})";

    private static void AppendWrapped(StringBuilder text, string paragraph, string prefix)
    {
        var indent = new string(' ', prefix.Length);
        var line = new StringBuilder(prefix);
        foreach (var word in paragraph.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length + word.Length + 1 > Width && line.Length > prefix.Length)
            {
                text.AppendLine(line.ToString().TrimEnd());
                line.Clear().Append(indent);
            }

            line.Append(word).Append(' ');
        }

        text.AppendLine(line.ToString().TrimEnd());
    }
}
