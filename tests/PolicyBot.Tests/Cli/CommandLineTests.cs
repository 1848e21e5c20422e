using System.Text.Json;
using PolicyBot.Tests.Infrastructure;
using PolicyBot.Tests.Polling;

namespace PolicyBot.Tests.Cli;

public sealed class CommandLineTests
{
    [Fact]
    public async Task Sources_Add_Previews_The_Feed_Then_List_Pause_Resume_Export_And_Remove_Work()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/feed.xml", LoopbackServer.Respond(200, TestFeeds.Rss(TestFeeds.Relevant("a", DateTimeOffset.UtcNow)), "application/rss+xml"));
        using var cli = new CliRun();
        var url = server.Url("/feed.xml").ToString();

        var add = await cli.RunAsync("sources", "add", url, "--org", "Meta");
        var duplicate = await cli.RunAsync("sources", "add", url);
        var respelt = await cli.RunAsync("sources", "add", url.Replace("http://", "HTTP://", StringComparison.Ordinal) + "?utm_source=x#top");
        var pause = await cli.RunAsync("sources", "pause", url);
        var list = await cli.RunAsync("sources", "list");
        var resume = await cli.RunAsync("sources", "resume", "Test Wire");
        var export = await cli.RunAsync("sources", "export");
        var remove = await cli.RunAsync("sources", "remove", "1");
        var empty = await cli.RunAsync("sources", "list");

        add.ExitCode.ShouldBe(0, add.Error);
        add.Out.ShouldContain("Found a feed \"Test Wire\" with 1 item(s)");
        add.Out.ShouldContain("Added #1 Test Wire [feed]");
        duplicate.ExitCode.ShouldBe(1);
        duplicate.Error.ShouldContain("Already watched as #1");
        respelt.ExitCode.ShouldBe(1);
        respelt.Error.ShouldContain("Already watched as #1");
        pause.Out.ShouldContain("Paused #1");
        list.Out.ShouldContain("#1 Test Wire [feed, paused]");
        list.Out.ShouldContain("orgs Meta");
        resume.Out.ShouldContain("Resumed #1");
        export.Out.ShouldContain($"xmlUrl=\"{url}\"");
        export.Out.ShouldContain("policybotOrgs=\"Meta\"");
        remove.Out.ShouldContain("Removed #1");
        empty.Out.ShouldContain("No sources are watched");
    }

    [Theory]
    [InlineData("ftp://example.org/feed", "scheme")]
    [InlineData("https://user:pass@example.org/feed", "credentials")]
    [InlineData("not a url", "absolute")]
    [InlineData("javascript:alert(1)", "scheme")]
    public async Task Sources_Add_Refuses_Bad_Urls_With_A_Clear_Message(string url, string expected)
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("sources", "add", url);

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("Cannot add this source");
        result.Error.ToLowerInvariant().ShouldContain(expected);
        result.Error.ShouldNotContain("pass@");
    }

    [Fact]
    public async Task Sources_Add_Refuses_A_Private_Address_Unless_Allowed()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var cli = new CliRun(new Dictionary<string, string?> { ["Polling:AllowPrivateAddresses"] = "false" });

        var result = await cli.RunAsync("sources", "add", server.Url("/feed.xml").ToString());

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("refused");
        server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Once_Json_Prints_One_Array_With_The_Contract_Fields()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/feed.xml", LoopbackServer.Respond(200, TestFeeds.Rss(TestFeeds.Relevant("a", DateTimeOffset.UtcNow.AddHours(-1))), "application/rss+xml"));
        using var cli = new CliRun();
        await cli.RunAsync("sources", "add", server.Url("/feed.xml").ToString(), "--no-fetch");

        var result = await cli.RunAsync("once", "--json", "--no-deliver");

        result.ExitCode.ShouldBe(0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var alert = json.RootElement.EnumerateArray().ShouldHaveSingleItem();
        foreach (var field in new[] { "title", "url", "orgs", "stance", "shift", "summary", "quotes", "alsoReportedBy", "change" })
        {
            alert.TryGetProperty(field, out _).ShouldBeTrue(field);
        }

        alert.GetProperty("url").GetString().ShouldBe("https://news.example/a");
        alert.GetProperty("change").ValueKind.ShouldBe(JsonValueKind.Null);
        alert.GetProperty("quotes").EnumerateArray().ShouldContain(q =>
            q.GetProperty("speaker").GetString() == "Mark Zuckerberg" && q.GetProperty("text").GetString()!.Contains("careful about what we choose to open-source"));
        result.Error.ShouldContain("Checked 1 source(s)");
    }

    [Fact]
    public async Task Once_Prints_Alerts_As_Text_And_A_Second_Run_Finds_Nothing_New()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/feed.xml", LoopbackServer.Respond(200, TestFeeds.Rss(TestFeeds.Relevant("a", DateTimeOffset.UtcNow.AddHours(-1))), "application/rss+xml"));
        using var cli = new CliRun();
        await cli.RunAsync("sources", "add", server.Url("/feed.xml").ToString());

        var first = await cli.RunAsync("once");
        var second = await cli.RunAsync("once");

        Flat(first.Out).ShouldContain("careful about what we choose to open-source");
        first.Out.ShouldContain("Mark Zuckerberg");
        second.Out.ShouldBeEmpty();
        second.Error.ShouldContain("0 alert(s)");
    }

    [Fact]
    public async Task An_Invalid_Configuration_Entry_Stops_Start_Up_Naming_The_Key()
    {
        using var cli = new CliRun(new Dictionary<string, string?>
        {
            ["Polling:Concurrency"] = "0",
            ["Sources:0:Url"] = "file:///etc/passwd",
            ["Sources:0:Kind"] = "podcast",
        });

        var result = await cli.RunAsync("sources", "list");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("configuration is invalid");
        result.Error.ShouldContain("Concurrency");
        result.Error.ShouldContain("Sources:0:Url");
        result.Error.ShouldContain("Sources:0:Kind 'podcast'");
    }

    [Fact]
    public async Task A_Value_Of_The_Wrong_Type_Stops_Start_Up_Naming_The_Key()
    {
        using var cli = new CliRun(new Dictionary<string, string?> { ["Polling:Timeout"] = "soon" });

        var result = await cli.RunAsync("sources", "list");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("Polling:Timeout");
    }

    [Fact]
    public async Task Db_Migrate_And_Backup_Work_And_Backup_Refuses_To_Overwrite()
    {
        using var cli = new CliRun();
        var target = Path.Combine(cli.Directory, "copy.db");

        var migrate = await cli.RunAsync("db", "migrate");
        var backup = await cli.RunAsync("db", "backup", target);
        var again = await cli.RunAsync("db", "backup", target);

        migrate.Out.ShouldContain($"schema version {PolicyBot.Data.DatabaseMigrator.LatestVersion}");
        backup.ExitCode.ShouldBe(0, backup.Error);
        File.Exists(target).ShouldBeTrue();
        again.ExitCode.ShouldBe(1);
        again.Error.ShouldContain("already exists");
    }

    [Fact]
    public async Task Unknown_Verbs_Get_A_Clear_Error_Not_A_Server()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("sources", "frobnicate");

        result.ExitCode.ShouldNotBe(0);
        result.Error.ShouldNotBeEmpty();
    }

    /// <summary>The output with line wrapping undone, so assertions do not depend on where lines break.</summary>
    private static string Flat(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
}
