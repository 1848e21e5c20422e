using System.Net;
using PolicyBot.Fetching;
using PolicyBot.Polling;

namespace PolicyBot.Tests.Fetching;

public sealed class AddressPolicyTests
{
    private const string Hint = " (set Polling:AllowPrivateAddresses to allow)";

    [Theory]
    [InlineData("example.org")]
    [InlineData("93.184.216.34")]
    [InlineData("[2606:4700:4700::1111]")]
    [InlineData("localhost.example.org")]
    [InlineData("mylocalhost")]
    public void Public_Looking_Host_Passes_The_Early_Check(string host) =>
        new AddressPolicy(new PollingOptions()).CheckHost(host).ShouldBeNull();

    [Theory]
    [InlineData("10.0.0.1", "refused: 10.0.0.1 is a private address")]
    [InlineData("127.0.0.1", "refused: 127.0.0.1 is a loopback address")]
    [InlineData("169.254.169.254", "refused: 169.254.169.254 is a cloud metadata address")]
    [InlineData("100.64.1.1", "refused: 100.64.1.1 is a shared (carrier-grade NAT) address")]
    [InlineData("0.0.0.0", "refused: 0.0.0.0 is an unspecified address")]
    [InlineData("255.255.255.255", "refused: 255.255.255.255 is a broadcast address")]
    [InlineData("224.0.0.251", "refused: 224.0.0.251 is a multicast address")]
    [InlineData("[::1]", "refused: ::1 is a loopback address")]
    [InlineData("[::]", "refused: :: is an unspecified address")]
    [InlineData("[fd00:ec2::254]", "refused: fd00:ec2::254 is a cloud metadata address")]
    [InlineData("[fe80::1]", "refused: fe80::1 is a link-local address")]
    [InlineData("[fc00::5]", "refused: fc00::5 is a private address")]
    [InlineData("[::ffff:192.168.0.1]", "refused: ::ffff:192.168.0.1 is a private address")]
    [InlineData("localhost", "refused: localhost is a loopback name")]
    [InlineData("LocalHost.", "refused: localhost is a loopback name")]
    [InlineData("api.localhost", "refused: api.localhost is a loopback name")]
    [InlineData("metadata.google.internal", "refused: metadata.google.internal is a cloud metadata name")]
    public void Non_Public_Host_Is_Refused_Without_Dns(string host, string expected) =>
        new AddressPolicy(new PollingOptions()).CheckHost(host).ShouldBe(expected + Hint);

    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("localhost")]
    [InlineData("[::1]")]
    public void Everything_Passes_When_Private_Addresses_Are_Allowed(string host) =>
        new AddressPolicy(new PollingOptions { AllowPrivateAddresses = true }).CheckHost(host).ShouldBeNull();

    [Fact]
    public void Listed_Host_Is_Exempt_And_Others_Are_Not()
    {
        var policy = new AddressPolicy(new PollingOptions { AllowedPrivateHosts = ["Intranet.Example.", "10.1.2.3", "[fd12::1]"] });

        policy.CheckHost("intranet.example").ShouldBeNull();
        policy.CheckHost("10.1.2.3").ShouldBeNull();
        policy.CheckHost("[fd12::1]").ShouldBeNull();
        policy.CheckHost("10.1.2.4").ShouldNotBeNull();
        policy.SelectAllowed("intranet.example", [IPAddress.Parse("10.9.9.9")], out var refusal).ShouldHaveSingleItem();
        refusal.ShouldBeNull();
        policy.SelectAllowed("other.example", [IPAddress.Parse("10.9.9.9")], out refusal).ShouldBeEmpty();
        refusal.ShouldNotBeNull();
    }

    [Fact]
    public void Only_Public_Resolved_Addresses_Are_Selected()
    {
        var policy = new AddressPolicy(new PollingOptions());
        IPAddress[] resolved = [IPAddress.Parse("10.0.0.7"), IPAddress.Parse("93.184.216.34"), IPAddress.Parse("::1"), IPAddress.Parse("2606:4700::6810:85e5")];

        var allowed = policy.SelectAllowed("mixed.example", resolved, out var refusal);

        allowed.Select(a => a.ToString()).ShouldBe(["93.184.216.34", "2606:4700::6810:85e5"]);
        refusal.ShouldBeNull();
    }

    [Fact]
    public void Name_Resolving_Only_To_Private_Addresses_Is_Refused_Naming_The_First()
    {
        var policy = new AddressPolicy(new PollingOptions());

        var allowed = policy.SelectAllowed("rebind.example", [IPAddress.Parse("169.254.169.254"), IPAddress.Parse("10.0.0.1")], out var refusal);

        allowed.ShouldBeEmpty();
        refusal.ShouldBe("refused: rebind.example resolves to 169.254.169.254, a cloud metadata address" + Hint);
    }

    [Fact]
    public void Name_Resolving_To_Nothing_Is_Refused()
    {
        var policy = new AddressPolicy(new PollingOptions());

        policy.SelectAllowed("empty.example", [], out var refusal).ShouldBeEmpty();
        refusal.ShouldBe("empty.example resolved to no address");
    }
}
