using System.Text;

namespace PolicyBot.Tests.Infrastructure;

/// <summary>One request a <see cref="LoopbackServer"/> received, as it arrived.</summary>
/// <param name="Method">GET, POST …</param>
/// <param name="Path">The path, without the query.</param>
/// <param name="Query">The query string including its '?', or empty.</param>
/// <param name="Headers">Request headers (case-insensitive names; repeated headers joined with ", ").</param>
/// <param name="Body">The request body bytes (empty for GET).</param>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body)
{
    /// <summary>The body decoded as UTF-8.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>A header's value, or null when it was not sent.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
