using System.Net;
using PolicyBot.Polling;

namespace PolicyBot.Fetching;

/// <summary>
/// Refuses hosts and addresses on loopback, private, link-local, metadata and other non-public networks unless
/// <see cref="PollingOptions.AllowPrivateAddresses"/> is set or the host is in <see cref="PollingOptions.AllowedPrivateHosts"/>.
/// </summary>
public sealed class AddressPolicy(PollingOptions options)
{
    private const string Hint = "(set Polling:AllowPrivateAddresses to allow)";

    private static readonly Dictionary<string, string> RefusedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["localhost"] = "a loopback name",
        ["localhost.localdomain"] = "a loopback name",
        ["metadata.google.internal"] = "a cloud metadata name",
    };

    private readonly HashSet<string> allowedHosts = new(
        options.AllowedPrivateHosts.Select(NormalizeHost).Where(h => h.Length > 0),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Checks a URL's host before any DNS look-up: an IP literal by its address, a name by the refused-name list.
    /// Null when acceptable so far (a name must still pass <see cref="SelectAllowed"/> once resolved).
    /// </summary>
    public string? CheckHost(string host)
    {
        var normalized = NormalizeHost(host);
        if (IsExempt(normalized))
        {
            return null;
        }

        if (IPAddress.TryParse(normalized, out var literal))
        {
            var kind = AddressClassifier.Classify(literal);
            return kind == AddressKind.Public ? null : $"refused: {literal} is {AddressClassifier.Describe(kind)} {Hint}";
        }

        if (normalized.Length == 0)
        {
            return "refused: the URL has no host";
        }

        if (RefusedNames.TryGetValue(normalized, out var what))
        {
            return $"refused: {normalized} is {what} {Hint}";
        }

        if (normalized.EndsWith(".localhost", StringComparison.Ordinal))
        {
            return $"refused: {normalized} is a loopback name {Hint}";
        }

        return null;
    }

    /// <summary>
    /// The addresses <paramref name="host"/> resolved to that may be connected to, in their original order.
    /// When none may, <paramref name="refusal"/> explains why (naming the first refused address).
    /// </summary>
    public IReadOnlyList<IPAddress> SelectAllowed(string host, IReadOnlyList<IPAddress> resolved, out string? refusal)
    {
        var normalized = NormalizeHost(host);
        if (IsExempt(normalized))
        {
            refusal = resolved.Count == 0 ? $"{normalized} resolved to no address" : null;
            return resolved;
        }

        var allowed = new List<IPAddress>(resolved.Count);
        string? firstRefusal = null;
        foreach (var address in resolved)
        {
            var kind = AddressClassifier.Classify(address);
            if (kind == AddressKind.Public)
            {
                allowed.Add(address);
                continue;
            }

            var subject = IPAddress.TryParse(normalized, out _) ? $"{address} is" : $"{normalized} resolves to {address},";
            firstRefusal ??= $"refused: {subject} {AddressClassifier.Describe(kind)} {Hint}";
        }

        refusal = allowed.Count > 0 ? null : firstRefusal ?? $"{normalized} resolved to no address";
        return allowed;
    }

    private bool IsExempt(string normalizedHost) => options.AllowPrivateAddresses || allowedHosts.Contains(normalizedHost);

    private static string NormalizeHost(string host)
    {
        var h = host.Trim();
        if (h.StartsWith('[') && h.EndsWith(']'))
        {
            h = h[1..^1];
        }

        return h.TrimEnd('.').ToLowerInvariant();
    }
}
