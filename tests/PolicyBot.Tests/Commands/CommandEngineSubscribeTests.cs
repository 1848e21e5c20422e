using PolicyBot.Chat;
using PolicyBot.Subscriptions;

namespace PolicyBot.Tests.Commands;

public sealed class CommandEngineSubscribeTests
{
    [Fact]
    public async Task Subscribe_Saves_The_Channels_Filters_And_Describes_Them()
    {
        await using var bed = await CommandTestBed.CreateAsync();

        var reply = await bed.RunAsync("subscribe meta, \"google deepmind\" altman --shifts-only --min-relevance 0.6 --digest weekly fri 08:30 Europe/London --notices", CommandTestBed.SlackAdmin);

        reply.Outcome.ShouldBe(ReplyOutcome.Ok);
        reply.Summary.ShouldBe("Subscribed general: Meta, Google DeepMind, OpenAI · shifts only · relevance ≥ 0.6 · weekly digest on Friday at 08:30 Europe/London.");
        reply.Shared.ShouldBeTrue();
        ReplyText.All(reply).ShouldContain("Sam Altman → OpenAI");
        ReplyText.Commands(reply).ShouldBe(["unsubscribe"]);
        var saved = (await bed.Services.Get<SubscriptionStore>().FindAsync(CommandTestBed.General, CancellationToken.None))!;
        saved.Actors.ShouldBe(["Meta", "Google DeepMind", "OpenAI"]);
        saved.MinRelevance.ShouldBe(0.6);
        saved.ShiftsOnly.ShouldBeTrue();
        saved.Notices.ShouldBeTrue();
        saved.Digest.ShouldBe(new DigestSchedule(DigestFrequency.Weekly, new TimeOnly(8, 30), "Europe/London", DayOfWeek.Friday));
        saved.CreatedBy.ShouldBe("slack:U0ADMIN (Admin)");
    }

    [Fact]
    public async Task Unquoted_Words_Join_Into_The_Longest_Known_Name()
    {
        await using var bed = await CommandTestBed.CreateAsync();

        var reply = await bed.RunAsync("subscribe google deepmind --digest daily 9:00", CommandTestBed.SlackAdmin);

        reply.Summary.ShouldBe("Subscribed general: Google DeepMind · daily digest at 09:00 UTC.");
    }

    [Fact]
    public async Task Subscribe_Without_Organisations_Takes_Every_Actor_And_Replaces_The_Earlier_Subscription()
    {
        await using var bed = await CommandTestBed.CreateAsync();
        await bed.RunAsync("subscribe meta --shifts-only", CommandTestBed.SlackAdmin);

        var reply = await bed.RunAsync("subscribe", CommandTestBed.SlackAdmin);

        reply.Summary.ShouldBe("Subscribed general: all actors.");
        (await bed.Services.Get<SubscriptionStore>().ListAsync(CancellationToken.None)).ShouldHaveSingleItem().ShiftsOnly.ShouldBeFalse();
    }

