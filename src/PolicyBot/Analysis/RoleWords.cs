using System.Text.RegularExpressions;

namespace PolicyBot.Analysis;

/// <summary>
/// Job titles as news writes them ("CEO", "chief executive", "boss", "AI chief scientist") and as the catalogue
/// records them ("Founder and Chief Executive Officer"), reduced to one comparable form.
/// </summary>
internal static partial class RoleWords
{
    /// <summary>The role phrases recognised in text, longest first (a regex alternation, case-insensitive).</summary>
    public const string Pattern =
        @"(?:former\s)?(?:chief\sexecutive(?:\sofficer)?|chief\sAI\sscientist|chief\sAI\sofficer|chief\sscientist|chief\stechnology\sofficer|"
        + @"chief\sscience\sofficer|chief\sproduct\sofficer|chief\sglobal\saffairs\sofficer|head\sof\spolicy|executive\sdirector|"
        + @"prime\sminister|vice[\s-]president|co-?founder|founder|president|chairman|chairwoman|chair|boss|CEO|CTO|chancellor|"
        + @"(?:commerce\s)?secretary(?:\sof\scommerce)?|director|administrator)";

    /// <summary>Lower case, abbreviations spelled out, "chief executive" completed, spaces single.</summary>
    public static string Normalise(string role)
    {
        var text = Space().Replace(role.Trim().ToLowerInvariant().Replace('-', ' ').Replace(',', ' '), " ");
        text = Ceo().Replace(text, "chief executive officer");
        text = Cto().Replace(text, "chief technology officer");
        text = Boss().Replace(text, "chief executive officer");
        text = ChiefExecutive().Replace(text, "chief executive officer");
        text = text.Replace("cofounder", "co founder", StringComparison.Ordinal)
            .Replace("chairwoman", "chair", StringComparison.Ordinal)
            .Replace("chairman", "chair", StringComparison.Ordinal)
            .Replace("commerce secretary", "secretary of commerce", StringComparison.Ordinal);
        return text;
    }

    /// <summary>Whether a held role (normalised) includes the wanted one at word boundaries, "president" not as "vice president".</summary>
    public static bool Holds(string held, string wanted)
    {
        var from = 0;
        while (from < held.Length && held.IndexOf(wanted, from, StringComparison.Ordinal) is var at && at >= 0)
        {
            var end = at + wanted.Length;
            var bounded = (at == 0 || held[at - 1] == ' ') && (end >= held.Length || !char.IsLetter(held[end]));
            var vice = !wanted.StartsWith("vice", StringComparison.Ordinal) && at >= 5 && held.AsSpan(at - 5, 5).SequenceEqual("vice ");
            if (bounded && !vice)
            {
                return true;
            }

            from = end;
        }

        return false;
    }

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Space();

    [GeneratedRegex(@"\bceo\b", RegexOptions.CultureInvariant)]
    private static partial Regex Ceo();

    [GeneratedRegex(@"\bcto\b", RegexOptions.CultureInvariant)]
    private static partial Regex Cto();

    [GeneratedRegex(@"\bboss\b", RegexOptions.CultureInvariant)]
    private static partial Regex Boss();

    [GeneratedRegex(@"\bchief executive\b(?! officer)", RegexOptions.CultureInvariant)]
    private static partial Regex ChiefExecutive();
}
