using System.Net;
using System.Text.RegularExpressions;

namespace PolicyBot.Teams;

/// <summary>
/// The command text of a Teams message: the bot's <c>&lt;at&gt;…&lt;/at&gt;</c> mention removed (as botbuilder's
/// <c>RemoveMentionText</c> does, by the mention entities naming the bot), remaining markup dropped, HTML entities
/// decoded, whitespace collapsed, and a leading <c>/policy</c> tolerated.
/// </summary>
public static partial class MentionStripper
{
    public const int MaxChars = 2000;

    public static string Strip(Activity activity)
    {
        var text = activity.Text ?? "";
        if (text.Length > MaxChars * 4)
        {
            text = text[..(MaxChars * 4)];
        }

        var botId = activity.Recipient?.Id;
        foreach (var entity in activity.Entities ?? [])
        {
            if (!string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase) || entity.Mentioned?.Id is not { Length: > 0 } mentioned
                || !string.Equals(mentioned, botId, StringComparison.Ordinal))
            {
                continue;
            }

            var markup = entity.Text ?? (entity.Mentioned.Name is { } name ? $"<at>{name}</at>" : null);
            if (!string.IsNullOrEmpty(markup))
            {
                text = text.Replace(markup, " ", StringComparison.OrdinalIgnoreCase);
            }
        }

        // With no usable entity (some clients), a mention at the very start is the bot's.
        text = LeadingMention().Replace(text, " ");
        text = WebUtility.HtmlDecode(Tags().Replace(text, " "));
        text = Whitespace().Replace(text, " ").Trim();
        if (text.StartsWith("/policy", StringComparison.OrdinalIgnoreCase) && (text.Length == 7 || text[7] == ' '))
        {
            text = text[7..].TrimStart();
        }

        return text.Length > MaxChars ? text[..MaxChars] : text;
    }

    [GeneratedRegex(@"^\s*<at>[^<]{0,200}</at>", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingMention();

    [GeneratedRegex(@"<[^>]{0,500}>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"[\s\u00a0\u200b\p{Cc}]+")]
    private static partial Regex Whitespace();
}
