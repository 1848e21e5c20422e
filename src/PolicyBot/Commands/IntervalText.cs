using System.Globalization;

namespace PolicyBot.Commands;

/// <summary>Reads a check interval as people write it: <c>45s</c>, <c>30m</c>, <c>2h</c>, <c>1d</c>, or <c>00:30:00</c>.</summary>
public static class IntervalText
{
    public static bool TryParse(string text, out TimeSpan interval)
    {
        interval = default;
        var folded = text.Trim().ToLowerInvariant();
        if (folded.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(folded, CultureInfo.InvariantCulture, out interval) && interval > TimeSpan.Zero;
        }

        var digits = 0;
        while (digits < folded.Length && char.IsAsciiDigit(folded[digits]))
        {
            digits++;
        }

        if (digits == 0 || digits > 6 || !int.TryParse(folded.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount == 0)
        {
            return false;
        }

        TimeSpan? unit = folded[digits..] switch
        {
            "s" or "sec" or "secs" or "second" or "seconds" => TimeSpan.FromSeconds(1),
            "m" or "min" or "mins" or "minute" or "minutes" => TimeSpan.FromMinutes(1),
            "h" or "hr" or "hrs" or "hour" or "hours" => TimeSpan.FromHours(1),
            "d" or "day" or "days" => TimeSpan.FromDays(1),
            _ => null,
        };
        if (unit is null)
        {
            return false;
        }

        interval = unit.Value * amount;
        return true;
    }
}
