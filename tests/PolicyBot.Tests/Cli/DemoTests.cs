namespace PolicyBot.Tests.Cli;

public sealed class DemoTests
{
    [Fact]
    public async Task Demo_Prints_Alerts_With_The_Seed_Quotes_And_The_Page_Change_Offline()
    {
        using var cli = new CliRun();
        var previous = Directory.GetCurrentDirectory();

        var result = await cli.RunAsync("demo");

        result.ExitCode.ShouldBe(0, result.Error);
        Flat(result.Out).ShouldContain("careful about what we choose to open-source");
        Flat(result.Out).ShouldContain("If we reach a point where releasing some models is no longer responsible, we simply won't do it");
        result.Out.ShouldContain("Mark Zuckerberg");
        result.Out.ShouldContain("page changed");
        result.Out.ShouldContain("Update to:");
        result.Out.ShouldContain("Also reported by: http://127.0.0.1:");
        result.Out.ShouldContain("Demo finished: 2 alert(s)");
        result.Out.ShouldContain("  + ");
        result.Out.ShouldContain("  - ");
        Directory.GetCurrentDirectory().ShouldBe(previous);
    }

    /// <summary>The output with line wrapping undone, so assertions do not depend on where lines break.</summary>
    private static string Flat(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
}
