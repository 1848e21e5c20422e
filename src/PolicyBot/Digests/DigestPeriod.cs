using System.Globalization;

namespace PolicyBot.Digests;

/// <summary>The span a digest covers, <c>(From, To]</c>, in UTC.</summary>
public sealed record DigestPeriod(DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>Whether the period is empty or reversed (an earlier digest already covered it).</summary>
    public bool IsEmpty => To <= From;

    /// <summary>The period on the subscription's local clock, e.g. <c>Mon 2 Nov 09:00 – Tue 3 Nov 2026 09:00 (Europe/Berlin)</c>.</summary>
    public string Describe(TimeZoneInfo zone)
    {
        var from = TimeZoneInfo.ConvertTime(From, zone);
        var to = TimeZoneInfo.ConvertTime(To, zone);
        var fromFormat = from.Year == to.Year ? "ddd d MMM HH:mm" : "ddd d MMM yyyy HH:mm";
        return $"{from.ToString(fromFormat, CultureInfo.InvariantCulture)} – {to.ToString("ddd d MMM yyyy HH:mm", CultureInfo.InvariantCulture)} ({zone.Id})";
    }
}
