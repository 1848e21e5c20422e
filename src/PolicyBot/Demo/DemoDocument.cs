namespace PolicyBot.Demo;

/// <summary>One rendered page or feed of the demo site, with its HTTP validators.</summary>
/// <param name="Body">The UTF-8 body.</param>
/// <param name="ContentType">The Content-Type header value, charset included.</param>
/// <param name="ETag">A strong entity tag, quotes included, derived from the body.</param>
/// <param name="LastModified">When this body was first served (whole seconds, UTC).</param>
internal sealed record DemoDocument(byte[] Body, string ContentType, string ETag, DateTimeOffset LastModified);
