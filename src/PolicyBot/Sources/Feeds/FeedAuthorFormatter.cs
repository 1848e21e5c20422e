using System.Text.RegularExpressions;

namespace PolicyBot.Sources.Feeds;

/// <summary>Formats authors as "Name", "Name (email)" or "email", from structured or RSS-style free text.</summary>
internal static partial class FeedAuthorFormatter
{
    public static string? Format(string? name, string? email)
    {
        name = string.IsNullOrWhiteSpace(name) ? null : FeedMarkup.CollapseWhitespace(name);
        email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        return (name, email) switch
        {
            (null, null) => null,
            (not null, null) => name,
            (null, not null) => email,
            _ => $"{name} ({email})",
        };
    }

    /// <summary>Parses free text such as "jo@example.com (Jo Smith)" or "Jo Smith &lt;jo@example.com&gt;".</summary>
    public static string? FromFreeText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var match = Email().Match(text);
        if (!match.Success)
        {
            return Format(text, null);
        }

        var rest = text.Remove(match.Index, match.Length);
        var name = Punctuation().Replace(rest, " ");
        return Format(name, match.Value);
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"[()<>\[\]""]|\bmailto:", RegexOptions.CultureInvariant)]
    private static partial Regex Punctuation();
}