    [Theory]
    [InlineData("subscribe metaa", "I don't know an organisation called \"metaa\".")]
    [InlineData("subscribe meta --min-relevance 2", "--min-relevance needs a number from 0 to 1 (e.g. 0.6) (got \"2\").")]
    [InlineData("subscribe meta --min-relevance NaN", "--min-relevance needs a number from 0 to 1 (e.g. 0.6) (got \"NaN\").")]
    [InlineData("subscribe meta --min-relevance", "--min-relevance needs a number from 0 to 1 (e.g. 0.6).")]
    [InlineData("subscribe --digest hourly 09:00", "--digest needs `daily HH:MM` or `weekly <day> HH:MM` (got \"hourly\").")]
    [InlineData("subscribe --digest daily 25:00", "--digest needs a time as HH:MM (24-hour), e.g. 09:00 (got \"25:00\").")]
    [InlineData("subscribe --digest daily", "--digest needs a time as HH:MM (24-hour), e.g. 09:00.")]
    [InlineData("subscribe --digest weekly someday 09:00", "--digest weekly needs a day, e.g. `--digest weekly monday 09:00` (got \"someday\").")]
    [InlineData("subscribe --digest daily 09:00 Mars/Olympus_Mons", "Unknown time zone \"Mars/Olympus_Mons\"; use an IANA id such as Europe/London or America/New_York, or UTC.")]
    [InlineData("subscribe --digest daily 09:00 ../../../../etc/passwd", "Unknown time zone \"../../../../etc/passwd\"; use an IANA id such as Europe/London or America/New_York, or UTC.")]
    [InlineData("subscribe --digest daily 09:00 --digest daily 10:00", "--digest is given twice.")]
    [InlineData("subscribe --shift-only", "Unknown option \"--shift-only\". The options are --shifts-only, --min-relevance, --digest, --notices (and --channel on the command line).")]
    [InlineData("subscribe meta --min-relevance 0.5 --min-relevance 0.7", "--min-relevance is given twice.")]
    [InlineData("subscribe --digest daily 09:00 PST", "I don't know an organisation called \"PST\". As a time zone, write an IANA id such as America/Los_Angeles (abbreviations such as PST are ambiguous).")]
    [InlineData("subscribe meta --channel slack:C9", "`--channel` is only for the command line; in chat, a command acts on the channel it is given in.")]
    public async Task Subscribe_With_Bad_Arguments_Says_What_Is_Wrong_And_Saves_Nothing(string text, string message)
    {
        await using var bed = await CommandTestBed.CreateAsync();

        var reply = await bed.RunAsync(text, CommandTestBed.SlackAdmin);

        reply.Outcome.ShouldBe(ReplyOutcome.Error);
        reply.Summary.ShouldBe(message);
        (await bed.Services.Get<SubscriptionStore>().ListAsync(CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_Unknown_Organisation_Gets_A_Corrected_Command_As_A_Button()
    {
        await using var bed = await CommandTestBed.CreateAsync();

        var reply = await bed.RunAsync("subscribe metaa --shifts-only", CommandTestBed.SlackAdmin);

        ReplyText.Commands(reply).ShouldContain("subscribe Meta --shifts-only");
    }

    [Fact]
    public async Task On_The_Command_Line_Subscribe_Needs_A_Channel_Key()
    {
        await using var bed = await CommandTestBed.CreateAsync();

        var missing = await bed.RunAsync("subscribe meta");
        var invalid = await bed.RunAsync("subscribe meta --channel irc:#x");
        var given = await bed.RunAsync("subscribe meta --channel teams:19:abc@thread.tacv2");

        missing.Outcome.ShouldBe(ReplyOutcome.Error);
        missing.Summary.ShouldBe("`subscribe` acts on a chat channel, and the command line has none.");
        invalid.Summary.ShouldBe("\"irc:#x\" is not a channel key (expected slack:<channel id>, teams:<conversation id> or console).");
        given.Outcome.ShouldBe(ReplyOutcome.Ok);
        ReplyText.Commands(given).ShouldBe(["unsubscribe --channel teams:19:abc@thread.tacv2"]);
        (await bed.Services.Get<SubscriptionStore>().FindAsync(new ChatChannel("teams", "19:abc@thread.tacv2"), CancellationToken.None)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Unsubscribe_Removes_The_Channels_Subscription()
    {
        await using var bed = await CommandTestBed.CreateAsync();
        await bed.RunAsync("subscribe meta", CommandTestBed.SlackAdmin);

        var first = await bed.RunAsync("unsubscribe", CommandTestBed.SlackAdmin);
        var second = await bed.RunAsync("unsubscribe", CommandTestBed.SlackAdmin);

        first.Outcome.ShouldBe(ReplyOutcome.Ok);
        first.Summary.ShouldBe("Unsubscribed general: no more alerts or digests here.");
        second.Outcome.ShouldBe(ReplyOutcome.Error);
        second.Summary.ShouldBe("general has no subscription.");
        (await bed.Services.Get<SubscriptionStore>().ListAsync(CancellationToken.None)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("unsubscribe meta", "slack")]
    [InlineData("unsubscribe", "cli")]
    public async Task Unsubscribe_With_Extra_Words_Or_Without_A_Channel_Explains_The_Usage(string text, string platform)
    {
        await using var bed = await CommandTestBed.CreateAsync();

        var reply = await bed.RunAsync(text, platform == "cli" ? CommandTestBed.Cli : CommandTestBed.SlackAdmin);

        reply.Outcome.ShouldBe(ReplyOutcome.Error);
        ReplyText.All(reply).ShouldContain("unsubscribe");
    }

    [Fact]
    public async Task On_The_Command_Line_A_Second_Channel_Is_Refused_Rather_Than_Silently_Winning()
    {
        await using var bed = await CommandTestBed.CreateAsync();

        var reply = await bed.RunAsync("subscribe meta --channel console --channel slack:C1");

        reply.Outcome.ShouldBe(ReplyOutcome.Error);
        reply.Summary.ShouldBe("--channel is given twice.");
        (await bed.Services.Get<SubscriptionStore>().ListAsync(CancellationToken.None)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("europe/london", "Europe/London")]
    [InlineData("AMERICA/NEW_YORK", "America/New_York")]
    [InlineData("utc", "UTC")]
    [InlineData("CET", "CET")]
    [InlineData("Japan", "Japan")]
    public async Task A_Digest_Time_Zone_Is_Found_Whatever_Its_Case_And_Saved_As_The_System_Spells_It(string typed, string saved)
    {
        await using var bed = await CommandTestBed.CreateAsync();

        var reply = await bed.RunAsync($"subscribe meta --digest daily 09:00 {typed}", CommandTestBed.SlackAdmin);

        reply.Outcome.ShouldBe(ReplyOutcome.Ok);
        var subscription = (await bed.Services.Get<SubscriptionStore>().FindAsync(CommandTestBed.General, CancellationToken.None))!;
        subscription.Actors.ShouldBe(["Meta"]);
        subscription.Digest!.TimeZone.ShouldBe(saved);
        TimeZoneInfo.FindSystemTimeZoneById(subscription.Digest.TimeZone).ShouldNotBeNull();
    }

    [Fact]
    public async Task Unsubscribe_With_A_Channel_Option_But_No_Key_Says_The_Key_Is_Missing()
    {
        await using var bed = await CommandTestBed.CreateAsync();

        var reply = await bed.RunAsync("unsubscribe --channel");

        reply.Outcome.ShouldBe(ReplyOutcome.Error);
        reply.Summary.ShouldBe("--channel needs a channel key, e.g. slack:C0123.");
    }
}
