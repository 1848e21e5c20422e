using PolicyBot.Extraction;

namespace PolicyBot.Tests.Extraction;

public sealed class VisibleDateParserTests
{
    [Theory]
    [InlineData("Jonas Verbeke | 4 July 2025", "2025-07-04T00:00:00Z")]
    [InlineData("5 May 2020 — by Ingrid Solheim", "2020-05-05T00:00:00Z")]
    [InlineData("US-AI/WEIGHTS | July 30, 2024 10:00 AM EDT", "2024-07-30T14:00:00Z")]
    [InlineData("Jul 30 2024 12:10 ET", "2024-07-30T16:10:00Z")]
    [InlineData("Dec 3 2024 9:15 am ET", "2024-12-03T14:15:00Z")]
    [InlineData("07/30/2025 03:05 PM", "2025-07-30T15:05:00Z")]
    [InlineData("30/07/2025", "2025-07-30T00:00:00Z")]
    [InlineData("Published 2nd December 2025, 18:30 CET", "2025-12-02T17:30:00Z")]
    [InlineData("2025-02-14T09:00:00Z", "2025-02-14T09:00:00Z")]
    public void Reader_Facing_Dates_Are_Parsed(string text, string expected)
    {
        // Act
        var parsed = VisibleDateParser.TryParse(text, out var value);

        // Assert
        parsed.ShouldBeTrue();
        value.ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Copyright 2025 Example Daily")]
    [InlineData("5 min read")]
    [InlineData("31 February 2025")]
    [InlineData("13/13/2025")]
    [InlineData("99:99 on 4 July 2025 is not a time")]
    [InlineData("\u0000\uFFFF<<<>>>")]
    public void Text_Without_A_Valid_Date_Is_Rejected_Or_Read_Safely(string? text)
    {
        // Act
        var parsed = VisibleDateParser.TryParse(text, out var value);

        // Assert
        if (text is not null && text.StartsWith("99:99", StringComparison.Ordinal))
        {
            parsed.ShouldBeTrue();
            value.ShouldBe(new DateTimeOffset(2025, 7, 4, 0, 0, 0, TimeSpan.Zero));
        }
        else
        {
            parsed.ShouldBeFalse();
        }
    }

    [Fact]
    public void Oversized_Text_Is_Rejected()
    {
        // Act
        var parsed = VisibleDateParser.TryParse("4 July 2025 " + new string('x', 10_000), out _);

        // Assert
        parsed.ShouldBeFalse();
    }
}
