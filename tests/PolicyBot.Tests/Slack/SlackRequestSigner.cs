using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PolicyBot.Tests.Slack;

/// <summary>Signs a request body the way Slack does (written here independently of the production verifier).</summary>
public static class SlackRequestSigner
{
    public static string Signature(string secret, long timestamp, string body)
    {
        var baseString = "v0:" + timestamp.ToString(CultureInfo.InvariantCulture) + ":" + body;
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return "v0=" + Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(baseString))).ToLowerInvariant();
    }
}
