using PolicyBot.Chat;
using PolicyBot.Commands;
using PolicyBot.Sources;
using PolicyBot.Tests.Infrastructure;
using PolicyBot.Tests.Polling;

namespace PolicyBot.Tests.Commands;

public sealed class CommandEngineSourcesTests
{
    [Fact]
    public async Task Sources_Lists_Each_Source_With_Its_Status_And_Buttons_For_Admins()
    {
        await using var bed = await CommandTestBed.CreateAsync();
        await bed.SeedStatementsAsync();

        var reply = await bed.RunAsync("sources", CommandTestBed.SlackAdmin);
        var forMember = await bed.RunAsync("sources", CommandTestBed.SlackMember);

        reply.Outcome.ShouldBe(ReplyOutcome.Ok);
        reply.Summary.ShouldBe("1 source(s): 1 enabled, 0 paused, 0 failing");
        var all = ReplyText.All(reply);
        all.ShouldContain("#1 Test Wire (feed, ok)");
        all.ShouldContain("last check 2026-11-02 09:00 UTC");
        ReplyText.Commands(reply).ShouldBe(["sources pause 1", "sources remove 1"]);
        ReplyText.Buttons(reply).Single(b => b.Label == "Remove").Style.ShouldBe(ButtonStyle.Danger);
        ReplyText.All(forMember).ShouldContain("#1 Test Wire (feed, ok)");
        ReplyText.Buttons(forMember).ShouldBeEmpty();
    }

    [Fact]
    public async Task Sources_With_Nothing_Watched_Says_How_To_Add_One()
    {
        await using var bed = await CommandTestBed.CreateAsync();

        var reply = await bed.RunAsync("sources list");

        reply.Summary.ShouldBe("No sources are watched.");
        ReplyText.All(reply).ShouldContain("sources add <url>");
    }

    [Theory]
    [InlineData("sources frobnicate", "Unknown sources command \"frobnicate\".")]
    [InlineData("sources list everything", "`sources` takes no more words to list them.")]
    public async Task An_Unknown_Sources_Command_Explains_The_Usage(string text, string message)
    {
        await using var bed = await CommandTestBed.CreateAsync();

        var reply = await bed.RunAsync(text);

        reply.Outcome.ShouldBe(ReplyOutcome.Error);
        reply.Summary.ShouldBe(message);
    }

    [Fact]
    public async Task Sources_Add_Fetches_Previews_And_Saves_With_An_Undo_Button()
    {
        await using var bed = await CommandTestBed.CreateAsync();
        var now = bed.Services.Clock.GetUtcNow();
        var url = bed.ServeFeed("/new.xml", TestFeeds.Relevant("x", now.AddDays(-1)), TestFeeds.Irrelevant("y", now.AddDays(-3)));

        var reply = await bed.RunAsync($"sources add {url} feed zuckerberg 30m");

        reply.Outcome.ShouldBe(ReplyOutcome.Ok);
        var fields = reply.Blocks.OfType<FieldsBlock>().Single().Fields.ToDictionary(f => f.Label, f => f.Value);
        fields["Kind"].ShouldBe("feed");
        fields["Title"].ShouldBe("Test Wire");
        fields["Items"].ShouldBe("2");
        fields["Latest item"].ShouldBe("Meta weighs limits on open-source AI (x) (2026-11-01)");
        fields["Organisations"].ShouldBe("Meta");
        fields["Interval"].ShouldBe("00:30:00");
        var saved = await bed.Services.Get<SourceStore>().FindAsync(url, CancellationToken.None);
        saved.ShouldNotBeNull();
        saved.Name.ShouldBe("Test Wire");
        saved.Origin.ShouldBe("chat");
        var undo = ReplyText.Buttons(reply).First();
        undo.Label.ShouldBe("Remove (undo)");
        undo.Command.ShouldBe($"sources remove {saved.Id}");
        undo.Style.ShouldBe(ButtonStyle.Danger);
    }

    [Fact]
    public async Task Sources_Add_Detects_A_Page_When_No_Kind_Is_Given()
    {
        await using var bed = await CommandTestBed.CreateAsync();
        bed.Server.Map("/policy.html", LoopbackServer.Respond(200, TestFeeds.PolicyPage("1 May", 3, "We release open weights for research models."), "text/html"));

        var reply = await bed.RunAsync($"sources add {bed.Server.Url("/policy.html")}");

        reply.Outcome.ShouldBe(ReplyOutcome.Ok);
        reply.Blocks.OfType<FieldsBlock>().Single().Fields.First().ShouldBe(new ReplyField("Kind", "page"));
    }

