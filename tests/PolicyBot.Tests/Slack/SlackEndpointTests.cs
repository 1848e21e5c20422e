using System.Net;
using System.Text.Json.Nodes;
using PolicyBot.Slack;

namespace PolicyBot.Tests.Slack;

/// <summary>The running app's Slack endpoints, driven with signed requests built from the corpus payloads.</summary>
public sealed class SlackEndpointTests(SlackAppFixture fixture) : IClassFixture<SlackAppFixture>
{
    private SlackTestApp App => fixture.App;

    private static async Task<JsonObject> JsonAsync(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task Url_Verification_Echoes_The_Challenge()
    {
        var response = await App.EventAsync(SlackTestData.Json("payloads", "event_url_verification.json"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await JsonAsync(response))["challenge"]!.GetValue<string>().ShouldBe("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    [Fact]
    public async Task Ssl_Check_Is_Answered_With_An_Empty_200_And_Runs_Nothing()
    {
        var before = App.Slack.Calls.Count;
        using var content = new StringContent(SlackTestData.Text("payloads", "ssl_check.form.txt"), System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
        content.Headers.ContentType!.CharSet = null;

        var response = await App.Client.PostAsync("/slack/commands", content);
        await App.IdleAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBeEmpty();
        App.Slack.Calls.Count.ShouldBe(before);
    }

    [Fact]
    public async Task Help_Is_Answered_Inline_Only_To_The_Asker()
    {
        var response = await App.CommandAsync("help", user: "UHELP");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await JsonAsync(response);
        body["response_type"]!.GetValue<string>().ShouldBe("ephemeral");
        body["text"]!.GetValue<string>().ShouldContain("PolicyBot commands");
        BlockKitLimits.Check(body["blocks"], 50).ShouldBeEmpty();
        App.Slack.CallsTo("users.info").ShouldNotContain(c => c.Arg("user") == "UHELP");
    }

    public static TheoryData<string, bool> Verbs => new()
    {
        { "", false },
        { "help", false },
        { "meta", false },
        { "zuckerberg", false },
        { "latest", false },
        { "latest 3", false },
        { "search \"open weights\"", false },
        { "sources", false },
        { "status", false },
        { "sources add https://example.org/feed.xml feed Meta", true },
        { "sources remove 1", true },
        { "sources pause 1", true },
        { "sources resume 1", true },
        { "subscribe Meta --shifts-only", true },
        { "unsubscribe", true },
    };

    [Theory]
    [MemberData(nameof(Verbs))]
    public async Task Every_Verb_Is_Acknowledged_With_A_Message_And_Only_Admin_Verbs_Ask_Slack_Who_The_User_Is(string text, bool adminVerb)
    {
        var user = "UVERB" + Math.Abs(text.GetHashCode(StringComparison.Ordinal));

        var response = await App.CommandAsync(text, user: user, channel: "C0VERBS");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await JsonAsync(response);
        FakeSlackMethods.CheckMessage(body, requireText: true).ShouldBeNull();
        App.Slack.CallsTo("users.info").Any(c => c.Arg("user") == user).ShouldBe(adminVerb);
    }

    [Fact]
    public async Task An_Unknown_Verb_Gets_An_Ephemeral_Error_Where_The_Echoed_Text_Cannot_Mention_Anyone()
    {
        var body = await JsonAsync(await App.CommandAsync("<!channel>&<@U1>", user: "UUNKNOWN"));

        body["response_type"]!.GetValue<string>().ShouldBe("ephemeral");
        body["text"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        var relaxed = body.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        relaxed.ShouldNotContain("<!channel>");
        relaxed.ShouldNotContain("<@U1>");
        FakeSlackMethods.CheckMessage(body, requireText: true).ShouldBeNull();
    }

    [Fact]
    public async Task App_Home_Opened_Publishes_The_Home_Tab_Once_Even_When_Slack_Retries()
    {
        var eventId = "Ev" + Guid.NewGuid().ToString("N");

        var first = await App.EventAsync(SlackPayloads.HomeOpened(eventId, "UHOME1"));
        var retry = await App.EventAsync(SlackPayloads.HomeOpened(eventId, "UHOME1"), SlackTestApp.Now + 60);
        await App.IdleAsync();

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        retry.StatusCode.ShouldBe(HttpStatusCode.OK);
        var published = App.Slack.CallsTo("views.publish").Where(c => c.Arg("user_id") == "UHOME1").ToList();
        published.Count.ShouldBe(1);
        published[0].ArgJson("view")["type"]!.GetValue<string>().ShouldBe("home");
        App.Slack.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Add_Source_Button_Opens_The_Modal_With_The_Trigger_Id()
    {
        var response = await App.InteractionAsync(SlackPayloads.ButtonPress("UADDER", SlackHomeView.AddSourceAction, null, inHome: true, App.Slack.ResponseUrl("add")));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var opened = App.Slack.CallsTo("views.open").Last();
        opened.Arg("trigger_id").ShouldBe("111.222.valid");
        var view = (JsonObject)opened.ArgJson("view");
        view["callback_id"]!.GetValue<string>().ShouldBe(SlackAddSourceModal.CallbackId);
        BlockKitLimits.CheckView(view).ShouldBeEmpty();
        App.Slack.Problems.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(null, "source_url")]
    [InlineData("not a url", "source_url")]
    [InlineData("javascript:alert(1)", "source_url")]
    [InlineData("https://example.org/a b", "source_url")]
    public async Task A_Bad_Submission_Gets_Inline_Errors_On_The_Field(string? url, string block)
    {
        var before = App.Slack.Calls.Count;

        var response = await App.InteractionAsync(SlackPayloads.AddSourceSubmission("USUBMIT", url));

        var body = await JsonAsync(response);
        body["response_action"]!.GetValue<string>().ShouldBe("errors");
        body["errors"]![block]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        App.Slack.Calls.Count.ShouldBe(before);
    }

    [Fact]
    public async Task A_Hostile_Organisation_Is_Refused_Inline_Before_Any_Command_Runs()
    {
        var body = await JsonAsync(await App.InteractionAsync(SlackPayloads.AddSourceSubmission("USUBMIT2", "https://example.org/feed.xml", "feed", "Meta\"; sources remove 1")));

        body["errors"]!["source_org"].ShouldNotBeNull();
    }

    [Fact]
    public async Task A_Submission_The_Engine_Refuses_Comes_Back_As_An_Error_On_The_Url_Field()
    {
        // UNOTADMIN is not an admin (users.info says so), so "sources add" is refused, shown inline on the URL field
        var body = await JsonAsync(await App.InteractionAsync(SlackPayloads.AddSourceSubmission("UNOTADMIN", "https://example.org/feed.xml", "feed", "Meta")));

        body["response_action"]!.GetValue<string>().ShouldBe("errors");
        body["errors"]!["source_url"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        App.Slack.CallsTo("users.info").ShouldContain(c => c.Arg("user") == "UNOTADMIN");
    }

    [Fact]
    public async Task A_Command_Button_In_A_Message_Runs_As_The_Presser_And_Answers_Through_The_Response_Url()
    {
        var responseUrl = App.Slack.ResponseUrl("button-" + Guid.NewGuid().ToString("N"));

        var response = await App.InteractionAsync(SlackPayloads.ButtonPress("UPRESSER", BlockKitRenderer.CommandActionPrefix + "0", "help", inHome: false, responseUrl));
        await App.IdleAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var answer = App.Slack.CallsTo("response_url").Single(c => responseUrl.EndsWith(c.Path, StringComparison.Ordinal));
        answer.Json!["text"]!.GetValue<string>().ShouldContain("PolicyBot commands");
        App.Slack.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_Command_Button_In_The_Home_Tab_Refreshes_The_Home_Tab_With_The_Outcome()
    {
        var response = await App.InteractionAsync(SlackPayloads.ButtonPress("UHOMEBTN", BlockKitRenderer.CommandActionPrefix + "pause", "sources pause 1", inHome: true, App.Slack.ResponseUrl("unused")));
        await App.IdleAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var publish = App.Slack.CallsTo("views.publish").Single(c => c.Arg("user_id") == "UHOMEBTN");
        publish.ArgJson("view")["blocks"]!.AsArray().Count.ShouldBeGreaterThan(3);
        App.Slack.CallsTo("users.info").ShouldContain(c => c.Arg("user") == "UHOMEBTN"); // an admin verb: authorised again
    }

    [Fact]
    public async Task Link_Buttons_Closed_Views_And_Shortcuts_Are_Acknowledged_And_Ignored()
    {
        var before = App.Slack.Calls.Count;

        var link = await App.InteractionAsync(SlackPayloads.ButtonPress("ULINK", BlockKitRenderer.LinkActionPrefix + "0", null, inHome: false, App.Slack.ResponseUrl("link")));
        var closed = await App.InteractionAsync(SlackTestData.Json("payloads", "view_closed.json"));
        var shortcut = await App.InteractionAsync(SlackTestData.Json("payloads", "shortcut_global.json"));
        var bot = await App.EventAsync(SlackTestData.Json("payloads", "event_message_bot.json"));
        await App.IdleAsync();

        new[] { link, closed, shortcut, bot }.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        App.Slack.Calls.Count.ShouldBe(before);
    }
}
