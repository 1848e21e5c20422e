using PolicyBot.Fetching;

namespace PolicyBot.Tests.Fetching;

public sealed class UrlPolicyTests
{
    [Theory]
    [InlineData("https://example.org/feed.xml")]
    [InlineData("http://example.org:8080/blog/?format=rss")]
    [InlineData("HTTPS://EXAMPLE.ORG/")]
    [InlineData("https://xn--bcher-kva.example/feed")]
    [InlineData("https://bücher.example/feed")]
    [InlineData("http://[2001:db8::1]/feed")]
    [InlineData("  https://example.org/feed  ")]
    public void Acceptable_Url_Passes(string url) => UrlPolicy.Validate(url).ShouldBeNull();

    [Theory]
    [InlineData(null, "the URL is empty")]
    [InlineData("", "the URL is empty")]
    [InlineData("   ", "the URL is empty")]
    [InlineData("/feed.xml", "not an absolute URL")]
    [InlineData("feed.xml", "not an absolute URL")]
    [InlineData("example.org/feed.xml", "not an absolute URL")]
    [InlineData("//example.org/feed.xml", "not an absolute URL")]
    [InlineData("http//example.org", "not an absolute URL")]
    [InlineData("file:///etc/passwd", "unsupported scheme 'file'")]
    [InlineData("ftp://example.org/feed.xml", "unsupported scheme 'ftp'")]
    [InlineData("javascript:alert(1)", "unsupported scheme 'javascript'")]
    [InlineData("data:text/html,<script>alert(1)</script>", "unsupported scheme 'data'")]
    [InlineData("gopher://example.org/1", "unsupported scheme 'gopher'")]
    [InlineData("mailto:press@example.org", "unsupported scheme 'mailto'")]
    [InlineData("ws://example.org/socket", "unsupported scheme 'ws'")]
    [InlineData("http://user:pass@example.org/feed", "the URL carries credentials")]
    [InlineData("https://token@example.org/feed", "the URL carries credentials")]
    [InlineData("https://:secret@example.org/feed", "the URL carries credentials")]
    public void Unacceptable_Url_Gets_A_Clear_Reason(string? url, string expectedStart) =>
        UrlPolicy.Validate(url)!.ShouldStartWith(expectedStart);

    [Theory]
    [InlineData("http://reader:hunter2@example.org/feed")]
    [InlineData("https://apikey-12345@example.org/feed")]
    public void Reason_Never_Echoes_Credentials(string url)
    {
        var reason = UrlPolicy.Validate(url)!;

        reason.ShouldNotContain("hunter2");
        reason.ShouldNotContain("reader");
        reason.ShouldNotContain("apikey-12345");
        reason.ShouldNotContain("example.org");
    }

    [Fact]
    public void Overlong_Url_Is_Refused()
    {
        var url = "https://example.org/" + new string('a', UrlPolicy.MaxLength);

        UrlPolicy.Validate(url)!.ShouldStartWith("the URL is longer than");
    }

    [Fact]
    public void Hostile_Control_Characters_Do_Not_Throw()
    {
        Should.NotThrow(() => UrlPolicy.Validate("http://exa\0mple.org/\r\nHost: evil"));
        Should.NotThrow(() => UrlPolicy.Validate("http://[::1"));
        Should.NotThrow(() => UrlPolicy.Validate("http://%zz/"));
    }

    [Theory]
    [InlineData("https://user:pass@example.org:8443/a/b.xml?token=s3cret#frag", "https://example.org:8443/a/b.xml")]
    [InlineData("http://example.org/feed?key=1", "http://example.org/feed")]
    public void Redact_Drops_Credentials_Query_And_Fragment(string url, string expected) =>
        UrlPolicy.Redact(new Uri(url)).ShouldBe(expected);
}
