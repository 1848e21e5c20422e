using System.Globalization;
using PolicyBot.Subscriptions;

namespace PolicyBot.Digests;

/// <summary>
/// When a digest fires, in Quartz cron syntax (<c>second minute hour day-of-month month day-of-week</c>) and a time
/// zone: daily <c>0 MM HH ? * *</c>, weekly <c>0 MM HH ? * MON</c>, evaluated in the subscription's zone so that
/// 09:00 stays 09:00 local across daylight-saving changes.
/// </summary>
public static class DigestCron
{
    private static readonly string[] Days = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    /// <summary>The cron expression for a schedule (the time zone is separate: see <see cref="Zone"/>).</summary>
    public static string Expression(DigestSchedule schedule)
    {
        var minute = schedule.At.Minute.ToString(CultureInfo.InvariantCulture);
        var hour = schedule.At.Hour.ToString(CultureInfo.InvariantCulture);
        var day = schedule.Frequency == DigestFrequency.Weekly ? Days[(int)schedule.Day] : "*";
        return $"0 {minute} {hour} ? * {day}";
    }

    /// <summary>The schedule's time zone; UTC (and <paramref name="known"/> false) when the id is not a zone this machine knows.</summary>
    public static TimeZoneInfo Zone(DigestSchedule schedule, out bool known)
    {
        known = TimeZoneInfo.TryFindSystemTimeZoneById(schedule.TimeZone, out var zone);
        return zone ?? TimeZoneInfo.Utc;
    }

    /// <summary>What identifies a schedule as Quartz runs it: the expression and the resolved zone. A trigger whose
    /// fingerprint differs from its subscription's is out of date.</summary>
    public static string Fingerprint(DigestSchedule schedule) => $"{Expression(schedule)} in {Zone(schedule, out _).Id}";

    /// <summary>
    /// The start of a period that ends at <paramref name="end"/> when no earlier digest marks it: one day or one week
    /// earlier on the local clock (so a period across a daylight-saving change is 23 or 25 hours, like the schedule).
    /// </summary>
    public static DateTimeOffset DefaultStart(DigestSchedule schedule, DateTimeOffset end)
    {
        var zone = Zone(schedule, out _);
        var local = TimeZoneInfo.ConvertTime(end, zone).DateTime;
        var start = local.AddDays(schedule.Frequency == DigestFrequency.Weekly ? -7 : -1);
        return new DateTimeOffset(start, zone.GetUtcOffset(start)).ToUniversalTime();
    }
}
