using PolicyBot.Chat;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Chat;

public sealed class ChannelStoreTests
{
    [Fact]
    public async Task A_Channel_Keeps_Its_Data_When_Refreshed_Without_And_Comes_Back_When_Seen_Again()
    {
        await using var services = await TestServices.CreateAsync();
        var store = services.Get<ChannelStore>();
        var channel = new ChatChannel("teams", "19:abc@thread.tacv2", "General");

        var id = await store.UpsertAsync(channel, """{"serviceUrl":"https://smba.trafficmanager.net/emea/"}""", CancellationToken.None);
        var again = await store.UpsertAsync(channel with { DisplayName = null }, null, CancellationToken.None);
        var deactivated = await store.DeactivateAsync(new ChatChannel("teams", ""), CancellationToken.None);
        var gone = await store.FindAsync(channel, CancellationToken.None);
        await store.UpsertAsync(channel, null, CancellationToken.None);
        var back = await store.FindAsync(channel, CancellationToken.None);

        again.ShouldBe(id);
        deactivated.ShouldBe(1);
        gone.ShouldNotBeNull().Active.ShouldBeFalse();
        back.ShouldBe(new StoredChannel(id, channel, """{"serviceUrl":"https://smba.trafficmanager.net/emea/"}""", true));
    }

    [Theory]
    [InlineData("console", "console", "")]
    [InlineData("slack:C0123", "slack", "C0123")]
    [InlineData("teams:19:abc@thread.tacv2", "teams", "19:abc@thread.tacv2")]
    public void A_Channel_Key_Names_Its_Platform_And_Id_Even_When_The_Id_Has_Colons(string key, string platform, string id)
    {
        var channel = ChatChannel.FromKey(key);

        channel.ShouldBe(new ChatChannel(platform, id));
        channel.Key.ShouldBe(key);
    }
}
