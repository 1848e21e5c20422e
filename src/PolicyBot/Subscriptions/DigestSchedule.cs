namespace PolicyBot.Subscriptions;

/// <summary>When a digest goes out: daily, or weekly on <paramref name="Day"/>, at <paramref name="At"/> in <paramref name="TimeZone"/>.</summary>
/// <param name="TimeZone">An IANA (or Windows) time-zone id; <c>UTC</c> by default.</param>
public sealed record DigestSchedule(DigestFrequency Frequency, TimeOnly At, string TimeZone = "UTC", DayOfWeek Day = DayOfWeek.Monday);

/// <summary>How often a digest goes out.</summary>
public enum DigestFrequency
{
    Daily,
    Weekly,
}
