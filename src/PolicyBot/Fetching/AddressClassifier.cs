using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace PolicyBot.Fetching;

/// <summary>
/// Sorts IP addresses into <see cref="AddressKind"/>s. IPv6 forms that embed an IPv4 address
/// (mapped ::ffff:a.b.c.d, compatible ::a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16) are judged by that IPv4 address.
/// </summary>
public static class AddressClassifier
{
    private static readonly (uint Network, int PrefixLength, AddressKind Kind)[] V4Ranges =
    [
        (V4(169, 254, 169, 254), 32, AddressKind.CloudMetadata),
        (V4(255, 255, 255, 255), 32, AddressKind.Broadcast),
        (V4(0, 0, 0, 0), 8, AddressKind.Unspecified),
        (V4(10, 0, 0, 0), 8, AddressKind.Private),
        (V4(100, 64, 0, 0), 10, AddressKind.SharedAddressSpace),
        (V4(127, 0, 0, 0), 8, AddressKind.Loopback),
        (V4(169, 254, 0, 0), 16, AddressKind.LinkLocal),
        (V4(172, 16, 0, 0), 12, AddressKind.Private),
        (V4(192, 0, 0, 0), 24, AddressKind.Reserved),     // IETF protocol assignments
        (V4(192, 0, 2, 0), 24, AddressKind.Reserved),     // TEST-NET-1
        (V4(192, 88, 99, 0), 24, AddressKind.Reserved),   // former 6to4 relay anycast
        (V4(192, 168, 0, 0), 16, AddressKind.Private),
        (V4(198, 18, 0, 0), 15, AddressKind.Reserved),    // benchmarking
        (V4(198, 51, 100, 0), 24, AddressKind.Reserved),  // TEST-NET-2
        (V4(203, 0, 113, 0), 24, AddressKind.Reserved),   // TEST-NET-3
        (V4(224, 0, 0, 0), 4, AddressKind.Multicast),
        (V4(240, 0, 0, 0), 4, AddressKind.Reserved),      // future use
    ];

    /// <summary>The kind of <paramref name="address"/>; anything not IPv4 or IPv6 is <see cref="AddressKind.Reserved"/>.</summary>
    public static AddressKind Classify(IPAddress address) => address.AddressFamily switch
    {
        AddressFamily.InterNetwork => ClassifyV4(address),
        AddressFamily.InterNetworkV6 => ClassifyV6(address),
        _ => AddressKind.Reserved,
    };

    /// <summary>"a private address", "a loopback address" … for error messages.</summary>
    public static string Describe(AddressKind kind) => kind switch
    {
        AddressKind.Public => "a public address",
        AddressKind.Loopback => "a loopback address",
        AddressKind.Private => "a private address",
        AddressKind.SharedAddressSpace => "a shared (carrier-grade NAT) address",
        AddressKind.LinkLocal => "a link-local address",
        AddressKind.CloudMetadata => "a cloud metadata address",
        AddressKind.Unspecified => "an unspecified address",
        AddressKind.Broadcast => "a broadcast address",
        AddressKind.Multicast => "a multicast address",
        _ => "a reserved address",
    };

    private static AddressKind ClassifyV4(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[4];
        address.TryWriteBytes(bytes, out _);
        return ClassifyV4(BinaryPrimitives.ReadUInt32BigEndian(bytes));
    }

    private static AddressKind ClassifyV4(uint value)
    {
        foreach (var (network, prefixLength, kind) in V4Ranges)
        {
            var mask = prefixLength == 0 ? 0u : uint.MaxValue << (32 - prefixLength);
            if ((value & mask) == network)
            {
                return kind;
            }
        }

        return AddressKind.Public;
    }

    private static AddressKind ClassifyV6(IPAddress address)
    {
        Span<byte> b = stackalloc byte[16];
        address.TryWriteBytes(b, out _);
        var high = BinaryPrimitives.ReadUInt64BigEndian(b);
        var low = BinaryPrimitives.ReadUInt64BigEndian(b[8..]);
        var lastV4 = BinaryPrimitives.ReadUInt32BigEndian(b[12..]);

        if (high == 0 && low == 0)
        {
            return AddressKind.Unspecified;
        }

        if (high == 0 && low == 1)
        {
            return AddressKind.Loopback;
        }

        if (high == 0 && (low >> 32) is 0xFFFF or 0)
        {
            return ClassifyV4(lastV4); // IPv4-mapped ::ffff:a.b.c.d or IPv4-compatible ::a.b.c.d
        }

        if (high == 0x0064_FF9B_0000_0000 && (low >> 32) == 0)
        {
            return ClassifyV4(lastV4); // NAT64 well-known prefix 64:ff9b::/96
        }

        if (high == 0xFD00_0EC2_0000_0000 && low == 0x254)
        {
            return AddressKind.CloudMetadata; // fd00:ec2::254, the EC2 metadata service over IPv6
        }

        var first16 = (ushort)(high >> 48);
        return first16 switch
        {
            0x2002 => ClassifyV4(BinaryPrimitives.ReadUInt32BigEndian(b[2..])), // 6to4 carries an IPv4 address
            0x2001 when (ushort)(high >> 32) == 0x0000 => AddressKind.Reserved, // Teredo
            0x2001 when (ushort)(high >> 32) == 0x0DB8 => AddressKind.Reserved, // documentation
            _ when (first16 & 0xFE00) == 0xFC00 => AddressKind.Private,        // fc00::/7 unique local
            _ when (first16 & 0xFFC0) == 0xFE80 => AddressKind.LinkLocal,      // fe80::/10
            _ when (first16 & 0xFFC0) == 0xFEC0 => AddressKind.Private,        // fec0::/10 deprecated site-local
            _ when (first16 & 0xFF00) == 0xFF00 => AddressKind.Multicast,      // ff00::/8
            _ when (first16 & 0xE000) == 0x2000 => AddressKind.Public,         // 2000::/3 global unicast
            _ => AddressKind.Reserved,
        };
    }

    private static uint V4(byte a, byte b, byte c, byte d) => (uint)(a << 24 | b << 16 | c << 8 | d);
}
