using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PolicyBot.Slack;

/// <summary>
/// Slack's v0 request signature: <c>v0=</c> + hex HMAC-SHA256, keyed with the signing secret, over
/// <c>v0:{X-Slack-Request-Timestamp}:{raw body}</c>, compared in constant time, and a timestamp no more than
/// 300 seconds from now in either direction.
/// </summary>
public sealed class SlackSignatureVerifier
{
    /// <summary>How far the request's timestamp may be from now, either way.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(300);

    private const string Version = "v0";
    private readonly byte[] key;
    private readonly TimeProvider timeProvider;

    /// <exception cref="ArgumentException">The signing secret is empty or blank (a configuration error, not a request's).</exception>
    public SlackSignatureVerifier(string signingSecret, TimeProvider timeProvider)
    {
        if (string.IsNullOrWhiteSpace(signingSecret))
        {
            throw new ArgumentException("The Slack signing secret is empty.", nameof(signingSecret));
        }

        key = Encoding.UTF8.GetBytes(signingSecret);
        this.timeProvider = timeProvider;
    }

    /// <summary>Checks one request; never throws for anything the request carries.</summary>
    public SlackSignatureCheck Verify(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return SlackSignatureCheck.MissingHeaders;
        }

        if (timestamp.Length > 12 || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return SlackSignatureCheck.MalformedTimestamp;
        }

        var now = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs(now - seconds) > (long)Window.TotalSeconds)
        {
            return SlackSignatureCheck.Stale;
        }

        // "v0=" + 64 lowercase hex digits; anything else cannot match and is not worth hashing
        if (signature.Length != 67 || !signature.StartsWith("v0=", StringComparison.Ordinal) || !IsLowerHex(signature.AsSpan(3)))
        {
            return SlackSignatureCheck.MalformedSignature;
        }

        var expected = Sign(timestamp, body);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(signature), Encoding.ASCII.GetBytes(expected))
            ? SlackSignatureCheck.Valid
            : SlackSignatureCheck.Mismatch;
    }

    /// <summary>The <c>X-Slack-Signature</c> value for a timestamp and body (what Slack would send).</summary>
    public string Sign(string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{Version}:{timestamp}:");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return $"{Version}=" + Convert.ToHexStringLower(HMACSHA256.HashData(key, message));
    }

    private static bool IsLowerHex(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f')))
            {
                return false;
            }
        }

        return true;
    }
}
