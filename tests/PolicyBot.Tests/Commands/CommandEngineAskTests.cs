using PolicyBot.Chat;
using PolicyBot.Commands;
using PolicyBot.Tests.Polling;

namespace PolicyBot.Tests.Commands;

public sealed class CommandEngineAskTests
{
    [Theory]
    [InlineData("help")]
    [InlineData("HELP")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/policy help")]
    public async Task Help_Lists_Every_Command_With_Examples(string text)
    {
        await using var bed = await CommandTestBed.CreateAsync();

        var reply = await bed.RunAsync(text, CommandTestBed.SlackMember);

        reply.Outcome.ShouldBe(ReplyOutcome.Ok);
        var all = ReplyText.All(reply);
        foreach (var command in new[] { "latest [n]", "search <words>", "sources add <url>", "subscribe [orgs…]", "unsubscribe", "status", "zuckerberg" })
        {
            all.ShouldContain(command);
        }

        all.ShouldContain("Admin commands need an admin");
    }

    [Fact]
    public async Task An_Organisation_Answers_With_Its_Latest_Statements_Quotes_Stance_And_Timeline()
    {
        await using var bed = await CommandTestBed.CreateAsync();
        await bed.SeedStatementsAsync();

        var reply = await bed.RunAsync("meta");

        reply.Outcome.ShouldBe(ReplyOutcome.Ok);
        reply.Blocks[0].ShouldBe(new HeaderBlock("Meta"));
        var quote = reply.Blocks.OfType<QuoteBlock>().ShouldHaveSingleItem();
        quote.Text.ShouldBe(TestFeeds.CautiousQuote);
        quote.Speaker.ShouldBe("Mark Zuckerberg");
        var all = ReplyText.All(reply);
        all.ShouldContain("Meta weighs limits on open-source AI (meta-letter)");
        all.ShouldContain("Stance: cautious");
        all.ShouldContain("Shift: open → cautious");
        all.ShouldContain("Stance timeline of Meta: 2024-07-23 open → 2026-11-02 cautious");
        ReplyText.Buttons(reply).ShouldContain(b => b.Label == "Open source" && b.Url == "https://news.example/meta-letter");
        all.ShouldNotContain("Fernhollow");
    }

    [Theory]
    [InlineData("zuckerberg")]
    [InlineData("mark zuckerberg")]
    [InlineData("\"Mark Zuckerberg\"")]
    [InlineData("“mark zuckerberg”")]
    [InlineData("/policy Zuckerberg")]
    [InlineData("ＺＵＣＫＥＲＢＥＲＧ")]
    public async Task A_Person_Is_Named_And_Answered_With_Their_Statements_First(string text)
    {
        await using var bed = await CommandTestBed.CreateAsync();
        await bed.SeedStatementsAsync();

        var reply = await bed.RunAsync(text);

        reply.Outcome.ShouldBe(ReplyOutcome.Ok);
        reply.Blocks[0].ShouldBe(new HeaderBlock("Mark Zuckerberg (Meta)"));
        ReplyText.All(reply).ShouldContain("Founder, Chairman and Chief Executive Officer, Meta");
        reply.Blocks.OfType<QuoteBlock>().ShouldHaveSingleItem().Speaker.ShouldBe("Mark Zuckerberg");
    }

    [Fact]
    public async Task A_Known_Actor_Without_Statements_Says_So_And_Gives_Its_Known_Position()
    {
        await using var bed = await CommandTestBed.CreateAsync();
        await bed.SeedStatementsAsync();

        var reply = await bed.RunAsync("openai");

        reply.Outcome.ShouldBe(ReplyOutcome.Ok);
        reply.Summary.ShouldBe("OpenAI: no statements stored yet");
        ReplyText.All(reply).ShouldContain("No statements by OpenAI are stored yet.");
        reply.Blocks.OfType<QuoteBlock>().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("zuckerbrg", "Mark Zuckerberg")]
    [InlineData("metta", "Meta")]
    [InlineData("antropic", "Anthropic")]
    [InlineData("deepmnd", "Google DeepMind")]
    public async Task An_Unknown_Name_Gets_Close_Names_As_Buttons(string typed, string suggested)
    {
        await using var bed = await CommandTestBed.CreateAsync();

        var reply = await bed.RunAsync(typed);

        reply.Outcome.ShouldBe(ReplyOutcome.Error);
        reply.Summary.ShouldBe($"I don't know a command or an actor called \"{typed}\".");
        ReplyText.Commands(reply).ShouldContain(suggested);
        ReplyText.Commands(reply).Count.ShouldBeLessThanOrEqualTo(4);
    }

    [Fact]
    public async Task A_Misspelt_Verb_Is_Suggested_With_The_Rest_Of_The_Command()
    {
        await using var bed = await CommandTestBed.CreateAsync();

        var reply = await bed.RunAsync("serach \"open weights\"");

        reply.Outcome.ShouldBe(ReplyOutcome.Error);
        ReplyText.Commands(reply)[0].ShouldBe("search \"open weights\"");
    }

    [Fact]
    public async Task A_Name_Like_Nothing_Known_Gets_No_Suggestions_But_A_Hint()
    {
        await using var bed = await CommandTestBed.CreateAsync();

        var reply = await bed.RunAsync("qwxzv plorb");

        reply.Outcome.ShouldBe(ReplyOutcome.Error);
        ReplyText.Buttons(reply).ShouldBeEmpty();
        ReplyText.All(reply).ShouldContain("type `help` for the commands");
    }

    [Fact]
    public async Task Latest_Shows_The_Newest_Statements_First()
    {
        await using var bed = await CommandTestBed.CreateAsync();
        await bed.SeedStatementsAsync();

        var reply = await bed.RunAsync("latest 2");

        reply.Outcome.ShouldBe(ReplyOutcome.Ok);
        reply.Blocks[0].ShouldBe(new HeaderBlock("Latest 2 statement(s)"));
        var titles = reply.Blocks.Skip(1).OfType<TextBlock>().Select(t => t.Text).ToList();
        titles.ShouldBe(["Meta weighs limits on open-source AI (meta-letter)", "Fernhollow lab to publish open weights for its translation model"]);
    }

    [Theory]
    [InlineData("latest", 4)]
    [InlineData("latest 0", 1)]
    [InlineData("latest -3", 1)]
    [InlineData("latest 99999999999999999999", 4)]
    [InlineData("LATEST 3", 3)]
    public async Task Latest_Defaults_To_Five_And_Clamps_Its_Count(string text, int shown)
    {
        await using var bed = await CommandTestBed.CreateAsync();
        await bed.SeedStatementsAsync();

        var reply = await bed.RunAsync(text);

        reply.Outcome.ShouldBe(ReplyOutcome.Ok);
        reply.Blocks.OfType<DividerBlock>().Count().ShouldBe(shown - 1);
    }

    [Theory]
    [InlineData("latest five", "\"five\" is not a number.")]
    [InlineData("latest 1.5", "\"1.5\" is not a number.")]
    [InlineData("latest 3 4", "`latest` takes one number at most.")]
    public async Task Latest_With_A_Bad_Count_Explains_The_Usage(string text, string message)
    {
        await using var bed = await CommandTestBed.CreateAsync();

        var reply = await bed.RunAsync(text);

        reply.Outcome.ShouldBe(ReplyOutcome.Error);
        reply.Summary.ShouldBe(message);
        ReplyText.All(reply).ShouldContain("Usage: `latest [n]`");
    }

    [Fact]
    public async Task Latest_On_An_Empty_Database_Says_Nothing_Is_Stored()
    {
        await using var bed = await CommandTestBed.CreateAsync();

        var reply = await bed.RunAsync("latest");

        reply.Outcome.ShouldBe(ReplyOutcome.Ok);
        reply.Summary.ShouldBe("No statements are stored yet.");
    }

    [Fact]
    public async Task Search_Ranks_Hits_And_Highlights_The_Matched_Words()
    {
        await using var bed = await CommandTestBed.CreateAsync();
        await bed.SeedStatementsAsync();

        var reply = await bed.RunAsync("search \"open weights\" translation");

        reply.Outcome.ShouldBe(ReplyOutcome.Ok);
        reply.Blocks[0].ShouldBe(new HeaderBlock("Search: \"open weights\" translation"));
        reply.Blocks.OfType<TextBlock>().First().Text.ShouldBe("Fernhollow lab to publish open weights for its translation model");
        var snippet = reply.Blocks.OfType<TextBlock>().First(t => t.Emphasis is not null);
        snippet.Text.ShouldNotContain("\u0002");
        var highlighted = snippet.Emphasis!.Select(s => snippet.Text.Substring(s.Start, s.Length).ToLowerInvariant()).ToList();
        highlighted.ShouldContain("translation");
        ReplyText.Buttons(reply).ShouldContain(b => b.Url == "https://news.example/fernhollow");
    }

    [Fact]
    public async Task Search_Puts_The_Best_Match_First()
    {
        await using var bed = await CommandTestBed.CreateAsync();
        await bed.SeedStatementsAsync();

        var reply = await bed.RunAsync("search hospitals");

        reply.Summary.ShouldBe("1 best match(es) for hospitals");
        reply.Blocks.OfType<TextBlock>().First().Text.ShouldBe("Consortium drafts licence for open-weight medical models");
    }

    [Theory]
    [InlineData("search open AND OR NOT")]
    [InlineData("search NEAR(open weights, 2)")]
    [InlineData("search open* ^meta title:meta")]
    [InlineData("search \"unbalanced")]
    [InlineData("search ' \" '' \"\" -open +weights")]
    [InlineData("search (((((")]
    [InlineData("search 🦙 llama 𝕄𝕖𝕥𝕒")]
    [InlineData("search \u0000\u0002open\u0003")]
    public async Task Search_Treats_Fts_Syntax_And_Quotes_As_Plain_Words(string text)
    {
        await using var bed = await CommandTestBed.CreateAsync();
        await bed.SeedStatementsAsync();

        var reply = await bed.RunAsync(text);

        reply.Outcome.ShouldNotBe(ReplyOutcome.Refused);
        reply.Summary.ShouldNotContain("something went wrong");
    }

    [Theory]
    [InlineData("search", "What should I search for?")]
    [InlineData("search \"\" ... !!", "There is nothing to search for in that (only punctuation?).")]
    public async Task Search_Without_Words_Explains_The_Usage(string text, string message)
    {
        await using var bed = await CommandTestBed.CreateAsync();

        var reply = await bed.RunAsync(text);

        reply.Outcome.ShouldBe(ReplyOutcome.Error);
        reply.Summary.ShouldBe(message);
        ReplyText.All(reply).ShouldContain("Usage: `search <words>`");
    }

    [Fact]
    public async Task Search_Without_Hits_Says_So()
    {
        await using var bed = await CommandTestBed.CreateAsync();
        await bed.SeedStatementsAsync();

        var reply = await bed.RunAsync("search zeppelin");

        reply.Outcome.ShouldBe(ReplyOutcome.Ok);
        reply.Summary.ShouldBe("No stored statement matches zeppelin.");
    }

    [Fact]
    public async Task Status_Reports_The_Last_Poll_Sources_Outbox_And_Subscriptions()
    {
        await using var bed = await CommandTestBed.CreateAsync();
        await bed.RunAsync("subscribe meta", CommandTestBed.SlackAdmin);
        await bed.SeedStatementsAsync();

        var reply = await bed.RunAsync("status", CommandTestBed.SlackMember);

        reply.Outcome.ShouldBe(ReplyOutcome.Ok);
        var fields = reply.Blocks.OfType<FieldsBlock>().Single().Fields.ToDictionary(f => f.Label, f => f.Value);
        fields["Last poll"].ShouldBe("2026-11-02 09:00 UTC (just now)");
        fields["Sources"].ShouldBe("1 enabled, 0 paused, 0 failing");
        fields["Outbox"].ShouldBe("1 pending, 0 undeliverable, 0 sent"); // the subscription routes Meta's statement only
        fields["Subscriptions"].ShouldBe("1 channel(s)");
        reply.Summary.ShouldBe("PolicyBot is healthy.");
    }

    [Fact]
    public async Task Status_Names_The_Worst_Failing_Sources()
    {
        await using var bed = await CommandTestBed.CreateAsync();
        bed.Server.Map("/gone.xml", Infrastructure.LoopbackServer.Respond(404, "not here", "text/plain"));
        var store = bed.Services.Get<PolicyBot.Sources.SourceStore>();
        var source = await store.AddAsync(new PolicyBot.Sources.SourceDefinition { Name = "Gone", Url = bed.Server.Url("/gone.xml").ToString() }, "cli", bed.Services.Clock.GetUtcNow(), CancellationToken.None);
        await bed.Services.Get<PolicyBot.Polling.SourcePoller>().PollAsync(source!, CancellationToken.None);

        var reply = await bed.RunAsync("status");

        reply.Summary.ShouldBe("PolicyBot needs attention.");
        var failing = reply.Blocks.OfType<ListBlock>().Single();
        failing.Title.ShouldBe("Failing sources");
        failing.Items.ShouldHaveSingleItem().Text.ShouldStartWith($"#{source!.Id} Gone: 1 failed check(s) in a row — ");
        ReplyText.Commands(reply).ShouldContain("sources");
    }

    [Theory]
    [InlineData("status now")]
    [InlineData("status --verbose")]
    public async Task Status_With_Arguments_Explains_The_Usage(string text)
    {
        await using var bed = await CommandTestBed.CreateAsync();

        var reply = await bed.RunAsync(text);

        reply.Outcome.ShouldBe(ReplyOutcome.Error);
        reply.Summary.ShouldBe("`status` takes no arguments.");
    }
}
