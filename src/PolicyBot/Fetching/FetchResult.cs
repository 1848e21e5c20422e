using System.Net;

namespace PolicyBot.Fetching;

/// <summary>How one fetch of a source ended. Expected outcomes (304, errors) are results, never exceptions.</summary>
public enum FetchOutcome
{
    /// <summary>200 with a body.</summary>
    Fetched,
    /// <summary>304: the stored ETag / Last-Modified still hold.</summary>
    NotModified,
    /// <summary>Anything that failed: network, status, size cap, refused address, redirect cap, timeout.</summary>
    Failed,
}

/// <summary>The result of one conditional GET.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="FinalUrl">The URL after redirects.</param>
/// <param name="Status">The HTTP status, when a response was received.</param>
/// <param name="Body">The decompressed body bytes (empty unless <see cref="FetchOutcome.Fetched"/>).</param>
/// <param name="ContentType">The Content-Type header, verbatim (charset included).</param>
/// <param name="ETag">The validator to send next time as If-None-Match.</param>
/// <param name="LastModified">The validator to send next time as If-Modified-Since (the header value, verbatim).</param>
/// <param name="RetryAfter">The delay the server asked for (429/503 Retry-After), when it gave one.</param>
/// <param name="Error">A one-line, secret-free explanation when <see cref="FetchOutcome.Failed"/>.</param>
public sealed record FetchResult(
    FetchOutcome Outcome,
    Uri FinalUrl,
    HttpStatusCode? Status,
    byte[] Body,
    string? ContentType,
    string? ETag,
    string? LastModified,
    TimeSpan? RetryAfter,
    string? Error);

/// <summary>What the fetcher needs to know about a source to make a conditional GET.</summary>
public sealed record FetchRequest(Uri Url, string? ETag, string? LastModified);
