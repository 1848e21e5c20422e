using System.Globalization;
using PolicyBot.Chat;

namespace PolicyBot.Commands;

/// <summary>How a stored statement looks in a command's reply: title, context badges, up to two quotes, a link.</summary>
public static class StatementBlocks
{
    /// <summary>Quotes shown per statement.</summary>
    public const int QuotesShown = 2;

    /// <summary>Adds one statement; <paramref name="snippet"/> replaces the summary (search hits).</summary>
    public static void Add(List<ReplyBlock> blocks, StatementEntry statement, TextBlock? snippet = null)
    {
        var alert = statement.Alert;
        blocks.Add(new TextBlock(alert.Title));
        blocks.Add(new ContextBlock(Badges(statement)));
        if (snippet is not null)
        {
            blocks.Add(snippet);
        }

        foreach (var quote in alert.Quotes.Take(QuotesShown))
        {
            blocks.Add(new QuoteBlock(quote.Text, quote.Speaker));
        }

        if (IsWebLink(alert.Url))
        {
            blocks.Add(new ActionsBlock([new ReplyButton("Open source", Url: alert.Url)]));
        }
    }

    /// <summary>Adds statements separated by dividers.</summary>
    public static void AddAll(List<ReplyBlock> blocks, IEnumerable<StatementEntry> statements, bool withSnippets = false)
    {
        var first = true;
        foreach (var statement in statements)
        {
            if (!first)
            {
                blocks.Add(new DividerBlock());
            }

            Add(blocks, statement, withSnippets && statement.Snippet is { } snippet ? SearchExpression.Highlight(snippet) : null);
            first = false;
        }
    }

    /// <summary>A date as replies show it: <c>2025-07-30</c>.</summary>
    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static List<string> Badges(StatementEntry statement)
    {
        var badges = new List<string> { Date(statement.StatedAt) };
        if (statement.Actor is { } actor)
        {
            badges.Add(statement.Speaker is { } speaker ? $"{speaker} ({actor})" : actor);
        }

        badges.Add($"Stance: {statement.Stance}");
        if (statement.Alert.Shift is { } shift)
        {
            badges.Add($"Shift: {shift}");
        }

        badges.Add(statement.Alert.Source);
        if (statement.Alert.AlsoReportedBy.Count > 0)
        {
            badges.Add($"+{statement.Alert.AlsoReportedBy.Count} more outlet(s)");
        }

        return badges;
    }

    private static bool IsWebLink(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
