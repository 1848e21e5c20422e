using PolicyBot.Commands;

namespace PolicyBot.Tests.Commands;

public sealed class IntervalTextTests
{
    [Theory]
    [InlineData("45s", 45)]
    [InlineData("30m", 1800)]
    [InlineData("2h", 7200)]
    [InlineData("1d", 86400)]
    [InlineData("15min", 900)]
    [InlineData("00:30:00", 1800)]
    [InlineData("1.00:00:00", 86400)]
    public void Intervals_Are_Read_In_Common_Spellings(string text, int seconds)
    {
        IntervalText.TryParse(text, out var interval).ShouldBeTrue();
        interval.ShouldBe(TimeSpan.FromSeconds(seconds));
    }

    [Theory]
    [InlineData("")]
    [InlineData("meta")]
    [InlineData("30")]
    [InlineData("0m")]
    [InlineData("-5m")]
    [InlineData("5 weeks")]
    [InlineData("99999999999h")]
    [InlineData("00:00:00")]
    [InlineData("12:99:99")]
    public void Anything_Else_Is_Not_An_Interval(string text)
    {
        IntervalText.TryParse(text, out _).ShouldBeFalse();
    }
}
