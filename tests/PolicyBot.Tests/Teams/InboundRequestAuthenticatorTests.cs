using System.Net;
using PolicyBot.Teams;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Teams;

public sealed class InboundRequestAuthenticatorTests
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.0.0.5", false)]
    [InlineData("192.168.1.20", false)]
    [InlineData("::ffff:203.0.113.9", false)]
    [InlineData("2001:db8::1", false)]
    public async Task Without_An_App_Id_Only_Loopback_Callers_Are_Accepted(string address, bool accepted)
    {
        await using var services = await TestServices.CreateAsync(new Dictionary<string, string?> { ["Teams:AppId"] = "" });

        var outcome = services.Get<InboundRequestAuthenticator>().Precheck(null, IPAddress.Parse(address));

        outcome.Valid.ShouldBe(accepted);
    }

    [Fact]
    public async Task Without_An_App_Id_An_Unknown_Caller_Is_Refused()
    {
        await using var services = await TestServices.CreateAsync(new Dictionary<string, string?> { ["Teams:AppId"] = "" });

        services.Get<InboundRequestAuthenticator>().Precheck(null, null).Valid.ShouldBeFalse();
    }

    [Fact]
    public async Task With_An_App_Id_Loopback_Is_Not_Enough()
    {
        await using var fake = await BotFrameworkFake.StartAsync();
        await using var services = await TeamsServices.CreateAsync(fake);

        var outcome = services.Get<InboundRequestAuthenticator>().Precheck(null, IPAddress.Loopback);

        outcome.Valid.ShouldBeFalse();
        fake.Server.Requests.ShouldBeEmpty();
    }
}
