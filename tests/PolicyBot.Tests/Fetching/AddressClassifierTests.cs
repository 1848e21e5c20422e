using System.Net;
using PolicyBot.Fetching;

namespace PolicyBot.Tests.Fetching;

public sealed class AddressClassifierTests
{
    [Theory]
    // IPv4
    [InlineData("8.8.8.8", AddressKind.Public)]
    [InlineData("93.184.216.34", AddressKind.Public)]
    [InlineData("1.1.1.1", AddressKind.Public)]
    [InlineData("0.0.0.0", AddressKind.Unspecified)]
    [InlineData("0.1.2.3", AddressKind.Unspecified)]
    [InlineData("10.0.0.1", AddressKind.Private)]
    [InlineData("10.255.255.255", AddressKind.Private)]
    [InlineData("11.0.0.1", AddressKind.Public)]
    [InlineData("100.63.255.255", AddressKind.Public)]
    [InlineData("100.64.0.1", AddressKind.SharedAddressSpace)]
    [InlineData("100.127.255.254", AddressKind.SharedAddressSpace)]
    [InlineData("100.128.0.0", AddressKind.Public)]
    [InlineData("127.0.0.1", AddressKind.Loopback)]
    [InlineData("127.255.255.254", AddressKind.Loopback)]
    [InlineData("169.254.169.254", AddressKind.CloudMetadata)]
    [InlineData("169.254.0.1", AddressKind.LinkLocal)]
    [InlineData("169.255.0.1", AddressKind.Public)]
    [InlineData("172.15.255.255", AddressKind.Public)]
    [InlineData("172.16.0.1", AddressKind.Private)]
    [InlineData("172.31.255.255", AddressKind.Private)]
    [InlineData("172.32.0.0", AddressKind.Public)]
    [InlineData("192.0.0.8", AddressKind.Reserved)]
    [InlineData("192.0.2.10", AddressKind.Reserved)]
    [InlineData("192.88.99.1", AddressKind.Reserved)]
    [InlineData("192.167.255.255", AddressKind.Public)]
    [InlineData("192.168.1.1", AddressKind.Private)]
    [InlineData("192.169.0.0", AddressKind.Public)]
    [InlineData("198.18.0.1", AddressKind.Reserved)]
    [InlineData("198.19.255.255", AddressKind.Reserved)]
    [InlineData("198.20.0.0", AddressKind.Public)]
    [InlineData("198.51.100.7", AddressKind.Reserved)]
    [InlineData("203.0.113.9", AddressKind.Reserved)]
    [InlineData("224.0.0.1", AddressKind.Multicast)]
    [InlineData("239.255.255.250", AddressKind.Multicast)]
    [InlineData("240.0.0.1", AddressKind.Reserved)]
    [InlineData("255.255.255.254", AddressKind.Reserved)]
    [InlineData("255.255.255.255", AddressKind.Broadcast)]
    // IPv6
    [InlineData("2606:4700:4700::1111", AddressKind.Public)]
    [InlineData("2a00:1450:4001:80b::200e", AddressKind.Public)]
    [InlineData("::", AddressKind.Unspecified)]
    [InlineData("::1", AddressKind.Loopback)]
    [InlineData("fc00::1", AddressKind.Private)]
    [InlineData("fdff:ffff::1", AddressKind.Private)]
    [InlineData("fd00:ec2::254", AddressKind.CloudMetadata)]
    [InlineData("fd00:ec2::253", AddressKind.Private)]
    [InlineData("fe80::1", AddressKind.LinkLocal)]
    [InlineData("fe80::1%2", AddressKind.LinkLocal)]
    [InlineData("febf::1", AddressKind.LinkLocal)]
    [InlineData("fec0::1", AddressKind.Private)]
    [InlineData("ff02::1", AddressKind.Multicast)]
    [InlineData("2001:db8::1", AddressKind.Reserved)]
    [InlineData("2001:0::1", AddressKind.Reserved)]
    [InlineData("100::1", AddressKind.Reserved)]
    [InlineData("64:ff9b:1::1", AddressKind.Reserved)]
    [InlineData("4000::1", AddressKind.Reserved)]
    // IPv6 forms carrying an IPv4 address are judged by it
    [InlineData("::ffff:127.0.0.1", AddressKind.Loopback)]
    [InlineData("::ffff:10.0.0.1", AddressKind.Private)]
    [InlineData("::ffff:169.254.169.254", AddressKind.CloudMetadata)]
    [InlineData("::ffff:7f00:1", AddressKind.Loopback)]
    [InlineData("::ffff:8.8.8.8", AddressKind.Public)]
    [InlineData("::127.0.0.1", AddressKind.Loopback)]
    [InlineData("::10.0.0.1", AddressKind.Private)]
    [InlineData("::0.0.0.2", AddressKind.Unspecified)]
    [InlineData("64:ff9b::10.0.0.1", AddressKind.Private)]
    [InlineData("64:ff9b::8.8.8.8", AddressKind.Public)]
    [InlineData("2002:7f00:1::1", AddressKind.Loopback)]
    [InlineData("2002:a9fe:a9fe::1", AddressKind.CloudMetadata)]
    [InlineData("2002:0808:0808::1", AddressKind.Public)]
    public void Address_Is_Classified(string address, AddressKind expected) =>
        AddressClassifier.Classify(IPAddress.Parse(address)).ShouldBe(expected);

    [Fact]
    public void Every_Kind_Has_A_Description_For_Error_Messages()
    {
        foreach (var kind in Enum.GetValues<AddressKind>())
        {
            AddressClassifier.Describe(kind).ShouldMatch(@"^an? [A-Za-z\-() ]+ address$");
        }
    }
}
