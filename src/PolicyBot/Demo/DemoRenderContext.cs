namespace PolicyBot.Demo;

/// <summary>The values a demo template is rendered with.</summary>
/// <param name="BaseUrl">The site's base URL; rendered without a trailing slash.</param>
/// <param name="DayOne">When the site started; plain offsets are relative to it.</param>
/// <param name="DayTwo">When day two was published, or null while it is still day one.</param>
/// <param name="UseRfc1123">True for feeds (RFC 1123 timestamps), false for HTML (ISO 8601).</param>
internal sealed record DemoRenderContext(Uri BaseUrl, DateTimeOffset DayOne, DateTimeOffset? DayTwo, bool UseRfc1123);
