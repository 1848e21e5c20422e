using System.Text;
using PolicyBot.Teams;

namespace PolicyBot.Tests.Teams;

public sealed class ActivityParserTests
{
    private static ActivityParseResult Parse(string json) => ActivityParser.Parse(Encoding.UTF8.GetBytes(json));

    [Theory]
    [InlineData("message-personal")]
    [InlineData("message-channel-mention")]
    [InlineData("message-card-submit")]
    [InlineData("conversation-update-bot-added-team")]
    [InlineData("conversation-update-bot-removed-team")]
    [InlineData("conversation-update-group-chat-added")]
    [InlineData("installation-update-add-personal")]
    [InlineData("installation-update-remove-personal")]
    [InlineData("channel-deleted")]
    public void Fixture_Activities_Parse(string name)
    {
        var result = Parse(TeamsFixtures.Load(name, "https://smba.trafficmanager.net/emea/"));

        result.Error.ShouldBeNull();
        result.Activity!.ChannelId.ShouldBe("msteams");
        result.Activity.ServiceUrl.ShouldBe("https://smba.trafficmanager.net/emea/");
    }

    [Fact]
    public void Teams_Fields_Are_Read()
    {
        var activity = Parse(TeamsFixtures.Load("conversation-update-bot-added-team", "https://smba.trafficmanager.net/emea/")).Activity!;

        activity.Type.ShouldBe("conversationUpdate");
        activity.ChannelData!.EventType.ShouldBe("teamMemberAdded");
        activity.ChannelData.Team!.Name.ShouldBe("Policy Watch");
        activity.IncludesBot(activity.MembersAdded).ShouldBeTrue();
        activity.Conversation!.IsGroup.ShouldBe(true);
    }

    [Fact]
    public void Unknown_Fields_Are_Accepted()
    {
        var result = Parse("""{"type":"message","text":"hi","somethingNew":{"a":[1,2,3]},"channelData":{"meeting":{"id":"m"}}}""");

        result.Activity!.Text.ShouldBe("hi");
    }

    [Theory]
    [InlineData("", "empty body")]
    [InlineData("null", "body is not a JSON object")]
    [InlineData("{}", "activity has no type")]
    [InlineData("{\"type\":\"\"}", "activity has no type")]
    [InlineData("{\"type\":\"message\"", "malformed activity JSON")]
    [InlineData("[1,2]", "malformed activity JSON")]
    [InlineData("{\"type\":\"message\",\"from\":5}", "malformed activity JSON")]
    [InlineData("{\"type\":\"message\",\"membersAdded\":{\"id\":\"x\"}}", "malformed activity JSON")]
    [InlineData("\u00ff\u00fe garbage", "malformed activity JSON")]
    public void Malformed_Input_Gives_An_Error_Not_An_Exception(string body, string error)
    {
        var result = Parse(body);

        result.Activity.ShouldBeNull();
        result.Error.ShouldNotBeNull().ShouldStartWith(error);
    }

    [Fact]
    public void Oversized_Body_Is_Refused()
    {
        var result = Parse($$"""{"type":"message","text":"{{new string('a', ActivityParser.MaxBytes)}}"}""");

        result.Error.ShouldNotBeNull().ShouldContain("larger than");
    }

    [Fact]
    public void Deeply_Nested_Hostile_Body_Is_Refused()
    {
        var result = Parse("""{"type":"message","value":""" + new string('[', 5000) + new string(']', 5000) + "}");

        result.Activity.ShouldBeNull();
        result.Error.ShouldNotBeNull();
    }
}
