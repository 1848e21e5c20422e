using System.Net;
using System.Text.Json.Nodes;
using PolicyBot.Slack;
using PolicyBot.Sources;
using PolicyBot.Tests.Infrastructure;
using PolicyBot.Tests.Polling;

namespace PolicyBot.Tests.Slack;

/// <summary>Admin flows through the real command engine: subscribing a channel, and adding a source from the App
/// Home modal (the source is a feed on loopback).</summary>
public sealed class SlackAdminFlowTests
{
    [Fact]
    public async Task Subscribing_A_Channel_The_Bot_Has_Not_Joined_Is_Shared_And_Says_How_To_Invite_It()
    {
        await using var app = await SlackTestApp.StartAsync();
        app.Slack.Admins["USUBADMIN"] = true;
        app.Slack.ChannelsWithoutBot["C0NOTJOINED"] = true;

        var notJoined = (JsonObject)JsonNode.Parse(await (await app.CommandAsync("subscribe Meta", user: "USUBADMIN", channel: "C0NOTJOINED")).Content.ReadAsStringAsync())!;
        var joined = (JsonObject)JsonNode.Parse(await (await app.CommandAsync("subscribe Meta", user: "USUBADMIN", channel: "C0JOINED")).Content.ReadAsStringAsync())!;

        notJoined["response_type"]!.GetValue<string>().ShouldBe("in_channel");
        notJoined["blocks"]!.ToJsonString().ShouldContain("/invite @PolicyBot");
        joined["response_type"]!.GetValue<string>().ShouldBe("in_channel");
        joined["blocks"]!.ToJsonString().ShouldNotContain("/invite @PolicyBot");
        app.Slack.CallsTo("conversations.info").Select(c => c.Arg("channel")).ShouldBe(["C0NOTJOINED", "C0JOINED"]);
        app.Slack.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_Non_Admin_Cannot_Subscribe_And_Slack_Is_Not_Asked_About_The_Channel()
    {
        await using var app = await SlackTestApp.StartAsync();

        var body = (JsonObject)JsonNode.Parse(await (await app.CommandAsync("subscribe Meta", user: "UPLAIN", channel: "C0PLAIN")).Content.ReadAsStringAsync())!;

        body["response_type"]!.GetValue<string>().ShouldBe("ephemeral");
        app.Slack.CallsTo("users.info").Single().Arg("user").ShouldBe("UPLAIN");
        app.Slack.CallsTo("conversations.info").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Nonexistent Lab")]
    [InlineData("page")] // a word the command grammar would otherwise read as the kind
    [InlineData("30m")] // ... or as the interval
    public async Task An_Organisation_The_Catalogue_Does_Not_Know_Is_An_Error_On_The_Organisation_Field(string org)
    {
        await using var app = await SlackTestApp.StartAsync();
        app.Slack.Admins["UORGADMIN"] = true;

        var response = await app.InteractionAsync(SlackPayloads.AddSourceSubmission("UORGADMIN", "https://example.org/feed.xml", "feed", org));

        var body = (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        body["response_action"]!.GetValue<string>().ShouldBe("errors");
        body["errors"]!.AsObject().Select(e => e.Key).ShouldBe([SlackAddSourceModal.OrgBlock]);
        body["errors"]![SlackAddSourceModal.OrgBlock]!.GetValue<string>().ShouldContain(org);
        (await app.Get<SourceStore>().ListAsync(CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_Admin_Adds_A_Source_From_The_Modal_The_Modal_Closes_And_The_Home_Tab_Shows_It()
    {
        await using var news = await LoopbackServer.StartAsync();
        news.Map("/feed.xml", LoopbackServer.Respond(200, TestFeeds.Rss(TestFeeds.Relevant("modal", DateTimeOffset.UtcNow.AddHours(-1))), "application/rss+xml"));
        await using var app = await SlackTestApp.StartAsync(new Dictionary<string, string?> { ["Polling:AllowPrivateAddresses"] = "true" });
        app.Slack.Admins["UMODALADMIN"] = true;

        var response = await app.InteractionAsync(SlackPayloads.AddSourceSubmission("UMODALADMIN", news.Url("/feed.xml").ToString(), "feed", "Meta"));
        await app.IdleAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBeEmpty(); // closes the modal
        var sources = await app.Get<SourceStore>().ListAsync(CancellationToken.None);
        sources.Single().Url.ShouldBe(news.Url("/feed.xml").ToString());
        var home = (JsonObject)app.Slack.CallsTo("views.publish").Single(c => c.Arg("user_id") == "UMODALADMIN").ArgJson("view");
        home.ToJsonString().ShouldContain("sources remove " + sources.Single().Id);
        BlockKitLimits.CheckView(home).ShouldBeEmpty();
        app.Slack.Problems.ShouldBeEmpty();
        news.UnexpectedRequests.ShouldBeEmpty();
    }
}
