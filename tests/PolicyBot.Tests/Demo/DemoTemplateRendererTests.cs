using PolicyBot.Demo;

namespace PolicyBot.Tests.Demo;

public sealed class DemoTemplateRendererTests
{
    private static readonly DateTimeOffset DayOne = new(2025, 7, 31, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset DayTwo = new(2025, 8, 1, 9, 30, 0, TimeSpan.Zero);

    private static DemoRenderContext Html(DateTimeOffset? dayTwo = null) => new(new Uri("http://127.0.0.1:5123/"), DayOne, dayTwo, UseRfc1123: false);

    private static DemoRenderContext Feed(DateTimeOffset? dayTwo = null) => Html(dayTwo) with { UseRfc1123 = true };

    [Fact]
    public void Base_Is_Rendered_Without_A_Trailing_Slash()
    {
        DemoTemplateRenderer.Render("<a href=\"{{base}}/x.html\">", Html()).ShouldBe("<a href=\"http://127.0.0.1:5123/x.html\">");
    }

    [Fact]
    public void Published_Is_Iso_8601_In_Html_And_Rfc_1123_In_Feeds()
    {
        DemoTemplateRenderer.Render("{{published:-3h}}", Html()).ShouldBe("2025-07-31T09:00:00Z");
        DemoTemplateRenderer.Render("{{published:-3h}}", Feed()).ShouldBe("Thu, 31 Jul 2025 09:00:00 GMT");
    }

    [Fact]
    public void Display_And_Date_Are_Human_Readable_And_Culture_Invariant()
    {
        DemoTemplateRenderer.Render("{{display:-25m}} / {{date:-40d}}", Html()).ShouldBe("31 July 2025, 11:35 UTC / 21 June 2025");
    }

    [Fact]
    public void Day_Two_Offsets_Are_Relative_To_The_Second_Day()
    {
        DemoTemplateRenderer.Render("{{published:day2-25m}} {{date:day2}}", Html(DayTwo)).ShouldBe("2025-08-01T09:05:00Z 1 August 2025");
    }

    [Fact]
    public void Day_Sections_Show_Only_On_Their_Day()
    {
        const string template = "a{{day1}}[one]{{/day1}}b{{day2}}[two {{published:day2-1h}}]{{/day2}}c";

        DemoTemplateRenderer.Render(template, Html()).ShouldBe("a[one]bc");
        DemoTemplateRenderer.Render(template, Html(DayTwo)).ShouldBe("ab[two 2025-08-01T08:30:00Z]c");
    }

    [Fact]
    public void Empty_Template_Renders_Empty()
    {
        DemoTemplateRenderer.Render(string.Empty, Html()).ShouldBe(string.Empty);
    }

    [Theory]
    [InlineData("{{published}}")]
    [InlineData("{{published:}}")]
    [InlineData("{{published:-3x}}")]
    [InlineData("{{published:3h}}")]
    [InlineData("{{unknown}}")]
    [InlineData("{{base:-1h}}")]
    [InlineData("{{day1}}never closed")]
    [InlineData("{{day2}}mismatched{{/day1}}")]
    [InlineData("text {{ published:-1h }}")]
    public void Malformed_Placeholders_Are_Rejected_With_A_Clear_Message(string template)
    {
        var error = Should.Throw<FormatException>(() => DemoTemplateRenderer.Render(template, Html()));

        error.Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Day_Two_Placeholder_Before_The_Second_Day_Is_Rejected()
    {
        var error = Should.Throw<FormatException>(() => DemoTemplateRenderer.Render("{{published:day2-1h}}", Html()));

        error.Message.ShouldContain("before day two");
    }

    [Theory]
    [InlineData("{{published:-999999999999d}}")]
    [InlineData("{{published:+999999999999s}}")]
    [InlineData("{{published:-3651d}}")]
    public void Hostile_Offsets_Are_Rejected_Rather_Than_Overflowing(string template)
    {
        Should.Throw<FormatException>(() => DemoTemplateRenderer.Render(template, Html())).Message.ShouldContain("offset");
    }

    [Fact]
    public void Oversized_Template_Renders_Every_Placeholder()
    {
        var template = string.Concat(Enumerable.Repeat("<p>{{base}} {{published:-1h}}</p>\n", 5_000));

        var rendered = DemoTemplateRenderer.Render(template, Html());

        rendered.ShouldNotContain("{{");
        rendered.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldAllBe(line => line == "<p>http://127.0.0.1:5123 2025-07-31T11:00:00Z</p>");
    }

    [Fact]
    public void Resource_Suffix_Mangles_Folders_But_Keeps_File_Names()
    {
        DemoSiteCatalog.ResourceSuffix("outlet-a/zuckerberg-open-source-caution.html").ShouldBe("Demo.Site.outlet_a.zuckerberg-open-source-caution.html");
        DemoSiteCatalog.ResourceSuffix("feed.xml").ShouldBe("Demo.Site.feed.xml");
        DemoSiteCatalog.ResourceSuffix("2025/a-b/x.html").ShouldBe("Demo.Site._2025.a_b.x.html");
    }

    [Fact]
    public void Every_Bundled_Template_Is_Embedded_Under_Its_Computed_Name()
    {
        var names = typeof(DemoSiteCatalog).Assembly.GetManifestResourceNames();

        foreach (var file in new[] { "feed.xml", "outlet-a/zuckerberg-open-source-caution.html", "outlet-b/meta-open-weights-retreat.html", "policy/open-weights-policy.v1.html", "policy/open-weights-policy.v2.html" })
        {
            names.ShouldContain(n => n.EndsWith("." + DemoSiteCatalog.ResourceSuffix(file), StringComparison.Ordinal), customMessage: file);
        }
    }
}
