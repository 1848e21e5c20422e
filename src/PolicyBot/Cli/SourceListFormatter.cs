using System.Globalization;
using System.Text;
using PolicyBot.Sources;

namespace PolicyBot.Cli;

/// <summary>The <c>sources list</c> table.</summary>
public static class SourceListFormatter
{
    public static string Format(IReadOnlyList<Source> sources)
    {
        if (sources.Count == 0)
        {
            return "No sources are watched. Add one with `sources add <url>` or the Sources configuration list.\n";
        }

        var text = new StringBuilder();
        foreach (var source in sources)
        {
            var state = !source.Enabled ? "paused"
                : source.ErrorCount > 0 ? $"failing ×{source.ErrorCount}"
                : source.LastSuccessAt is null ? "new" : "ok";
            text.Append(CultureInfo.InvariantCulture, $"#{source.Id} {source.Name} [{Source.FormatKind(source.Kind)}, {state}]").AppendLine();
            text.Append("   ").AppendLine(source.Url);
            var last = source.LastCheckedAt is { } checkedAt ? checkedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "never";
            var next = source.Enabled ? source.NextCheckAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "—";
            text.Append(CultureInfo.InvariantCulture, $"   last check {last} · next {next}");
            if (source.Orgs.Count > 0)
            {
                text.Append(" · orgs ").Append(string.Join(", ", source.Orgs));
            }

            text.AppendLine();
            if (source.LastError is { } error)
            {
                text.Append("   last error: ").AppendLine(error);
            }
            else if (source.LastWarning is { } warning)
            {
                text.Append("   warning: ").AppendLine(warning);
            }
        }

        return Chat.TerminalText.Clean(text.ToString());
    }
}
