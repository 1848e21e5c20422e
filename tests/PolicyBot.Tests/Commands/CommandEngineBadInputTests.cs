using Microsoft.Data.Sqlite;
using PolicyBot.Chat;
using PolicyBot.Commands;

namespace PolicyBot.Tests.Commands;

public sealed class CommandEngineBadInputTests
{
    public static TheoryData<string> HostileInputs => new()
    {
        "\uD800",
        "\uDC00 meta",
        "\u202Emeta\u202C",
        "𝕞𝕖𝕥𝕒",
        "Ⅿeta",
        "سلام",
        "日本語のテキスト",
        "🦙🦙🦙",
        "\"",
        "“",
        "\"\"\"\"",
        "' OR 1=1 --",
        "'; DROP TABLE statements; --",
        "sources remove ' OR '1'='1",
        "sources add \"http://127.0.0.1:1/a b\"",
        "subscribe \"\" --digest",
        "subscribe --digest weekly",
        "subscribe --min-relevance 1e309",
        "latest ٣",
        "search \u0002\u0003",
        "%s %n {0} ${jndi:ldap://x}",
        "<script>alert(1)</script>",
        "help me please",
        "—digest",
        "--help",
    };

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public async Task Hostile_And_Unusual_Input_Gets_A_Reply_Never_An_Exception(string text)
    {
        await using var bed = await CommandTestBed.CreateAsync();
        await bed.SeedStatementsAsync();

        var member = await bed.RunAsync(text, CommandTestBed.SlackMember);
        var admin = await bed.RunAsync(text, CommandTestBed.SlackAdmin);

        foreach (var reply in new[] { member, admin })
        {
            reply.Summary.ShouldNotBeNullOrWhiteSpace();
            reply.Blocks.ShouldNotBeEmpty();
            reply.Summary.ShouldNotContain("something went wrong");
        }

        (await bed.Services.Get<PolicyBot.Sources.SourceStore>().ListAsync(CancellationToken.None)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Text_Over_The_Limit_Is_Refused_With_A_Clear_Error()
    {
        await using var bed = await CommandTestBed.CreateAsync();

        var reply = await bed.RunAsync("search " + new string('a', CommandText.MaxLength));

        reply.Outcome.ShouldBe(ReplyOutcome.Error);
        reply.Summary.ShouldBe($"That command is too long ({CommandText.MaxLength + 7} characters; the limit is {CommandText.MaxLength}).");
    }

    [Fact]
    public async Task A_Null_Text_Is_Answered_With_Help()
    {
        await using var bed = await CommandTestBed.CreateAsync();

        var reply = await bed.RunAsync(null!);

        reply.Summary.ShouldBe("PolicyBot commands");
    }

    [Fact]
    public async Task A_Failure_Inside_Is_Logged_And_Answered_Without_Details()
    {
        await using var bed = await CommandTestBed.CreateAsync();
        await using (var connection = new SqliteConnection($"Data Source={bed.Services.DatabasePath}"))
        {
            // break the full-text index the way a corrupt or foreign database would
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DROP TABLE statements_fts";
            await command.ExecuteNonQueryAsync();
        }

        var reply = await bed.RunAsync("search open");

        reply.Outcome.ShouldBe(ReplyOutcome.Error);
        reply.Summary.ShouldBe("Sorry, something went wrong answering that. The error was logged.");
        ReplyText.All(reply).ShouldNotContain("statements_fts");
        ReplyText.All(reply).ShouldNotContain("Exception");
    }

    [Fact]
    public async Task An_Admin_Command_That_Fails_Inside_Is_Audited_As_An_Error()
    {
        await using var bed = await CommandTestBed.CreateAsync();
        await using (var connection = new SqliteConnection($"Data Source={bed.Services.DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DROP TABLE subscriptions";
            await command.ExecuteNonQueryAsync();
        }

        var reply = await bed.RunAsync("subscribe meta", CommandTestBed.SlackAdmin);

        reply.Outcome.ShouldBe(ReplyOutcome.Error);
        var entry = (await bed.Services.Get<AuditLog>().ListAsync(1, CancellationToken.None)).ShouldHaveSingleItem();
        entry.Outcome.ShouldBe("error");
        entry.Detail.ShouldBe("failed: SqliteException");
    }

    [Fact]
    public async Task Cancellation_By_The_Caller_Is_Not_Turned_Into_A_Reply()
    {
        await using var bed = await CommandTestBed.CreateAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => bed.Engine.ExecuteAsync("latest", CommandTestBed.Cli, cancelled.Token));
    }
}
