using System.Xml.Linq;

namespace PolicyBot.Sources.Feeds;

/// <summary>Picks the first parseable date among candidate elements.</summary>
internal static class FeedDates
{
    public static DateTimeOffset? First(params XElement?[] candidates)
    {
        foreach (var candidate in candidates)
        {
            if (candidate is not null && FeedDateParser.TryParse(candidate.Value, out var value))
            {
                return value;
            }
        }

        return null;
    }

    public static DateTimeOffset? Parse(string? text) => FeedDateParser.TryParse(text, out var value) ? value : null;
}
