using System.Net;
using System.Text.Json.Nodes;
using PolicyBot.Chat;
using PolicyBot.Slack;
using PolicyBot.Sources;

namespace PolicyBot.Tests.Slack;

/// <summary>The App Home tab as published for admins and others, and the install lifecycle events.</summary>
public sealed class SlackHomeTests(SlackAppFixture fixture) : IClassFixture<SlackAppFixture>
{
    private SlackTestApp App => fixture.App;

    private async Task<JsonObject> OpenHomeAsync(string user)
    {
        var response = await App.EventAsync(SlackPayloads.HomeOpened("Ev" + Guid.NewGuid().ToString("N"), user));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var calls = await App.Slack.WaitForAsync(all => all.Any(c => c.Method == "views.publish" && c.Arg("user_id") == user));
        return (JsonObject)calls.Last(c => c.Method == "views.publish" && c.Arg("user_id") == user).ArgJson("view");
    }

    private async Task SeedSourcesAsync()
    {
        var store = App.Get<SourceStore>();
        if ((await store.ListAsync(CancellationToken.None)).Count > 0)
        {
            return;
        }

        await store.AddAsync(new SourceDefinition { Name = "Wire <b>&amp; co</b>", Url = "https://wire.example/feed.xml", Kind = "feed", Orgs = ["Meta"] }, "test", DateTimeOffset.UtcNow, CancellationToken.None);
        var paused = await store.AddAsync(new SourceDefinition { Name = "Lab policy page", Url = "https://lab.example/policy", Kind = "page" }, "test", DateTimeOffset.UtcNow, CancellationToken.None);
        await store.SetEnabledAsync(paused!.Id, false, DateTimeOffset.UtcNow, CancellationToken.None);
    }

    [Fact]
    public async Task An_Admin_Sees_Add_Source_And_Pause_Resume_Remove_For_Each_Source()
    {
        await SeedSourcesAsync();
        App.Slack.Admins["UHOMEADMIN"] = true;

        var view = await OpenHomeAsync("UHOMEADMIN");

        BlockKitLimits.CheckView(view).ShouldBeEmpty();
        var buttons = view["blocks"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "actions")
            .SelectMany(b => b!["elements"]!.AsArray()).Select(e => (Id: e!["action_id"]!.GetValue<string>(), Value: e["value"]?.GetValue<string>())).ToList();
        buttons.ShouldContain(b => b.Id == SlackHomeView.AddSourceAction);
        buttons.ShouldContain(b => b.Value != null && b.Value.StartsWith("sources pause ", StringComparison.Ordinal));
        buttons.ShouldContain(b => b.Value != null && b.Value.StartsWith("sources resume ", StringComparison.Ordinal));
        buttons.Count(b => b.Value != null && b.Value.StartsWith("sources remove ", StringComparison.Ordinal)).ShouldBe(2);
        var text = view.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        text.ShouldContain("Wire &lt;b&gt;&amp;amp; co&lt;/b&gt;");
        text.ShouldContain("paused");
        App.Slack.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Anyone_Else_Sees_Recent_Alerts_And_Sources_Without_Admin_Controls()
    {
        await SeedSourcesAsync();

        var view = await OpenHomeAsync("UHOMEREADER");

        BlockKitLimits.CheckView(view).ShouldBeEmpty();
        view["blocks"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "actions").ShouldBeEmpty();
        view.ToJsonString().ShouldContain("Recent alerts");
        view.ToJsonString().ShouldContain("wire.example/feed.xml");
    }

    [Fact]
    public async Task A_Listed_Admin_Gets_Controls_Without_Being_A_Workspace_Admin()
    {
        await using var app = await SlackTestApp.StartAsync(new Dictionary<string, string?> { ["Admins:SlackUserIds:0"] = "ULISTED" });

        var response = await app.EventAsync(SlackPayloads.HomeOpened("EvListed", "ULISTED"));
        var calls = await app.Slack.WaitForCallsAsync("views.publish");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        calls.Single().ArgJson("view").ToJsonString().ShouldContain(SlackHomeView.AddSourceAction);
    }

    [Fact]
    public async Task App_Uninstalled_Marks_Every_Slack_Channel_Inactive()
    {
        var store = App.Get<ChannelStore>();
        await store.UpsertAsync(new ChatChannel("slack", "C0UNINSTALL"), null, CancellationToken.None);

        var response = await App.EventAsync(SlackPayloads.Event("Ev" + Guid.NewGuid().ToString("N"), new JsonObject { ["type"] = "app_uninstalled" }));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await App.Get<ChannelStore>().FindAsync(new ChatChannel("slack", "C0UNINSTALL"), CancellationToken.None))!.Active.ShouldBeFalse();
    }

    [Fact]
    public async Task Tokens_Revoked_Deactivates_Only_When_The_Bot_Token_Went()
    {
        var store = App.Get<ChannelStore>();
        await store.UpsertAsync(new ChatChannel("slack", "C0REVOKE"), null, CancellationToken.None);
        var userTokensOnly = new JsonObject { ["type"] = "tokens_revoked", ["tokens"] = new JsonObject { ["oauth"] = new JsonArray("U1"), ["bot"] = new JsonArray() } };
        var botToken = new JsonObject { ["type"] = "tokens_revoked", ["tokens"] = new JsonObject { ["oauth"] = new JsonArray(), ["bot"] = new JsonArray("UBOT") } };

        await App.EventAsync(SlackPayloads.Event("Ev" + Guid.NewGuid().ToString("N"), userTokensOnly));
        var afterUserTokens = (await store.FindAsync(new ChatChannel("slack", "C0REVOKE"), CancellationToken.None))!.Active;
        await App.EventAsync(SlackPayloads.Event("Ev" + Guid.NewGuid().ToString("N"), botToken));
        var afterBotToken = (await store.FindAsync(new ChatChannel("slack", "C0REVOKE"), CancellationToken.None))!.Active;

        afterUserTokens.ShouldBe(true);
        afterBotToken.ShouldBe(false);
    }
}
