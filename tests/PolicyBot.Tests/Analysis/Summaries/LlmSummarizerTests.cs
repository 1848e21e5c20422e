using Microsoft.Extensions.Options;
using PolicyBot.Analysis.Summaries;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Analysis.Summaries;

public sealed class LlmSummarizerTests : IAsyncLifetime
{
    private const string Key = "sk-test-7f3a9c0e1b2d4e5f";

    private const string Title = "Ministry publishes draft rules on open-weights models";

    // Written for this test; the minister and ministry are invented.
    private const string Text =
        "The Ministry of Digital Affairs published draft rules on Tuesday for developers who release model weights openly. " +
        "Minister Jane Doe said the rules would \"protect open research without ignoring real risks\" and added that " +
        "\"we don't want to lock   models away from universities.\" Under the draft, developers of the largest models " +
        "would file a short risk report before publishing weights. A coalition of university labs welcomed the exemption " +
        "for research releases but said the reporting threshold was too low. Industry groups have until March to comment.";

    private const string Extractive =
        "The Ministry of Digital Affairs published draft rules on Tuesday for developers who release model weights openly.";

    private const string GoodSummary =
        "The Ministry of Digital Affairs proposed rules for openly released model weights, requiring risk reports for the " +
        "largest models. University labs welcomed a research exemption but called the threshold too low.";

    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero));
    private readonly RecordingLogger<LlmSummarizer> _logger = new();
    private FakeChatCompletions _fake = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeChatCompletions.StartAsync();
        _fake.AnswerWith(GoodSummary);
    }

    public async Task DisposeAsync()
    {
        _fake.Server.UnexpectedRequests.ShouldBeEmpty();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task Good_Summary_Is_Returned_With_Bearer_Token_Model_And_Text_Sent()
    {
        var summarizer = Create();

        var summary = await summarizer.SummarizeAsync(Title, Text, Extractive, CancellationToken.None);

        summary.ShouldBe(GoodSummary);
        var call = _fake.Calls.ShouldHaveSingleItem();
        call.Method.ShouldBe("POST");
        call.Header("Authorization").ShouldBe("Bearer " + Key);
        var (model, messages) = FakeChatCompletions.Parse(call);
        model.ShouldBe("test-model");
        messages.Select(m => m.Role).ShouldBe(["system", "user"]);
        messages[0].Content.ShouldBe(LlmSummarizer.SystemPrompt);
        messages[1].Content.ShouldContain(Title);
        messages[1].Content.ShouldContain("Industry groups have until March to comment.");
        _logger.Records.ShouldContain(r => r.EventName == "Used");
    }

    [Theory]
    [InlineData("v1")]
    [InlineData("v1/")]
    public async Task Endpoint_With_Or_Without_Trailing_Slash_Reaches_Chat_Completions(string path)
    {
        var summarizer = Create(o => o.Endpoint = _fake.Server.Url(path));

        var summary = await summarizer.SummarizeAsync(Title, Text, Extractive, CancellationToken.None);

        summary.ShouldBe(GoodSummary);
        _fake.Calls.ShouldHaveSingleItem().Path.ShouldBe(FakeChatCompletions.Path);
    }

    [Fact]
    public async Task Fabricated_Quotation_Is_Discarded()
    {
        _fake.AnswerWith("Minister Jane Doe called the rules \u201Ca victory for open science.\u201D Labs were unhappy.");
        var summarizer = Create();

        var summary = await summarizer.SummarizeAsync(Title, Text, Extractive, CancellationToken.None);

        summary.ShouldBeNull();
        _logger.Records.ShouldContain(r => r.EventName == "FellBack" && r.Message.Contains("quotation not found verbatim"));
    }

    [Fact]
    public async Task Verbatim_Quotation_Is_Kept_Despite_Curly_Apostrophe_And_Spacing()
    {
        const string quoting =
            "Minister Jane Doe said the draft would \u201Cprotect open research without ignoring real risks,\u201D adding " +
            "\u201Cwe don\u2019t want to lock models away from universities.\u201D Labs said the threshold was too low.";
        _fake.AnswerWith(quoting);
        var summarizer = Create();

        var summary = await summarizer.SummarizeAsync(Title, Text, Extractive, CancellationToken.None);

        summary.ShouldBe(quoting);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(429)]
    [InlineData(401)]
    [InlineData(503)]
    public async Task Http_Error_Falls_Back_After_A_Single_Request(int status)
    {
        _fake.Answer(LoopbackServer.Respond(status, """{"error":{"message":"nope","type":"server_error"}}""", "application/json"));
        var summarizer = Create();

        var summary = await summarizer.SummarizeAsync(Title, Text, Extractive, CancellationToken.None);

        summary.ShouldBeNull();
        _fake.Calls.Count.ShouldBe(1);
        _logger.Records.ShouldContain(r => r.EventName == "FellBack" && r.Message.Contains($"HTTP {status}"));
    }

    [Theory]
    [InlineData("{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[{\"message\":")]
    [InlineData("<html><body>Bad gateway</body></html>")]
    [InlineData("{\"id\":\"x\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"choices\":[]}")]
    [InlineData("")]
    public async Task Unusable_Response_Body_Falls_Back(string body)
    {
        _fake.Answer(LoopbackServer.Respond(200, body, "application/json"));
        var summarizer = Create();

        var summary = await summarizer.SummarizeAsync(Title, Text, Extractive, CancellationToken.None);

        summary.ShouldBeNull();
        _fake.Calls.Count.ShouldBe(1);
        _logger.Records.ShouldContain(r => r.EventName == "FellBack");
    }

    [Theory]
    [InlineData(null, "stop")]
    [InlineData("   ", "stop")]
    [InlineData("The ministry proposed rules.", "length")]
    [InlineData("The ministry proposed rules.", "content_filter")]
    [InlineData("See https://example.org/rules for the draft.", "stop")]
    [InlineData("**Summary:** the ministry proposed rules.", "stop")]
    public async Task Empty_Incomplete_Or_Marked_Up_Output_Falls_Back(string? content, string finishReason)
    {
        _fake.AnswerWith(content, finishReason);
        var summarizer = Create();

        var summary = await summarizer.SummarizeAsync(Title, Text, Extractive, CancellationToken.None);

        summary.ShouldBeNull();
        _logger.Records.ShouldContain(r => r.EventName == "FellBack");
    }

    [Fact]
    public async Task Server_That_Never_Answers_Times_Out_On_The_Injected_Clock()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _fake.Answer(async context =>
        {
            arrived.TrySetResult();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        var summarizer = Create(o => o.Timeout = TimeSpan.FromMinutes(5)); // far beyond the wait below: only the clock can end it

        var pending = summarizer.SummarizeAsync(Title, Text, Extractive, CancellationToken.None);
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        _clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        pending.IsCompleted.ShouldBeFalse();
        _clock.Advance(TimeSpan.FromSeconds(1));
        var summary = await pending.WaitAsync(TimeSpan.FromSeconds(30));

        summary.ShouldBeNull();
        _logger.Records.ShouldContain(r => r.EventName == "FellBack" && r.Message.Contains("timed out after 300 s"));
    }

    [Fact]
    public async Task Caller_Cancellation_Is_Not_Swallowed()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _fake.Answer(async context =>
        {
            arrived.TrySetResult();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        using var cancel = new CancellationTokenSource();
        var summarizer = Create();

        var pending = summarizer.SummarizeAsync(Title, Text, Extractive, cancel.Token);
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => pending.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Unreachable_Endpoint_Falls_Back()
    {
        var closed = await LoopbackServer.StartAsync();
        var endpoint = closed.Url("v1");
        await closed.DisposeAsync();
        var summarizer = Create(o => o.Endpoint = endpoint);

        var summary = await summarizer.SummarizeAsync(Title, Text, Extractive, CancellationToken.None);

        summary.ShouldBeNull();
        _logger.Records.ShouldContain(r => r.EventName == "FellBack" && r.Message.Contains("failed ("));
    }

    [Fact]
    public async Task Exhausted_Budget_Makes_No_Request_Even_After_Failures()
    {
        var summarizer = Create(o => o.DailyBudget = 2);
        _fake.Answer(LoopbackServer.Respond(500));
        (await summarizer.SummarizeAsync(Title, Text, Extractive, CancellationToken.None)).ShouldBeNull();
        _fake.AnswerWith(GoodSummary);
        (await summarizer.SummarizeAsync(Title, Text, Extractive, CancellationToken.None)).ShouldBe(GoodSummary);

        var summary = await summarizer.SummarizeAsync(Title, Text, Extractive, CancellationToken.None);

        summary.ShouldBeNull();
        _fake.Calls.Count.ShouldBe(2);
        _logger.Records.ShouldContain(r => r.EventName == "BudgetExhausted");
    }

    [Fact]
    public async Task Budget_Resets_At_The_Next_UTC_Midnight()
    {
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 10, 23, 59, 0, TimeSpan.Zero));
        var summarizer = Create(o => o.DailyBudget = 1);
        (await summarizer.SummarizeAsync(Title, Text, Extractive, CancellationToken.None)).ShouldBe(GoodSummary);
        (await summarizer.SummarizeAsync(Title, Text, Extractive, CancellationToken.None)).ShouldBeNull();
        _clock.Advance(TimeSpan.FromSeconds(59));
        (await summarizer.SummarizeAsync(Title, Text, Extractive, CancellationToken.None)).ShouldBeNull();
        _fake.Calls.Count.ShouldBe(1);

        _clock.Advance(TimeSpan.FromSeconds(1));
        var summary = await summarizer.SummarizeAsync(Title, Text, Extractive, CancellationToken.None);

        summary.ShouldBe(GoodSummary);
        _fake.Calls.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Budget_Of_Zero_Never_Calls()
    {
        var summarizer = Create(o => o.DailyBudget = 0);

        var summary = await summarizer.SummarizeAsync(Title, Text, Extractive, CancellationToken.None);

        summary.ShouldBeNull();
        _fake.Calls.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("none")]
    [InlineData("")]
    public async Task Provider_None_Never_Calls(string provider)
    {
        var summarizer = Create(o => o.Provider = provider);

        var summary = await summarizer.SummarizeAsync(Title, Text, Extractive, CancellationToken.None);

        summary.ShouldBeNull();
        summarizer.Enabled.ShouldBeFalse();
        _fake.Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Misconfigured_Provider_Disables_Instead_Of_Throwing()
    {
        var summarizer = Create(o => o.ApiKey = " ");

        var summary = await summarizer.SummarizeAsync(Title, Text, Extractive, CancellationToken.None);

        summary.ShouldBeNull();
        summarizer.Enabled.ShouldBeFalse();
        _fake.Server.Requests.ShouldBeEmpty();
        _logger.Records.ShouldContain(r => r.EventName == "Misconfigured");
    }

    [Fact]
    public async Task Text_Already_Covered_By_The_Extractive_Summary_Makes_No_Request()
    {
        var summarizer = Create();

        var summary = await summarizer.SummarizeAsync(Title, Extractive, Extractive, CancellationToken.None);
        var blank = await summarizer.SummarizeAsync(Title, "  \n ", "", CancellationToken.None);

        summary.ShouldBeNull();
        blank.ShouldBeNull();
        _fake.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task Input_Is_Cut_To_MaxInputChars()
    {
        var summarizer = Create(o => o.MaxInputChars = 1_000);
        var longText = Text + new string(' ', 3) + string.Concat(Enumerable.Repeat("Filler sentence about weights. ", 400)) + "TAIL-MARKER";

        await summarizer.SummarizeAsync(Title, longText, Extractive, CancellationToken.None);

        var user = FakeChatCompletions.Parse(_fake.Calls.ShouldHaveSingleItem()).Messages[1].Content;
        user.ShouldNotContain("TAIL-MARKER");
        user.Length.ShouldBeLessThanOrEqualTo(1_000 + Title.Length + "Title: \n\nText:\n".Length);
        user.ShouldContain("Filler sentence");
    }

    [Fact]
    public async Task Neither_Key_Nor_Text_Nor_Output_Appears_In_Logs()
    {
        var summarizer = Create(o => o.DailyBudget = 5);
        await summarizer.SummarizeAsync(Title, Text, Extractive, CancellationToken.None);
        _fake.AnswerWith("Jane Doe said \u201Cweights are dangerous.\u201D");
        await summarizer.SummarizeAsync(Title, Text, Extractive, CancellationToken.None);
        _fake.Answer(LoopbackServer.Respond(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + Key + "\"}}", "application/json"));
        await summarizer.SummarizeAsync(Title, Text, Extractive, CancellationToken.None);
        _fake.Answer(LoopbackServer.Respond(200, $"{{\"echo\":\"{Key}\"", "application/json"));

        await summarizer.SummarizeAsync(Title, Text, Extractive, CancellationToken.None);

        var logged = _logger.Records.Select(r => r.Message + " " + r.Exception).ToList();
        logged.Count.ShouldBe(4);
        logged.ShouldAllBe(m => !m.Contains(Key) && !m.Contains("7f3a9c0e") && !m.Contains("Ministry") && !m.Contains("Jane Doe") && !m.Contains("weights"));
    }

    private LlmSummarizer Create(Action<SummarizerOptions>? configure = null)
    {
        var options = new SummarizerOptions
        {
            Provider = "openai",
            Endpoint = _fake.Endpoint,
            Model = "test-model",
            ApiKey = Key,
        };
        configure?.Invoke(options);
        return new LlmSummarizer(Options.Create(options), _clock, _logger);
    }
}
