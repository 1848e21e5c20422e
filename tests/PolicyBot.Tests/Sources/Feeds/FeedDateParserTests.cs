using System.Globalization;
using PolicyBot.Sources.Feeds;

namespace PolicyBot.Tests.Sources.Feeds;

public sealed class FeedDateParserTests
{
    [Theory]
    [InlineData("Tue, 04 Mar 2025 09:30:00 GMT", "2025-03-04T09:30:00Z")]
    [InlineData("Tue, 04 Mar 2025 09:30:00 +0130", "2025-03-04T08:00:00Z")]
    [InlineData("Tue, 04 Mar 2025 09:30:00 -05:00", "2025-03-04T14:30:00Z")]
    [InlineData("Tue, 04 Mar 2025 09:30:00 EST", "2025-03-04T14:30:00Z")]
    [InlineData("Tue, 04 Mar 2025 09:30:00 PDT", "2025-03-04T16:30:00Z")]
    [InlineData("Tue, 04 Mar 2025 09:30:00 CEST", "2025-03-04T07:30:00Z")]
    [InlineData("tue, 04 mar 2025 09:30:00 gmt", "2025-03-04T09:30:00Z")]
    [InlineData("Tue, 04 Mar 2025 09:30 GMT", "2025-03-04T09:30:00Z")]
    [InlineData("Tue, 4 Mar 25 09:30:00 GMT", "2025-03-04T09:30:00Z")]
    [InlineData("  Tue,   04  Mar   2025   09:30:00   GMT  ", "2025-03-04T09:30:00Z")]
    [InlineData("Tuesday, 04 March 2025 09:30:00 UT", "2025-03-04T09:30:00Z")]
    [InlineData("04 Mar 2025", "2025-03-04T00:00:00Z")]
    [InlineData("Tue, 04 Mar 2025 09:30:00 Z", "2025-03-04T09:30:00Z")]
    [InlineData("Tue, 04 Mar 2025 09:30:00 A", "2025-03-04T10:30:00Z")]
    [InlineData("Tue, 04 Mar 2025 09:30:00 N", "2025-03-04T08:30:00Z")]
    [InlineData("Sat, 01 Jan 72 00:00:00 GMT", "1972-01-01T00:00:00Z")]
    [InlineData("2025-03-04", "2025-03-04T00:00:00Z")]
    [InlineData("2025-03-04T09:30Z", "2025-03-04T09:30:00Z")]
    [InlineData("2025-03-04T09:30:15.123456+02:00", "2025-03-04T07:30:15.123456Z")]
    [InlineData("2025-03-04T09:30:15-0800", "2025-03-04T17:30:15Z")]
    [InlineData("20250304", "2025-03-04T00:00:00Z")]
    public void Common_Feed_Date_Forms_Parse_To_Utc(string input, string expectedUtc)
    {
        // Act
        var parsed = FeedDateParser.TryParse(input, out var value);

        // Assert
        parsed.ShouldBeTrue();
        value.ShouldBe(DateTimeOffset.Parse(expectedUtc, CultureInfo.InvariantCulture));
        value.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("yesterday")]
    [InlineData("Tue, 32 Mar 2025 09:30:00 GMT")]
    [InlineData("Tue, 29 Feb 2025 09:30:00 GMT")]
    [InlineData("2025-13-01")]
    [InlineData("2025-03-04T24:30:00Z")]
    [InlineData("Tue, 04 Mar 2025 09:30:00 +2500")]
    [InlineData("Tue, 04 Foo 2025 09:30:00 GMT")]
    [InlineData("\u0000\u0001\u0002")]
    public void Invalid_Dates_Are_Rejected_Without_Throwing(string? input)
    {
        // Act
        var parsed = FeedDateParser.TryParse(input, out var value);

        // Assert
        parsed.ShouldBeFalse();
        value.ShouldBe(default);
    }

    [Fact]
    public void Oversized_Input_Is_Rejected()
    {
        // Act
        var parsed = FeedDateParser.TryParse("Tue, 04 Mar 2025 " + new string(' ', 10_000) + "09:30:00 GMT", out _);

        // Assert
        parsed.ShouldBeFalse();
    }
}
