using Microsoft.IdentityModel.Tokens;

namespace PolicyBot.Teams;

/// <summary>
/// Signing keys from one OpenID metadata document, with the Bot Framework's per-key channel endorsements
/// (the <c>endorsements</c> array beside each JWK: which channels, e.g. <c>msteams</c>, the key may sign for).
/// </summary>
/// <param name="Issuer">The metadata's <c>issuer</c>, when it states one.</param>
/// <param name="Endorsements">Endorsed channel ids by key id; a key without the array has no entry.</param>
/// <param name="FetchedAt">When the keys were fetched.</param>
public sealed record SigningKeySet(
    string? Issuer,
    IReadOnlyList<SecurityKey> Keys,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Endorsements,
    DateTimeOffset FetchedAt)
{
    public bool Contains(string? keyId) => keyId is not null && Keys.Any(k => string.Equals(k.KeyId, keyId, StringComparison.Ordinal));
}
