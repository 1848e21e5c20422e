using System.Globalization;
using System.Text.RegularExpressions;
using PolicyBot.Sources.Feeds;

namespace PolicyBot.Extraction;

/// <summary>
/// Finds a publication time written for readers in a dateline or byline ("4 July 2025",
/// "July 30, 2024 10:00 AM EDT", "Jul 30 2024 12:10 ET", "07/30/2025 03:05 PM", "2025-07-04"). US time zone
/// abbreviations are honoured ("ET" follows US daylight saving); without a zone the time is taken as UTC,
/// without a time as midnight UTC. Slash dates are month/day unless the first number exceeds 12.
/// </summary>
internal static partial class VisibleDateParser
{
    private static readonly Dictionary<string, int> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jan"] = 1, ["feb"] = 2, ["mar"] = 3, ["apr"] = 4, ["may"] = 5, ["jun"] = 6, ["jul"] = 7, ["aug"] = 8,
        ["sep"] = 9, ["oct"] = 10, ["nov"] = 11, ["dec"] = 12,
    };

    private static readonly Dictionary<string, double> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["utc"] = 0, ["gmt"] = 0, ["z"] = 0, ["bst"] = 1, ["cet"] = 1, ["cest"] = 2, ["eet"] = 2, ["eest"] = 3,
        ["edt"] = -4, ["est"] = -5, ["cdt"] = -5, ["cst"] = -6, ["mdt"] = -6, ["mst"] = -7, ["pdt"] = -7, ["pst"] = -8,
        ["ist"] = 5.5, ["jst"] = 9, ["aest"] = 10,
    };

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 160)
        {
            return false;
        }

        // Feed dates read "ET" as EST all year; a dateline's "ET" follows daylight saving.
        if (!SeasonalZone().IsMatch(text) && FeedDateParser.TryParse(text, out value))
        {
            return true;
        }

        var match = DayMonthYear().Match(text) is { Success: true } dmy ? dmy
            : MonthDayYear().Match(text) is { Success: true } mdy ? mdy
            : Numeric().Match(text) is { Success: true } numeric ? numeric
            : null;
        return match is not null && TryBuild(match, text, out value);
    }

    private static bool TryBuild(Match match, string text, out DateTimeOffset value)
    {
        value = default;
        int month;
        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        if (match.Groups["month"].Success)
        {
            if (!Months.TryGetValue(match.Groups["month"].Value[..3], out month))
            {
                return false;
            }
        }
        else
        {
            month = int.Parse(match.Groups["first"].Value, CultureInfo.InvariantCulture);
            if (month > 12)
            {
                (month, day) = (day, month);
            }
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        var rest = text[(match.Index + match.Length)..];
        var time = Time().Match(rest);
        int hour = 0, minute = 0;
        var offset = TimeSpan.Zero;
        if (time.Success && time.Index <= 12)
        {
            hour = int.Parse(time.Groups["hour"].Value, CultureInfo.InvariantCulture);
            minute = int.Parse(time.Groups["minute"].Value, CultureInfo.InvariantCulture);
            var meridiem = time.Groups["ampm"].Value.Replace(".", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
            if (meridiem == "pm" && hour < 12)
            {
                hour += 12;
            }
            else if (meridiem == "am" && hour == 12)
            {
                hour = 0;
            }

            offset = Zone(time.Groups["zone"].Value, year, month, day);
        }

        return FeedDateParser.TryBuild(year, month, day, hour, minute, 0, offset, out value);
    }

    private static TimeSpan Zone(string zone, int year, int month, int day)
    {
        if (Zones.TryGetValue(zone, out var hours))
        {
            return TimeSpan.FromHours(hours);
        }

        var summer = month is > 3 and < 11 || (month == 3 && day >= 8) || (month == 11 && day < 7);
        return zone.ToUpperInvariant() switch
        {
            "ET" => TimeSpan.FromHours(summer ? -4 : -5),
            "CT" => TimeSpan.FromHours(summer ? -5 : -6),
            "PT" => TimeSpan.FromHours(summer ? -7 : -8),
            _ => TimeSpan.Zero,
        };
    }

    [GeneratedRegex(@"\b(ET|CT|PT)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SeasonalZone();

    [GeneratedRegex(@"\b(?<day>[0-3]?\d)(st|nd|rd|th|\.)?\s+(?<month>jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?,?\s+(?<year>(19|20)\d\d)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"\b(?<month>jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?\s+(?<day>[0-3]?\d)(st|nd|rd|th)?,?\s+(?<year>(19|20)\d\d)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthDayYear();

    [GeneratedRegex(@"\b(?<first>[01]?\d|[0-3]\d)/(?<day>[0-3]?\d)/(?<year>(19|20)\d\d)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Numeric();

    [GeneratedRegex(@"(?<hour>[0-2]?\d)[:.](?<minute>[0-5]\d)\s*(?<ampm>[ap]\.?m\.?)?\s*(?<zone>[A-Za-z]{1,4}\b)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Time();
}
