using PolicyBot.Teams;

namespace PolicyBot.Tests.Teams;

public sealed class ConversationReferenceTests
{
    [Fact]
    public void A_Reference_Round_Trips_Through_Its_Json()
    {
        var reference = new ConversationReference("https://smba.trafficmanager.net/emea/", "19:a@thread.tacv2", "channel", "Alerts", "t", "28:b", "PolicyBot", "19:team@thread.tacv2", "Policy Watch");

        ConversationReference.FromJson(reference.ToJson()).ShouldBe(reference);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("""{"serviceUrl":"https://x/"}""")]
    [InlineData("""{"serviceUrl":5,"conversationId":"c"}""")]
    public void Stored_Data_That_Is_Not_A_Reference_Gives_Null(string? json)
    {
        ConversationReference.FromJson(json).ShouldBeNull();
    }

    [Theory]
    [InlineData("19:a@thread.tacv2;messageid=1700000000002", "19:a@thread.tacv2")]
    [InlineData("19:a@thread.tacv2", "19:a@thread.tacv2")]
    [InlineData("a:1personal", "a:1personal")]
    [InlineData(";messageid=5", ";messageid=5")]
    public void A_Channel_Thread_Counts_As_Its_Channel(string conversationId, string expected)
    {
        ConversationReference.ChannelConversationId(new Activity { Conversation = new ConversationAccount(conversationId) }).ShouldBe(expected);
    }

    [Fact]
    public void An_Activity_Without_Service_Url_Or_Conversation_Gives_No_Reference()
    {
        ConversationReference.From(new Activity { Type = "message", Conversation = new ConversationAccount("c") }).ShouldBeNull();
        ConversationReference.From(new Activity { Type = "message", ServiceUrl = "https://x/" }).ShouldBeNull();
    }
}
