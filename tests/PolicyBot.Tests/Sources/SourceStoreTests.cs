using PolicyBot.Data;
using PolicyBot.Sources;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Sources;

public sealed class SourceStoreTests
{
    private static SourceDefinition Feed(string url, string name = "Feed") => new() { Name = name, Url = url, Kind = "feed" };

    [Fact]
    public async Task Adding_The_Same_Url_Twice_Keeps_One_Source()
    {
        await using var services = await TestServices.CreateAsync();
        var store = services.Get<SourceStore>();

        var first = await store.AddAsync(Feed("https://example.org/a.xml"), "cli", services.Clock.GetUtcNow(), CancellationToken.None);
        var second = await store.AddAsync(Feed("https://example.org/a.xml"), "cli", services.Clock.GetUtcNow(), CancellationToken.None);

        first.ShouldNotBeNull();
        second.ShouldBeNull();
        (await store.ListAsync(CancellationToken.None)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_Source_Is_Found_By_Id_Url_Or_Name_Ignoring_Case()
    {
        await using var services = await TestServices.CreateAsync();
        var store = services.Get<SourceStore>();
        var added = await store.AddAsync(Feed("https://example.org/a.xml", "Policy Wire"), "cli", services.Clock.GetUtcNow(), CancellationToken.None);

        (await store.FindAsync(added!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None))!.Id.ShouldBe(added.Id);
        (await store.FindAsync("https://example.org/a.xml", CancellationToken.None))!.Id.ShouldBe(added.Id);
        (await store.FindAsync("policy wire", CancellationToken.None))!.Id.ShouldBe(added.Id);
        (await store.FindAsync("nothing", CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task Only_Enabled_Sources_Whose_Next_Check_Has_Come_Are_Due_Oldest_First()
    {
        await using var services = await TestServices.CreateAsync();
        var store = services.Get<SourceStore>();
        var now = services.Clock.GetUtcNow();
        var a = await store.AddAsync(Feed("https://example.org/a.xml"), "cli", now, CancellationToken.None);
        var b = await store.AddAsync(Feed("https://example.org/b.xml"), "cli", now.AddMinutes(-5), CancellationToken.None);
        var c = await store.AddAsync(Feed("https://example.org/c.xml"), "cli", now.AddMinutes(5), CancellationToken.None);
        var paused = await store.AddAsync(Feed("https://example.org/d.xml"), "cli", now.AddMinutes(-10), CancellationToken.None);
        await store.SetEnabledAsync(paused!.Id, false, now, CancellationToken.None);

        var due = await store.DueAsync(now, 10, CancellationToken.None);

        due.Select(s => s.Id).ShouldBe([b!.Id, a!.Id]);
        c.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_Failure_Counts_Up_And_A_Success_Resets_The_Count_And_Sets_The_Baseline()
    {
        await using var services = await TestServices.CreateAsync();
        var store = services.Get<SourceStore>();
        var now = services.Clock.GetUtcNow();
        var source = await store.AddAsync(Feed("https://example.org/a.xml"), "cli", now, CancellationToken.None);

        await store.RecordFailureAsync(source!.Id, "HTTP 500", now, now.AddMinutes(15), CancellationToken.None);
        await store.RecordFailureAsync(source.Id, "HTTP 502", now, now.AddMinutes(30), CancellationToken.None);
        var failing = await store.FindAsync(source.Url, CancellationToken.None);
        await using (var session = await services.Get<SqliteDatabase>().BeginAsync(CancellationToken.None))
        {
            await store.RecordSuccessAsync(session, new SourceCheck(source.Id, "\"v1\"", "Mon, 02 Nov 2026 09:00:00 GMT", "Title", now, now.AddMinutes(15), true, null), CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
        }

        var healthy = await store.FindAsync(source.Url, CancellationToken.None);

        failing!.ErrorCount.ShouldBe(2);
        failing.LastError.ShouldBe("HTTP 502");
        failing.NextCheckAt.ShouldBe(now.AddMinutes(30));
        healthy!.ErrorCount.ShouldBe(0);
        healthy.LastError.ShouldBeNull();
        healthy.ETag.ShouldBe("\"v1\"");
        healthy.BaselineAt.ShouldBe(now);
        healthy.Title.ShouldBe("Title");
    }

    [Fact]
    public async Task Seeding_Adds_New_Configured_Sources_And_Updates_Them_Without_Touching_Cli_Sources()
    {
        await using var services = await TestServices.CreateAsync();
        var store = services.Get<SourceStore>();
        var now = services.Clock.GetUtcNow();
        await store.AddAsync(Feed("https://example.org/cli.xml", "Mine"), "cli", now, CancellationToken.None);

        await store.SeedAsync([Feed("https://example.org/conf.xml", "Configured"), Feed("https://example.org/cli.xml", "Renamed")], now, CancellationToken.None);
        var added = await store.SeedAsync([Feed("https://example.org/conf.xml", "Configured again")], now, CancellationToken.None);

        var sources = await store.ListAsync(CancellationToken.None);
        added.ShouldBe(0);
        sources.Single(s => s.Url.EndsWith("cli.xml", StringComparison.Ordinal)).Name.ShouldBe("Mine");
        sources.Single(s => s.Url.EndsWith("conf.xml", StringComparison.Ordinal)).Name.ShouldBe("Configured again");
    }

    [Fact]
    public async Task Resuming_A_Paused_Source_Makes_It_Due_At_Once()
    {
        await using var services = await TestServices.CreateAsync();
        var store = services.Get<SourceStore>();
        var now = services.Clock.GetUtcNow();
        var source = await store.AddAsync(Feed("https://example.org/a.xml"), "cli", now.AddDays(3), CancellationToken.None);

        await store.SetEnabledAsync(source!.Id, false, now, CancellationToken.None);
        (await store.DueAsync(now.AddDays(4), 10, CancellationToken.None)).ShouldBeEmpty();
        await store.SetEnabledAsync(source.Id, true, now, CancellationToken.None);

        (await store.DueAsync(now, 10, CancellationToken.None)).Single().Id.ShouldBe(source.Id);
    }
}
