using System.Collections.Frozen;

namespace PolicyBot.Sources.Feeds;

/// <summary>Translates Greek and Hungarian month/day names found in some feeds into parseable forms.</summary>
internal static class LocalisedDateNames
{
    private static readonly FrozenDictionary<string, string> Greek = new Dictionary<string, string>
    {
        ["Ιαν"] = "Jan", ["Φεβ"] = "Feb", ["Μάώ"] = "Mar", ["Μαρ"] = "Mar", ["Μάρ"] = "Mar", ["Απρ"] = "Apr",
        ["Μάι"] = "May", ["Μαϊ"] = "May", ["Μαι"] = "May", ["Ιούν"] = "Jun", ["Ιον"] = "Jun", ["Ιούλ"] = "Jul",
        ["Ιολ"] = "Jul", ["Αύγ"] = "Aug", ["Αυγ"] = "Aug", ["Σεπ"] = "Sep", ["Οκτ"] = "Oct", ["Νοέ"] = "Nov",
        ["Νοε"] = "Nov", ["Δεκ"] = "Dec",
        ["Κυρ"] = "Sun", ["Δευ"] = "Mon", ["Τρι"] = "Tue", ["Τετ"] = "Wed", ["Πεμ"] = "Thu", ["Παρ"] = "Fri", ["Σαβ"] = "Sat",
    }.ToFrozenDictionary();

    private static readonly string[] HungarianMonths =
        ["január", "február", "március", "április", "május", "június", "július", "augusztus", "szeptember", "október", "november", "december"];

    public static string TranslateGreek(string input)
    {
        if (!input.Any(c => c is >= '\u0370' and <= '\u03FF'))
        {
            return input;
        }

        var tokens = input.Split(' ');
        for (var i = 0; i < tokens.Length; i++)
        {
            var word = tokens[i].TrimEnd(',');
            if (Greek.TryGetValue(word, out var english))
            {
                tokens[i] = english + tokens[i][word.Length..];
            }
        }

        return string.Join(' ', tokens);
    }

    public static string TranslateHungarianMonth(string input)
    {
        for (var i = 0; i < HungarianMonths.Length; i++)
        {
            var at = input.IndexOf("-" + HungarianMonths[i] + "-", StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                return string.Concat(input.AsSpan(0, at + 1), (i + 1).ToString("00", System.Globalization.CultureInfo.InvariantCulture), input.AsSpan(at + 1 + HungarianMonths[i].Length));
            }
        }

        return input;
    }
}
