using System.Text.Json;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Cli;

public sealed class AnalyzeCommandTests
{
    private static string Evaluation(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "evaluation", name);

    [Fact]
    public async Task Analyze_Json_Of_A_Web_Page_Prints_The_Contract_Object()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("analyze", Evaluation("relevant/meta-superintelligence-open-source-caution-ledger.html"), "--json");

        result.ExitCode.ShouldBe(0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        foreach (var field in new[] { "url", "title", "publishedAt", "text", "relevant", "relevance", "matched", "orgs", "stance", "summary", "quotes" })
        {
            root.TryGetProperty(field, out _).ShouldBeTrue(field);
        }

        root.GetProperty("relevant").GetBoolean().ShouldBeTrue();
        root.GetProperty("stance").GetString().ShouldBe("cautious");
        root.GetProperty("orgs")[0].GetProperty("name").GetString().ShouldBe("Meta");
        root.GetProperty("orgs")[0].GetProperty("mentions").GetInt32().ShouldBeGreaterThan(0);
        var text = root.GetProperty("text").GetString()!;
        text.ShouldContain("\n\n");
        var quotes = root.GetProperty("quotes").EnumerateArray().ToList();
        quotes.ShouldNotBeEmpty();
        quotes.ShouldAllBe(q => text.Contains(q.GetProperty("text").GetString()!, StringComparison.Ordinal));
        quotes.ShouldContain(q => q.GetProperty("speaker").GetString() == "Mark Zuckerberg" && q.GetProperty("org").GetString() == "Meta");
    }

    [Fact]
    public async Task Analyze_Reads_Plain_Text_And_Fetched_Urls()
    {
        await using var server = await LoopbackServer.StartAsync();
        var html = await File.ReadAllTextAsync(Evaluation("other/nvidia-q1-fy2026-earnings.html"));
        server.Map("/story", LoopbackServer.Respond(200, html, "text/html; charset=utf-8"));
        using var cli = new CliRun();
        var txt = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "evaluation"), "*.txt", SearchOption.AllDirectories)
            .First(f => !f.EndsWith(".main.txt", StringComparison.Ordinal));

        var plain = await cli.RunAsync("analyze", txt, "--json");
        var fetched = await cli.RunAsync("analyze", server.Url("/story").ToString(), "--json");

        plain.ExitCode.ShouldBe(0, plain.Error);
        JsonDocument.Parse(plain.Out).RootElement.GetProperty("text").GetString()!.Length.ShouldBeGreaterThan(200);
        fetched.ExitCode.ShouldBe(0, fetched.Error);
        using var story = JsonDocument.Parse(fetched.Out);
        story.RootElement.GetProperty("relevant").GetBoolean().ShouldBeFalse();
        story.RootElement.GetProperty("url").GetString().ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("no-such-file.html", "no such file")]
    [InlineData("https://user:secret@example.org/a", "credentials")]
    [InlineData("ftp://example.org/a", "scheme")]
    public async Task Analyze_Refuses_Bad_Targets_With_A_Clear_Message(string target, string expected)
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("analyze", target);

        result.ExitCode.ShouldBe(1);
        result.Error.ToLowerInvariant().ShouldContain(expected);
        result.Error.ShouldNotContain("secret");
    }

    [Fact]
    public async Task Analyze_Of_Binary_Garbage_Is_A_Result_Not_A_Crash()
    {
        using var cli = new CliRun();
        var path = Path.Combine(cli.Directory, "garbage.html");
        await File.WriteAllBytesAsync(path, Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7919 % 256)).ToArray());

        var result = await cli.RunAsync("analyze", path, "--json");

        result.ExitCode.ShouldBe(0, result.Error);
        JsonDocument.Parse(result.Out).RootElement.GetProperty("relevant").GetBoolean().ShouldBeFalse();
    }
}