    [Theory]
    [InlineData("sources add", "Which URL should be watched?")]
    [InlineData("sources add ftp://example.org/feed.xml", "Cannot add this source: Url 'ftp://example.org/feed.xml': unsupported scheme 'ftp' (only http and https are fetched).")]
    [InlineData("sources add file:///etc/passwd", "Cannot add this source: Url 'file:///etc/passwd': unsupported scheme 'file' (only http and https are fetched).")]
    [InlineData("sources add javascript:alert(1)", "Cannot add this source: Url 'javascript:alert(1)': unsupported scheme 'javascript' (only http and https are fetched).")]
    [InlineData("sources add /feed.xml", "Cannot add this source: Url '/feed.xml': not an absolute URL (expected http:// or https://).")]
    [InlineData("sources add https://example.org/feed.xml feed page", "The kind is given twice.")]
    [InlineData("sources add https://example.org/feed.xml 5m 10m", "The interval is given twice.")]
    [InlineData("sources add https://example.org/feed.xml 5s", "Cannot add this source: Interval '00:00:05': must be between 00:00:10 and 7.00:00:00.")]
    [InlineData("sources add https://example.org/feed.xml metaa", "\"metaa\" is not a kind (feed, page), an interval (e.g. 30m) or a known organisation.")]
    public async Task Sources_Add_Refuses_Bad_Input_Before_Fetching(string text, string message)
    {
        await using var bed = await CommandTestBed.CreateAsync();

        var reply = await bed.RunAsync(text);

        reply.Outcome.ShouldBe(ReplyOutcome.Error);
        reply.Summary.ShouldBe(message);
        ReplyText.All(reply).ShouldContain("Usage: `sources add <url>");
        bed.Server.Requests.ShouldBeEmpty();
        (await bed.Services.Get<SourceStore>().ListAsync(CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Sources_Add_Suggests_The_Organisation_Meant()
    {
        await using var bed = await CommandTestBed.CreateAsync();

        var reply = await bed.RunAsync("sources add https://example.org/feed.xml antropic");

        ReplyText.All(reply).ShouldContain("Did you mean Anthropic?");
    }

    [Fact]
    public async Task Sources_Add_Never_Echoes_Credentials_In_A_Url()
    {
        await using var bed = await CommandTestBed.CreateAsync();

        var reply = await bed.RunAsync("sources add https://alice:s3cret@example.org/feed.xml");

        reply.Outcome.ShouldBe(ReplyOutcome.Error);
        ReplyText.All(reply).ShouldNotContain("s3cret");
        reply.Summary.ShouldContain("carries credentials");
        var entry = (await bed.Services.Get<AuditLog>().ListAsync(1, CancellationToken.None)).ShouldHaveSingleItem();
        entry.Command.ShouldBe("sources add https://example.org/feed.xml");
        entry.Outcome.ShouldBe("error");
    }

    [Fact]
    public async Task Sources_Add_Refuses_A_Url_Already_Watched()
    {
        await using var bed = await CommandTestBed.CreateAsync();
        await bed.SeedStatementsAsync();

        var reply = await bed.RunAsync($"sources add {bed.Server.Url("/wire.xml")}");

        reply.Outcome.ShouldBe(ReplyOutcome.Error);
        reply.Summary.ShouldBe("Already watched as #1 Test Wire.");
    }

    [Theory]
    [InlineData("HTTP://127.0.0.1:{port}/wire.xml")]
    [InlineData("http://127.0.0.1:{port}/wire.xml?utm_source=newsletter&utm_medium=email")]
    [InlineData("http://127.0.0.1:{port}/wire.xml#latest")]
    [InlineData("http://127.0.0.1:{port}/wire.xml/")]
    public async Task Sources_Add_Refuses_A_Url_That_Differs_From_A_Watched_One_Only_In_Spelling(string spelling)
    {
        await using var bed = await CommandTestBed.CreateAsync();
        await bed.SeedStatementsAsync();
        var requests = bed.Server.Requests.Count;
        var url = spelling.Replace("{port}", bed.Server.Url("/").Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var reply = await bed.RunAsync($"sources add {url}");

        reply.Outcome.ShouldBe(ReplyOutcome.Error);
        reply.Summary.ShouldBe("Already watched as #1 Test Wire.");
        bed.Server.Requests.Count.ShouldBe(requests);
        (await bed.Services.Get<SourceStore>().ListAsync(CancellationToken.None)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Sources_Add_Also_Takes_The_Command_Lines_Option_Names()
    {
        await using var bed = await CommandTestBed.CreateAsync();
        var url = bed.ServeFeed("/flags.xml", TestFeeds.Relevant("flags", bed.Services.Clock.GetUtcNow().AddHours(-1)));

        var reply = await bed.RunAsync($"sources add {url} --kind feed --org meta --interval 45m");

        reply.Outcome.ShouldBe(ReplyOutcome.Ok);
        var source = (await bed.Services.Get<SourceStore>().ListAsync(CancellationToken.None)).ShouldHaveSingleItem();
        source.Orgs.ShouldBe(["Meta"]);
        source.Interval.ShouldBe(TimeSpan.FromMinutes(45));
    }

    [Fact]
    public async Task Sources_Add_Saves_Nothing_When_The_Fetch_Fails()
    {
        await using var bed = await CommandTestBed.CreateAsync();
        bed.Server.Map("/missing.xml", LoopbackServer.Respond(404, "no", "text/plain"));

        var reply = await bed.RunAsync($"sources add {bed.Server.Url("/missing.xml")}");

        reply.Outcome.ShouldBe(ReplyOutcome.Error);
        reply.Summary.ShouldStartWith("Cannot add this source: fetching it failed (");
        reply.Summary.ShouldEndWith("Nothing was saved.");
        (await bed.Services.Get<SourceStore>().ListAsync(CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Sources_Add_Refuses_A_Private_Address_Under_The_Default_Rules()
    {
        await using var bed = await CommandTestBed.CreateAsync(new Dictionary<string, string?> { ["Polling:AllowPrivateAddresses"] = "false" });
        var url = bed.ServeFeed("/feed.xml", TestFeeds.Relevant("x", bed.Services.Clock.GetUtcNow()));

        var reply = await bed.RunAsync($"sources add {url}");

        reply.Outcome.ShouldBe(ReplyOutcome.Error);
        reply.Summary.ShouldContain("refused");
        bed.Server.Requests.ShouldBeEmpty();
        (await bed.Services.Get<SourceStore>().ListAsync(CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_Name_Two_Sources_Share_Changes_Neither_And_Offers_Each_By_Id()
    {
        await using var bed = await CommandTestBed.CreateAsync();
        var store = bed.Services.Get<SourceStore>();
        var now = bed.Services.Clock.GetUtcNow();
        await store.AddAsync(new SourceDefinition { Name = "Policy Wire", Url = "https://a.example/feed.xml", Kind = "feed" }, "cli", now, CancellationToken.None);
        await store.AddAsync(new SourceDefinition { Name = "Policy Wire", Url = "https://b.example/feed.xml", Kind = "feed" }, "cli", now, CancellationToken.None);

        var reply = await bed.RunAsync("sources remove policy wire");

        reply.Outcome.ShouldBe(ReplyOutcome.Error);
        reply.Summary.ShouldBe("2 sources are called \"policy wire\"; say which by its id.");
        ReplyText.Commands(reply).ShouldBe(["sources remove 1", "sources remove 2"]);
        (await store.ListAsync(CancellationToken.None)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Pausing_A_Paused_Source_Or_Resuming_A_Running_One_Says_It_Already_Is()
    {
        await using var bed = await CommandTestBed.CreateAsync();
        await bed.SeedStatementsAsync();
        await bed.RunAsync("sources pause 1");

        var pausedAgain = await bed.RunAsync("sources pause 1");
        await bed.RunAsync("sources resume 1");
        var resumedAgain = await bed.RunAsync("sources resume 1");

        pausedAgain.Outcome.ShouldBe(ReplyOutcome.Ok);
        pausedAgain.Summary.ShouldBe("#1 Test Wire is already paused.");
        ReplyText.Commands(pausedAgain).ShouldBe(["sources resume 1"]);
        resumedAgain.Summary.ShouldBe("#1 Test Wire is not paused.");
        ReplyText.Commands(resumedAgain).ShouldBe(["sources pause 1"]);
    }

    [Fact]
    public async Task Pause_Resume_And_Remove_Act_On_The_Source_By_Id_Or_Name()
    {
        await using var bed = await CommandTestBed.CreateAsync();
        await bed.SeedStatementsAsync();
        var store = bed.Services.Get<SourceStore>();

        var paused = await bed.RunAsync("sources pause #1");
        var pausedState = (await store.FindAsync("1", CancellationToken.None))!.Enabled;
        var resumed = await bed.RunAsync("sources resume \"test wire\"");
        var resumedState = (await store.FindAsync("1", CancellationToken.None))!.Enabled;
        var removed = await bed.RunAsync("SOURCES REMOVE test wire");

        paused.Summary.ShouldStartWith("Paused #1 Test Wire");
        ReplyText.Commands(paused).ShouldBe(["sources resume 1"]);
        pausedState.ShouldBeFalse();
        resumed.Summary.ShouldStartWith("Resumed #1 Test Wire");
        resumedState.ShouldBeTrue();
        removed.Summary.ShouldStartWith("Removed #1 Test Wire");
        (await store.ListAsync(CancellationToken.None)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("sources remove", "Which source should I remove?")]
    [InlineData("sources pause 999", "No source matches \"999\".")]
    [InlineData("sources resume nothing-called-this", "No source matches \"nothing-called-this\".")]
    public async Task Changing_A_Source_That_Is_Not_There_Explains_What_To_Do(string text, string message)
    {
        await using var bed = await CommandTestBed.CreateAsync();

        var reply = await bed.RunAsync(text);

        reply.Outcome.ShouldBe(ReplyOutcome.Error);
        reply.Summary.ShouldBe(message);
    }
}
