namespace PolicyBot.Fetching;

/// <summary>What kind of network an IP address belongs to, as far as fetching is concerned.</summary>
public enum AddressKind
{
    /// <summary>A globally routable unicast address: fetching it is fine.</summary>
    Public,
    /// <summary>127.0.0.0/8, ::1.</summary>
    Loopback,
    /// <summary>10/8, 172.16/12, 192.168/16, fc00::/7, fec0::/10.</summary>
    Private,
    /// <summary>100.64.0.0/10, the carrier-grade NAT shared space.</summary>
    SharedAddressSpace,
    /// <summary>169.254.0.0/16, fe80::/10.</summary>
    LinkLocal,
    /// <summary>169.254.169.254, fd00:ec2::254: the instance metadata services of cloud hosts.</summary>
    CloudMetadata,
    /// <summary>0.0.0.0/8, ::.</summary>
    Unspecified,
    /// <summary>255.255.255.255.</summary>
    Broadcast,
    /// <summary>224.0.0.0/4, ff00::/8.</summary>
    Multicast,
    /// <summary>Documentation, benchmarking, protocol-assignment and future-use ranges; IPv6 outside 2000::/3.</summary>
    Reserved,
}
