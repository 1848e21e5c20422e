using System.Globalization;
using System.Text.RegularExpressions;

namespace PolicyBot.Sources.Feeds;

/// <summary>
/// Parses the date formats found in real feeds: RFC 822/1123 (and their common malformations), ISO 8601 /
/// W3C-DTF (reduced precision, fractional seconds, offsets, MSSQL style), asctime, Perforce, and a few
/// localised forms (Greek, Hungarian, Korean). Results are UTC. Pure function.
/// </summary>
public static partial class FeedDateParser
{
    /// <summary>Tries to parse <paramref name="text"/>; false (and default) when it is not a usable date.</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 200)
        {
            return false;
        }

        var input = Whitespace().Replace(text.Trim(), " ");
        try
        {
            return TryIso8601(LocalisedDateNames.TranslateHungarianMonth(input), out value)
                || TryKorean(input, out value)
                || Rfc822DateParser.TryParse(LocalisedDateNames.TranslateGreek(input), out value);
        }
        catch (ArgumentOutOfRangeException)
        {
            value = default;
            return false;
        }
    }

    /// <summary>Builds a UTC instant, or false when a field is out of range.</summary>
    internal static bool TryBuild(int year, int month, int day, int hour, int minute, int second, TimeSpan offset, out DateTimeOffset value)
    {
        value = default;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour is < 0 or > 23 || minute is < 0 or > 59 || second is < 0 or > 60
            || offset.Duration() > TimeSpan.FromHours(14))
        {
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, Math.Min(second, 59), DateTimeKind.Unspecified);
        var utcTicks = local.Ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTimeOffset(utcTicks, TimeSpan.Zero);
        return true;
    }

    /// <summary>Two-digit years: 00–69 are 20xx, 70–99 are 19xx.</summary>
    internal static int ExpandYear(int year, int digits) => digits > 2 ? year : year < 70 ? 2000 + year : 1900 + year;

    private static bool TryIso8601(string input, out DateTimeOffset value)
    {
        value = default;
        var match = IsoDateTime().Match(input);
        if (!match.Success)
        {
            return false;
        }

        if (!TryIsoDate(match.Groups["date"].Value, out var year, out var month, out var day))
        {
            return false;
        }

        int hour = 0, minute = 0, second = 0;
        if (match.Groups["h"].Success)
        {
            hour = Int(match.Groups["h"].Value);
            minute = Int(match.Groups["mi"].Value);
            second = match.Groups["s"].Success ? Int(match.Groups["s"].Value) : 0;
        }

        var offset = TimeSpan.Zero;
        if (match.Groups["zone"].Success && match.Groups["zone"].Value is { Length: > 0 } zone && zone != "Z" && zone != "z")
        {
            if (!TryNumericOffset(zone, out offset))
            {
                return false;
            }
        }

        if (!TryBuild(year, month, day, hour, minute, second, offset, out value))
        {
            return false;
        }

        if (match.Groups["f"].Success)
        {
            var digits = match.Groups["f"].Value.PadRight(7, '0')[..7];
            value = value.AddTicks(Int(digits));
        }

        return true;
    }

    private static bool TryIsoDate(string date, out int year, out int month, out int day)
    {
        (year, month, day) = (0, 1, 1);
        Match m;
        if ((m = IsoFullDate().Match(date)).Success)
        {
            year = Int(m.Groups["y"].Value);
            month = m.Groups["m"].Success ? Int(m.Groups["m"].Value) : 1;
            day = m.Groups["d"].Success ? Int(m.Groups["d"].Value) : 1;
            return true;
        }

        if ((m = IsoOrdinalDate().Match(date)).Success)
        {
            var y = m.Groups["y"].Value;
            year = ExpandYear(Int(y), y.Length);
            return FromOrdinal(year, Int(m.Groups["o"].Value), out month, out day);
        }

        if ((m = IsoShortDate().Match(date)).Success)
        {
            year = ExpandYear(Int(m.Groups["y"].Value), 2);
            month = Int(m.Groups["m"].Value);
            day = m.Groups["d"].Success ? Int(m.Groups["d"].Value) : 1;
            return true;
        }

        return false;
    }

    private static bool FromOrdinal(int year, int ordinal, out int month, out int day)
    {
        (month, day) = (1, 1);
        if (year is < 1 or > 9999 || ordinal < 1 || ordinal > (DateTime.IsLeapYear(year) ? 366 : 365))
        {
            return false;
        }

        var date = new DateTime(year, 1, 1).AddDays(ordinal - 1);
        (month, day) = (date.Month, date.Day);
        return true;
    }

    private static bool TryKorean(string input, out DateTimeOffset value)
    {
        value = default;
        var kst = TimeSpan.FromHours(9);
        var m = OnBlogDate().Match(input);
        if (m.Success)
        {
            return TryBuild(Int(m.Groups["y"].Value), Int(m.Groups["mo"].Value), Int(m.Groups["d"].Value),
                Int(m.Groups["h"].Value), Int(m.Groups["mi"].Value), Int(m.Groups["s"].Value), kst, out value);
        }

        m = NateDate().Match(input);
        if (!m.Success)
        {
            return false;
        }

        var hour = Int(m.Groups["h"].Value) % 12 + (m.Groups["ampm"].Value == "오후" ? 12 : 0);
        return TryBuild(Int(m.Groups["y"].Value), Int(m.Groups["mo"].Value), Int(m.Groups["d"].Value),
            hour, Int(m.Groups["mi"].Value), Int(m.Groups["s"].Value), kst, out value);
    }

    /// <summary>Parses "+hh:mm", "+hhmm", "-hh" offsets.</summary>
    internal static bool TryNumericOffset(string zone, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        var m = NumericOffset().Match(zone);
        if (!m.Success)
        {
            return false;
        }

        var hours = Int(m.Groups["h"].Value);
        var minutes = m.Groups["m"].Success ? Int(m.Groups["m"].Value) : 0;
        if (hours > 14 || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        if (m.Groups["sign"].Value == "-")
        {
            offset = offset.Negate();
        }

        return true;
    }

    internal static int Int(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(?<date>[0-9-]+)(?:[T ](?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:[.,](?<f>\d+))?)?)? ?(?<zone>Z|[+-][0-9:]+)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex IsoDateTime();

    [GeneratedRegex(@"^(?<y>\d{4})(?:-(?<m>0?\d{2})(?:-(?<d>\d{2}))?|(?<m>\d{2})(?<d>\d{2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoFullDate();

    [GeneratedRegex(@"^(?:(?<y>\d{4})-?|(?<y>\d{2}))(?<o>\d{3})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoOrdinalDate();

    [GeneratedRegex(@"^(?:(?<y>\d{2})-?(?<m>\d{2})-?(?<d>\d{2})|-(?<y>\d{2})-?(?<m>\d{2}))$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoShortDate();

    [GeneratedRegex(@"^(?<sign>[+-])(?<h>\d{2})(?::?(?<m>\d{2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumericOffset();

    [GeneratedRegex(@"^(?<y>\d{4})년 ?(?<mo>\d{1,2})월 ?(?<d>\d{1,2})일 (?<h>\d{1,2}):(?<mi>\d{2}):(?<s>\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex OnBlogDate();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<mo>\d{1,2})-(?<d>\d{1,2}) (?<ampm>오전|오후) (?<h>\d{1,2}):(?<mi>\d{2}):(?<s>\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex NateDate();
}
