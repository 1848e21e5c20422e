using PolicyBot.Teams;

namespace PolicyBot.Tests.Teams;

public sealed class MentionStripperTests
{
    private const string Bot = "28:bot";

    private static Activity Message(string? text, params ActivityEntity[] entities) =>
        new() { Type = "message", Text = text, Recipient = new ChannelAccount(Bot, "PolicyBot"), Entities = entities };

    private static ActivityEntity Mention(string id, string? text, string? name = "PolicyBot") => new("mention", text, new ChannelAccount(id, name));

    [Theory]
    [InlineData("<at>PolicyBot</at> meta", "meta")]
    [InlineData("\r\n<at>PolicyBot</at>&nbsp;search \"open weights\"\r\n", "search \"open weights\"")]
    [InlineData("<AT>PolicyBot</AT>   latest   5", "latest 5")]
    [InlineData("/policy meta", "meta")]
    [InlineData("<at>PolicyBot</at> /policy sources", "sources")]
    [InlineData("<p>meta</p>", "meta")]
    [InlineData("policy meta", "policy meta")]
    public void The_Bots_Mention_And_Markup_Are_Removed(string text, string expected)
    {
        MentionStripper.Strip(Message(text, Mention(Bot, "<at>PolicyBot</at>"))).ShouldBe(expected);
    }

    [Fact]
    public void A_Mention_Entity_Without_Text_Is_Matched_By_Name()
    {
        MentionStripper.Strip(Message("<at>Policy Bot</at> status", Mention(Bot, null, "Policy Bot"))).ShouldBe("status");
    }

    [Fact]
    public void Another_Users_Mention_In_The_Middle_Keeps_Its_Name()
    {
        MentionStripper.Strip(Message("<at>PolicyBot</at> search <at>Ada</at>", Mention(Bot, "<at>PolicyBot</at>"), Mention("29:ada", "<at>Ada</at>", "Ada"))).ShouldBe("search Ada");
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("<at>PolicyBot</at>", "")]
    [InlineData("\u0000\u200b\u00a0", "")]
    public void Empty_And_Odd_Input_Gives_Short_Text(string? text, string expected)
    {
        MentionStripper.Strip(Message(text)).ShouldBe(expected);
    }

    [Fact]
    public void Oversized_Text_Is_Cut()
    {
        MentionStripper.Strip(Message(new string('x', 100_000))).Length.ShouldBe(MentionStripper.MaxChars);
    }
}
