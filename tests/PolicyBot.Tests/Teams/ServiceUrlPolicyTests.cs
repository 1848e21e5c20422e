using Microsoft.Extensions.Options;
using PolicyBot.Teams;

namespace PolicyBot.Tests.Teams;

public sealed class ServiceUrlPolicyTests
{
    private static ServiceUrlPolicy Policy(params string[] allowed) => new(Options.Create(new TeamsOptions { AllowedServiceUrls = [.. allowed] }));

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/", "https://smba.trafficmanager.net/amer/")]
    [InlineData("https://smba.trafficmanager.net/emea", "https://smba.trafficmanager.net/emea/")]
    [InlineData("https://SMBA.trafficmanager.net/teams/", "https://smba.trafficmanager.net/teams/")]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/gcc", "https://smba.infra.gcc.teams.microsoft.com/gcc/")]
    public void Microsofts_Channel_Hosts_Are_Allowed_By_Default(string serviceUrl, string expectedBase)
    {
        Policy().Allow(serviceUrl)!.ToString().ShouldBe(expectedBase);
    }

    [Theory]
    [InlineData("https://attacker.example/")]
    [InlineData("https://smba.trafficmanager.net.attacker.example/")]
    [InlineData("https://attackersmba.trafficmanager.net/")]
    [InlineData("http://smba.trafficmanager.net/amer/")]
    [InlineData("https://token@smba.trafficmanager.net/amer/")]
    [InlineData("https://smba.trafficmanager.net/amer/?next=https://attacker.example")]
    [InlineData("http://127.0.0.1:8080/")]
    [InlineData("ftp://smba.trafficmanager.net/")]
    [InlineData("//smba.trafficmanager.net/")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_Else_Is_Refused_By_Default(string? serviceUrl)
    {
        Policy().Allow(serviceUrl).ShouldBeNull();
    }

    [Fact]
    public void Subdomain_Wildcards_Match_Subdomains_Only()
    {
        var policy = Policy("*.example.com");

        policy.Allow("https://a.example.com/").ShouldNotBeNull();
        policy.Allow("https://example.com/").ShouldBeNull();
        policy.Allow("https://a.example.com.evil/").ShouldBeNull();
    }

    [Fact]
    public void Plain_Http_Is_Allowed_Only_To_A_Configured_Loopback_Host()
    {
        var policy = Policy("localhost", "127.0.0.1", "bot.internal");

        policy.Allow("http://localhost:56150/_connector").ShouldNotBeNull();
        policy.Allow("http://127.0.0.1:9/").ShouldNotBeNull();
        policy.Allow("http://bot.internal/").ShouldBeNull();
        policy.Allow("https://bot.internal/").ShouldNotBeNull();
    }

    [Fact]
    public void A_Configured_Full_Url_Counts_As_Its_Host()
    {
        Policy("https://smba.trafficmanager.net/amer/").Allow("https://smba.trafficmanager.net/emea/").ShouldNotBeNull();
    }
}
