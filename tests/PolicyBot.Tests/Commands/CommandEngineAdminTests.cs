using PolicyBot.Chat;
using PolicyBot.Commands;
using PolicyBot.Sources;
using PolicyBot.Subscriptions;

namespace PolicyBot.Tests.Commands;

public sealed class CommandEngineAdminTests
{
    public static TheoryData<string> AdminCommands => new()
    {
        "sources add https://example.org/feed.xml",
        "sources remove 1",
        "sources pause 1",
        "sources resume 1",
        "subscribe meta",
        "unsubscribe",
    };

    [Theory]
    [MemberData(nameof(AdminCommands))]
    public async Task A_Non_Admin_Is_Refused_Before_Anything_Changes_And_The_Attempt_Is_Audited(string text)
    {
        await using var bed = await CommandTestBed.CreateAsync();
        await bed.SeedStatementsAsync();
        await bed.RunAsync("sources pause 1");
        await bed.RunAsync("subscribe openai", CommandTestBed.SlackAdmin);
        var requestsBefore = bed.Server.Requests.Count;

        var reply = await bed.RunAsync(text, CommandTestBed.SlackMember);

        reply.Outcome.ShouldBe(ReplyOutcome.Refused);
        reply.Summary.ShouldStartWith("Only PolicyBot admins can run");
        reply.Summary.ShouldContain("Ask a workspace admin");
        var source = (await bed.Services.Get<SourceStore>().ListAsync(CancellationToken.None)).ShouldHaveSingleItem();
        source.Enabled.ShouldBeFalse();
        (await bed.Services.Get<SubscriptionStore>().FindAsync(CommandTestBed.General, CancellationToken.None))!.Actors.ShouldBe(["OpenAI"]);
        bed.Server.Requests.Count.ShouldBe(requestsBefore);
        var entry = (await bed.Services.Get<AuditLog>().ListAsync(1, CancellationToken.None)).ShouldHaveSingleItem();
        entry.ShouldBe(new AuditEntry(bed.Services.Clock.GetUtcNow(), "slack", "U0MEMBER", "Member", "slack:C0GENERAL", text, "refused", "not an admin"));
    }

    [Fact]
    public async Task Admin_Commands_Are_Audited_With_Their_Outcome_Newest_First()
    {
        await using var bed = await CommandTestBed.CreateAsync();
        await bed.SeedStatementsAsync();

        await bed.RunAsync("sources pause 1", CommandTestBed.SlackAdmin);
        bed.Services.Clock.Advance(TimeSpan.FromMinutes(1));
        await bed.RunAsync("sources pause 42", CommandTestBed.SlackAdmin);
        bed.Services.Clock.Advance(TimeSpan.FromMinutes(1));
        await bed.RunAsync("meta", CommandTestBed.SlackAdmin);
        await bed.RunAsync("sources", CommandTestBed.SlackAdmin);

        var entries = await bed.Services.Get<AuditLog>().ListAsync(10, CancellationToken.None);
        entries.Select(e => (e.Command, e.Outcome)).ShouldBe([("sources pause 42", "error"), ("sources pause 1", "ok")]);
        entries[1].Detail.ShouldBe("Paused #1 Test Wire (" + bed.Server.Url("/wire.xml") + ").");
        entries[0].At.ShouldBe(entries[1].At.AddMinutes(1));
    }

    [Fact]
    public void The_Audit_Log_Keeps_No_Credentials_Query_Or_Fragment_Of_A_Url()
    {
        AuditLog.Redact("sources add https://bob:pw@example.org/feed.xml?token=abc#x kind").ShouldBe("sources add https://example.org/feed.xml kind");
        AuditLog.Redact("no url here").ShouldBe("no url here");
        AuditLog.Redact("sources add ht!tp://[bad").ShouldBe("sources add ht![url]");
    }

    [Theory]
    [InlineData("slack", CommandTestBed.SlackAdminId, false, true)]
    [InlineData("slack", "U0OTHER", true, true)]
    [InlineData("slack", "U0OTHER", false, false)]
    [InlineData("slack", "u0admin", false, false)]
    [InlineData("teams", CommandTestBed.TeamsAdminId, false, true)]
    [InlineData("teams", "6f1c2d3e-0000-4000-8000-00000000abcd", false, true)]
    [InlineData("teams", "00000000-0000-0000-0000-000000000001", false, false)]
    [InlineData("teams", "00000000-0000-0000-0000-000000000001", true, true)]
    [InlineData("teams", CommandTestBed.SlackAdminId, false, false)]
    [InlineData("cli", "anyone", false, true)]
    [InlineData("webhook", CommandTestBed.SlackAdminId, true, false)]
    [InlineData("slack", "", false, false)]
    public async Task Admins_Are_The_Configured_Ids_Workspace_Admins_And_The_Command_Line(string platform, string userId, bool workspaceAdmin, bool admin)
    {
        await using var bed = await CommandTestBed.CreateAsync();

        var allowed = bed.Services.Get<CommandAuthorizer>().IsAdmin(new CommandContext(platform, userId, null, CommandTestBed.General, workspaceAdmin));

        allowed.ShouldBe(admin);
    }

    [Fact]
    public async Task A_Workspace_Admin_May_Run_Admin_Commands()
    {
        await using var bed = await CommandTestBed.CreateAsync();
        await bed.SeedStatementsAsync();

        var reply = await bed.RunAsync("sources pause 1", CommandTestBed.SlackMember with { IsWorkspaceAdmin = true });

        reply.Outcome.ShouldBe(ReplyOutcome.Ok);
    }
}
