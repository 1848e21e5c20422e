using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace PolicyBot.Sources.Feeds;

/// <summary>
/// Token-based parser for RFC 822/1123 dates and their real-world relatives: missing seconds or time,
/// two-digit years, long or lower-case names, swapped day and month, asctime, "yyyy/mm/dd" (Perforce),
/// named, numeric, "GMT+hh:mm", "Etc/GMT" and military zones.
/// </summary>
internal static partial class Rfc822DateParser
{
    private static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private static readonly string[] Weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    private static readonly FrozenDictionary<string, double> ZoneHours = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = 0, ["UTC"] = 0, ["GMT"] = 0, ["Z"] = 0, ["WET"] = 0,
        ["EST"] = -5, ["EDT"] = -4, ["CST"] = -6, ["CDT"] = -5, ["MST"] = -7, ["MDT"] = -6, ["PST"] = -8, ["PDT"] = -7,
        ["AST"] = -4, ["ADT"] = -3, ["AKST"] = -9, ["AKDT"] = -8, ["HST"] = -10,
        ["AT"] = -4, ["ET"] = -5, ["CT"] = -6, ["MT"] = -7, ["PT"] = -8,
        ["BST"] = 1, ["WEST"] = 1, ["CET"] = 1, ["MET"] = 1, ["CEST"] = 2, ["MEST"] = 2, ["EET"] = 2, ["EEST"] = 3,
        ["MSK"] = 3, ["IST"] = 5.5, ["HKT"] = 8, ["SGT"] = 8, ["JST"] = 9, ["KST"] = 9,
        ["AEST"] = 10, ["AEDT"] = 11, ["NZST"] = 12, ["NZDT"] = 13,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static bool TryParse(string input, out DateTimeOffset value)
    {
        value = default;
        int? day = null, month = null, year = null;
        int yearDigits = 4;
        (int H, int M, int S)? time = null;
        TimeSpan? zone = null;

        foreach (var raw in input.Replace(',', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var token = raw.TrimEnd('.');
            if (token.Length == 0 || IsWeekday(token))
            {
                continue;
            }

            if (MonthOf(token) is { } m)
            {
                if (month is not null)
                {
                    return false;
                }

                month = m;
            }
            else if (token.Contains(':') && char.IsAsciiDigit(token[0]))
            {
                if (time is not null || !TryTime(token, out var t, out var trailingZone))
                {
                    return false;
                }

                time = t;
                if (trailingZone is not null)
                {
                    zone = trailingZone;
                }
            }
            else if (SlashDate().Match(token) is { Success: true } slash)
            {
                year = FeedDateParser.Int(slash.Groups["y"].Value);
                month = FeedDateParser.Int(slash.Groups["m"].Value);
                day = FeedDateParser.Int(slash.Groups["d"].Value);
            }
            else if (token.All(char.IsAsciiDigit))
            {
                if (token.Length <= 2 && day is null)
                {
                    day = FeedDateParser.Int(token);
                }
                else if (token.Length is 2 or 4 && year is null)
                {
                    year = FeedDateParser.Int(token);
                    yearDigits = token.Length;
                }
                else
                {
                    return false;
                }
            }
            else if (zone is null && TryZone(token, out var z))
            {
                zone = z;
            }
            else
            {
                return false;
            }
        }

        if (day is null || month is null || year is null)
        {
            return false;
        }

        var (h, mi, s) = time ?? (0, 0, 0);
        return FeedDateParser.TryBuild(FeedDateParser.ExpandYear(year.Value, yearDigits), month.Value, day.Value, h, mi, s, zone ?? TimeSpan.Zero, out value);
    }

    private static bool IsWeekday(string token) =>
        token.Length >= 3 && token.All(char.IsAsciiLetter)
        && Weekdays.Any(d => token.StartsWith(d, StringComparison.OrdinalIgnoreCase))
        && MonthOf(token) is null;

    private static int? MonthOf(string token)
    {
        if (token.Length < 3 || !token.All(char.IsAsciiLetter))
        {
            return null;
        }

        for (var i = 0; i < Months.Length; i++)
        {
            if (Months[i].StartsWith(token, StringComparison.OrdinalIgnoreCase)
                || (token.Length == 4 && i == 8 && token.Equals("sept", StringComparison.OrdinalIgnoreCase)))
            {
                return i + 1;
            }
        }

        return null;
    }

    private static bool TryTime(string token, out (int H, int M, int S) time, out TimeSpan? zone)
    {
        time = default;
        zone = null;
        var m = TimeOfDay().Match(token);
        if (!m.Success)
        {
            return false;
        }

        time = (FeedDateParser.Int(m.Groups["h"].Value), FeedDateParser.Int(m.Groups["m"].Value),
            m.Groups["s"].Success ? FeedDateParser.Int(m.Groups["s"].Value) : 0);
        if (m.Groups["zone"].Success && m.Groups["zone"].Length > 0)
        {
            if (!TryZone(m.Groups["zone"].Value, out var z))
            {
                return false;
            }

            zone = z;
        }

        return true;
    }

    private static bool TryZone(string token, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        var zone = token.StartsWith("Etc/", StringComparison.OrdinalIgnoreCase) ? token[4..] : token;
        if (zone[0] is '+' or '-')
        {
            return FeedDateParser.TryNumericOffset(zone, out offset);
        }

        foreach (var prefix in (string[])["GMT", "UTC", "UT"])
        {
            if (zone.Length > prefix.Length && zone.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && zone[prefix.Length] is '+' or '-')
            {
                return FeedDateParser.TryNumericOffset(NormaliseShortOffset(zone[prefix.Length..]), out offset);
            }
        }

        if (ZoneHours.TryGetValue(zone, out var hours))
        {
            offset = TimeSpan.FromHours(hours);
            return true;
        }

        if (zone.Length == 1 && char.IsAsciiLetter(zone[0]) && char.ToUpperInvariant(zone[0]) != 'J')
        {
            offset = TimeSpan.FromHours(MilitaryHours(char.ToUpperInvariant(zone[0])));
            return true;
        }

        return false;
    }

    /// <summary>RFC 822 military zones as written in the RFC: A–I = −1…−9, K–M = −10…−12, N–Y = +1…+12.</summary>
    private static int MilitaryHours(char letter) => letter switch
    {
        'Z' => 0,
        >= 'A' and <= 'I' => -(letter - 'A' + 1),
        >= 'K' and <= 'M' => -(letter - 'K' + 10),
        _ => letter - 'N' + 1,
    };

    private static string NormaliseShortOffset(string offset) =>
        offset.Length == 2 ? $"{offset[0]}0{offset[1]}" : offset;

    [GeneratedRegex(@"^(?<h>\d{1,2}):(?<m>\d{2})(?::(?<s>\d{2}))?(?<zone>[+-]\d{2}:?\d{2}|Z)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeOfDay();

    [GeneratedRegex(@"^(?<y>\d{4})/(?<m>\d{1,2})/(?<d>\d{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex SlashDate();
}
