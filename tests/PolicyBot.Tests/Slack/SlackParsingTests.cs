using System.Text.Json.Nodes;
using PolicyBot.Chat;
using PolicyBot.Slack;
using PolicyBot.Sources;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Slack;

/// <summary>The small parsers and builders on their own: slash-command fields, the modal's values, the Home tab's
/// size, the bounded id set.</summary>
public sealed class SlackParsingTests
{
    private static Dictionary<string, string> Fields(string form) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(form).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);

    [Fact]
    public void The_Corpus_Slash_Command_Parses()
    {
        var command = SlashCommand.From(Fields(SlackTestData.Text("payloads", "slash_command.form.txt")));

        command.ShouldNotBeNull();
        command.Command.ShouldBe("/hello-world");
        command.Text.ShouldBe("Hi");
        command.UserId.ShouldBe("W111");
        command.ChannelId.ShouldBe("C111");
        command.ResponseUrl.ShouldBe("https://hooks.slack.com/commands/T111/111/xxxxx");
    }

    [Theory]
    [InlineData("")]
    [InlineData("command=%2Fpolicy")]
    [InlineData("command=%2Fpolicy&user_id=U1")]
    [InlineData("command=policy&user_id=U1&channel_id=C1")]
    [InlineData("command=%2Fpolicy&user_id=%20&channel_id=C1")]
    public void A_Command_Missing_What_It_Needs_Does_Not_Parse(string form)
    {
        SlashCommand.From(Fields(form)).ShouldBeNull();
    }

    [Fact]
    public void An_Oversized_Command_Text_Does_Not_Parse()
    {
        SlashCommand.From(Fields("command=%2Fpolicy&user_id=U1&channel_id=C1&text=" + new string('a', 5000))).ShouldBeNull();
    }

    [Fact]
    public void A_Socket_Mode_Command_Payload_Parses_Its_String_Fields_Only()
    {
        var payload = new JsonObject { ["command"] = "/policy", ["text"] = "meta", ["user_id"] = "U1", ["channel_id"] = "C1", ["is_enterprise_install"] = "false", ["weird"] = new JsonArray(1) };

        var command = SlashCommand.From(payload);

        command!.Text.ShouldBe("meta");
    }

    [Theory]
    [InlineData("https://example.org/feed.xml", null, null, "sources add https://example.org/feed.xml")]
    [InlineData("https://example.org/feed.xml", "feed", "Meta", "sources add https://example.org/feed.xml feed \"Meta\"")]
    [InlineData(" https://example.org/p ", "page", "Example Lab", "sources add https://example.org/p page \"Example Lab\"")]
    public void A_Valid_Submission_Becomes_A_Sources_Add_Command(string url, string? kind, string? org, string expected)
    {
        var view = SlackPayloads.AddSourceSubmission("U1", url, kind, org)["view"]!.AsObject();

        var (command, errors) = new SlackAddSourceModal().Read(view);

        errors.ShouldBeEmpty();
        command.ShouldBe(expected);
    }

    [Fact]
    public void An_Empty_Or_Missing_State_Asks_For_The_Url()
    {
        var (command, errors) = new SlackAddSourceModal().Read(new JsonObject { ["state"] = new JsonObject() });

        command.ShouldBeNull();
        errors.Keys.ShouldBe([SlackAddSourceModal.UrlBlock]);
    }

    [Theory]
    [InlineData("https://example.org/" + "x", "rss", null, SlackAddSourceModal.KindBlock)]
    [InlineData("https://example.org/x", null, "<script>", SlackAddSourceModal.OrgBlock)]
    [InlineData("https://example.org/x", null, "a\"b", SlackAddSourceModal.OrgBlock)]
    [InlineData("ftp://example.org/x", null, null, SlackAddSourceModal.UrlBlock)]
    public void A_Hostile_Or_Wrong_Field_Is_Named_In_The_Errors(string url, string? kind, string? org, string block)
    {
        var (command, errors) = new SlackAddSourceModal().Read(SlackPayloads.AddSourceSubmission("U1", url, kind, org)["view"]!.AsObject());

        command.ShouldBeNull();
        errors.ShouldContainKey(block);
    }

    [Fact]
    public void The_Modal_Is_Within_View_Limits()
    {
        BlockKitLimits.CheckView(new SlackAddSourceModal().Build()).ShouldBeEmpty();
    }

    [Fact]
    public void A_Home_Tab_With_Hundreds_Of_Sources_Stays_Within_100_Blocks_And_Says_How_Many_Are_Not_Shown()
    {
        var sources = Enumerable.Range(1, 300).Select(i => new Source
        {
            Id = i,
            Name = "Source " + i + " <&>",
            Url = "https://example.org/" + i,
            Kind = SourceKind.Feed,
            ErrorCount = i % 3,
            LastError = i % 3 == 0 ? null : new string('e', 5000),
            LastCheckedAt = DateTimeOffset.UnixEpoch,
        }).ToList();

        var view = new SlackHomeView(new BlockKitRenderer()).Build(TestReplies.Hostile(), TestReplies.Hostile(), sources, isAdmin: true, DateTimeOffset.UnixEpoch.AddHours(5));

        BlockKitLimits.CheckView(view).ShouldBeEmpty();
        view["blocks"]!.AsArray().Count.ShouldBeLessThanOrEqualTo(100);
        view.ToJsonString().ShouldContain("more: /policy sources lists them all");
    }

    [Fact]
    public void The_Id_Set_Refuses_A_Repeat_Forgets_After_Its_Time_Or_When_Told_And_Stays_Bounded()
    {
        var clock = new ManualTimeProvider();
        var set = new RecentIdSet(3, TimeSpan.FromMinutes(10), clock);

        set.TryAdd("a").ShouldBeTrue();
        set.TryAdd("a").ShouldBeFalse();
        clock.Advance(TimeSpan.FromMinutes(10));
        set.TryAdd("a").ShouldBeTrue();
        set.TryAdd("b").ShouldBeTrue();
        set.TryAdd("c").ShouldBeTrue();
        set.TryAdd("d").ShouldBeTrue(); // full: "a" (the oldest) is forgotten
        set.TryAdd("a").ShouldBeTrue();
        set.TryAdd("d").ShouldBeFalse();
        set.Forget("d");
        set.TryAdd("d").ShouldBeTrue();
    }

    [Theory]
    [InlineData("sources add https://x.example", true)]
    [InlineData("SOURCES   Pause 3", true)]
    [InlineData("subscribe", true)]
    [InlineData("unsubscribe", true)]
    [InlineData("sources", false)]
    [InlineData("sources list", false)]
    [InlineData("meta", false)]
    [InlineData("subscribers", false)]
    [InlineData("", false)]
    public void Only_Admin_Verbs_Need_The_Admin_Lookup(string text, bool admin)
    {
        SlackCommandRunner.IsAdminVerb(text).ShouldBe(admin);
    }

    [Theory]
    [InlineData("sources\u00A0add https://x.example")] // a non-breaking space, as some keyboards type
    [InlineData("/policy subscribe meta")]
    [InlineData("ＳＵＢＳＣＲＩＢＥ meta")]
    [InlineData("\u200Bunsubscribe")]
    [InlineData("sources\u2003pause 3")]
    public void An_Admin_Verb_Is_Recognised_However_The_Command_Engine_Would_Read_It(string text)
    {
        SlackCommandRunner.IsAdminVerb(text).ShouldBeTrue();
    }
}
