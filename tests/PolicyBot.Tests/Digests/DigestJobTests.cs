using PolicyBot.Digests;
using Quartz;

namespace PolicyBot.Tests.Digests;

public sealed class DigestJobTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Latest_Due_Is_The_Last_Scheduled_Time_In_The_Window_Counting_Its_End()
    {
        DigestJob.LatestDue("0 0 9 ? * *", Berlin, Utc(10, 30, 8), Utc(11, 2, 9)).ShouldBe(Utc(11, 2, 8));
        DigestJob.LatestDue("0 0 9 ? * *", Berlin, Utc(10, 30, 8), Utc(11, 2, 8)).ShouldBe(Utc(11, 2, 8));
        DigestJob.LatestDue("0 0 9 ? * *", Berlin, Utc(11, 2, 8), Utc(11, 3, 7, 59)).ShouldBeNull();
    }

    [Fact]
    public void Latest_Due_Follows_The_Local_Clock_And_Reaches_Back_A_Week_From_Any_Distance()
    {
        DigestJob.LatestDue("0 0 9 ? * *", Berlin, Utc(10, 1, 0), Utc(10, 25, 12)).ShouldBe(Utc(10, 25, 8));
        DigestJob.LatestDue("0 0 9 ? * *", Berlin, Utc(10, 1, 0), Utc(10, 24, 12)).ShouldBe(Utc(10, 24, 7));
        DigestJob.LatestDue("0 0 9 ? * MON", Berlin, new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), Utc(11, 8, 12)).ShouldBe(Utc(11, 2, 8));
    }

    [Fact]
    public void Trigger_Keys_Name_Their_Subscription_And_Nothing_Else_Parses_As_One()
    {
        DigestJob.SubscriptionIdOf(DigestJob.TriggerKeyFor(42)).ShouldBe(42);
        DigestJob.SubscriptionIdOf(new TriggerKey("subscription-42", "other")).ShouldBeNull();
        DigestJob.SubscriptionIdOf(new TriggerKey("subscription-x", DigestJob.TriggerGroup)).ShouldBeNull();
        DigestJob.SubscriptionIdOf(new TriggerKey("subscription--1", DigestJob.TriggerGroup)).ShouldBeNull();
        DigestJob.SubscriptionIdOf(new TriggerKey("subscription-99999999999999999999", DigestJob.TriggerGroup)).ShouldBeNull();
    }
}
