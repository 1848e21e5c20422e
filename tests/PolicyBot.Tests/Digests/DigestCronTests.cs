using PolicyBot.Digests;
using PolicyBot.Subscriptions;
using Quartz;

namespace PolicyBot.Tests.Digests;

public sealed class DigestCronTests
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    /// <summary>The fire times Quartz computes for the schedule, as the digest trigger uses them.</summary>
    private static List<DateTimeOffset> FireTimes(DigestSchedule schedule, DateTimeOffset after, int count)
    {
        var cron = CronExpression.Parse(DigestCron.Expression(schedule)).WithTimeZone(DigestCron.Zone(schedule, out _));
        var times = new List<DateTimeOffset>();
        for (var at = after; times.Count < count;)
        {
            at = cron.GetNextValidTimeAfter(at)!.Value;
            times.Add(at.ToUniversalTime());
        }

        return times;
    }

    [Fact]
    public void Daily_And_Weekly_Schedules_Become_Quartz_Cron_Expressions()
    {
        DigestCron.Expression(new DigestSchedule(DigestFrequency.Daily, new TimeOnly(9, 5))).ShouldBe("0 5 9 ? * *");
        DigestCron.Expression(new DigestSchedule(DigestFrequency.Weekly, new TimeOnly(17, 30), Day: DayOfWeek.Friday)).ShouldBe("0 30 17 ? * FRI");
        DigestCron.Expression(new DigestSchedule(DigestFrequency.Weekly, new TimeOnly(0, 0), Day: DayOfWeek.Sunday)).ShouldBe("0 0 0 ? * SUN");
    }

    [Fact]
    public void Berlin_Nine_Oclock_Stays_Nine_Oclock_Local_When_Summer_Time_Starts_In_March()
    {
        var schedule = new DigestSchedule(DigestFrequency.Daily, new TimeOnly(9, 0), "Europe/Berlin");

        var times = FireTimes(schedule, Utc(2026, 3, 27, 12), 3);

        times.ShouldBe([Utc(2026, 3, 28, 8), Utc(2026, 3, 29, 7), Utc(2026, 3, 30, 7)]);
    }

    [Fact]
    public void Berlin_Nine_Oclock_Stays_Nine_Oclock_Local_When_Summer_Time_Ends_In_October()
    {
        var schedule = new DigestSchedule(DigestFrequency.Daily, new TimeOnly(9, 0), "Europe/Berlin");

        var times = FireTimes(schedule, Utc(2026, 10, 23, 12), 3);

        times.ShouldBe([Utc(2026, 10, 24, 7), Utc(2026, 10, 25, 8), Utc(2026, 10, 26, 8)]);
    }

    [Fact]
    public void New_York_Digest_Moves_An_Hour_In_Utc_When_Daylight_Time_Starts()
    {
        var schedule = new DigestSchedule(DigestFrequency.Daily, new TimeOnly(9, 0), "America/New_York");

        var times = FireTimes(schedule, Utc(2026, 3, 6, 15), 3);

        times.ShouldBe([Utc(2026, 3, 7, 14), Utc(2026, 3, 8, 13), Utc(2026, 3, 9, 13)]);
    }

    [Fact]
    public void Weekly_Digest_Fires_Only_On_Its_Day_At_Its_Local_Time()
    {
        var schedule = new DigestSchedule(DigestFrequency.Weekly, new TimeOnly(8, 30), "America/New_York", DayOfWeek.Monday);

        var times = FireTimes(schedule, Utc(2026, 3, 4, 12), 3);

        times.ShouldBe([Utc(2026, 3, 9, 12, 30), Utc(2026, 3, 16, 12, 30), Utc(2026, 3, 23, 12, 30)]);
        var zone = DigestCron.Zone(schedule, out _);
        times.Select(t => TimeZoneInfo.ConvertTime(t, zone).DayOfWeek).Distinct().ShouldBe([DayOfWeek.Monday]);
    }

    [Fact]
    public void A_Time_Skipped_By_The_Spring_Change_Fires_When_The_Clock_Resumes_That_Day()
    {
        // 02:30 does not exist in Berlin on 29 March 2026 (clocks go from 02:00 to 03:00): that day's digest goes at 03:00.
        var schedule = new DigestSchedule(DigestFrequency.Daily, new TimeOnly(2, 30), "Europe/Berlin");

        var times = FireTimes(schedule, Utc(2026, 3, 27, 12), 3);

        times.ShouldBe([Utc(2026, 3, 28, 1, 30), Utc(2026, 3, 29, 1, 0), Utc(2026, 3, 30, 0, 30)]);
    }

    [Fact]
    public void A_Time_Repeated_By_The_Autumn_Change_Fires_Once_Not_Twice()
    {
        // 02:30 happens twice in Berlin on 25 October 2026 (00:30 and 01:30 UTC): the digest goes at the first.
        var schedule = new DigestSchedule(DigestFrequency.Daily, new TimeOnly(2, 30), "Europe/Berlin");

        var times = FireTimes(schedule, Utc(2026, 10, 23, 12), 3);

        times.ShouldBe([Utc(2026, 10, 24, 0, 30), Utc(2026, 10, 25, 0, 30), Utc(2026, 10, 26, 1, 30)]);
    }

    [Fact]
    public void Unknown_Time_Zone_Falls_Back_To_Utc_And_Says_So()
    {
        var zone = DigestCron.Zone(new DigestSchedule(DigestFrequency.Daily, new TimeOnly(9, 0), "Mars/Olympus_Mons"), out var known);

        known.ShouldBeFalse();
        zone.ShouldBe(TimeZoneInfo.Utc);
    }

    [Fact]
    public void Windows_Time_Zone_Ids_Are_Understood_Too()
    {
        var zone = DigestCron.Zone(new DigestSchedule(DigestFrequency.Daily, new TimeOnly(9, 0), "W. Europe Standard Time"), out var known);

        known.ShouldBeTrue();
        zone.GetUtcOffset(Utc(2026, 1, 15, 12)).ShouldBe(TimeSpan.FromHours(1));
    }

    [Fact]
    public void Fingerprint_Changes_With_Time_Day_Or_Zone_And_Only_Then()
    {
        var schedule = new DigestSchedule(DigestFrequency.Weekly, new TimeOnly(9, 0), "Europe/Berlin", DayOfWeek.Monday);

        DigestCron.Fingerprint(schedule with { }).ShouldBe(DigestCron.Fingerprint(schedule));
        DigestCron.Fingerprint(schedule).ShouldBe("0 0 9 ? * MON in Europe/Berlin");
        DigestCron.Fingerprint(schedule with { At = new TimeOnly(9, 1) }).ShouldNotBe(DigestCron.Fingerprint(schedule));
        DigestCron.Fingerprint(schedule with { Day = DayOfWeek.Tuesday }).ShouldNotBe(DigestCron.Fingerprint(schedule));
        DigestCron.Fingerprint(schedule with { TimeZone = "Europe/London" }).ShouldNotBe(DigestCron.Fingerprint(schedule));
        DigestCron.Fingerprint(schedule with { Frequency = DigestFrequency.Daily }).ShouldNotBe(DigestCron.Fingerprint(schedule));
    }

    [Fact]
    public void First_Period_Reaches_Back_One_Local_Day_Or_Week_Even_Across_A_Clock_Change()
    {
        var daily = new DigestSchedule(DigestFrequency.Daily, new TimeOnly(9, 0), "Europe/Berlin");
        var weekly = daily with { Frequency = DigestFrequency.Weekly, Day = DayOfWeek.Sunday };

        DigestCron.DefaultStart(daily, Utc(2026, 3, 29, 7)).ShouldBe(Utc(2026, 3, 28, 8)); // a 23-hour day
        DigestCron.DefaultStart(daily, Utc(2026, 10, 25, 8)).ShouldBe(Utc(2026, 10, 24, 7)); // a 25-hour day
        DigestCron.DefaultStart(weekly, Utc(2026, 3, 29, 7)).ShouldBe(Utc(2026, 3, 22, 8));
    }
}
