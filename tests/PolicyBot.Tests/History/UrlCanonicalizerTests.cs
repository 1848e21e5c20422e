using PolicyBot.History;

namespace PolicyBot.Tests.History;

public sealed class UrlCanonicalizerTests
{
    private readonly UrlCanonicalizer _canonicalizer = new();

    [Theory]
    [InlineData("HTTPS://About.FB.com:443/news/2025/07/x/?utm_source=tw&b=2&a=1#top", "https://about.fb.com/news/2025/07/x/?a=1&b=2")]
    [InlineData("http://Example.com:80", "http://example.com/")]
    [InlineData("http://example.com:8080/a", "http://example.com:8080/a")]
    [InlineData("https://example.com/p?fbclid=X&gclid=Y&dclid=Z&msclkid=1&yclid=2&id=7", "https://example.com/p?id=7")]
    [InlineData("https://example.com/p?mc_cid=1&mc_eid=2&igshid=3&_ga=4&_hsenc=5&_hsmi=6&ref=7&ref_src=8&cmpid=9&s_cid=0&spm=1", "https://example.com/p")]
    [InlineData("https://example.com/p?UTM_Campaign=x&utm_medium=y&keep=1", "https://example.com/p?keep=1")]
    [InlineData("https://example.com/p?z=1&a=2&a=1", "https://example.com/p?a=2&a=1&z=1")]
    [InlineData("https://example.com/Case/Path?Q=Value", "https://example.com/Case/Path?Q=Value")]
    [InlineData("  https://example.com/x?  ", "https://example.com/x")]
    [InlineData("https://user:pw@Example.com/x", "https://user:pw@example.com/x")]
    [InlineData("http://[::1]:8080/x", "http://[::1]:8080/x")]
    public void Urls_Are_Canonicalized(string input, string expected) => _canonicalizer.Canonicalize(input).ShouldBe(expected);

    [Theory]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData("not a url", "not a url")]
    [InlineData(" /relative/path?utm_source=x ", "/relative/path?utm_source=x")]
    [InlineData("mailto:someone@example.com", "mailto:someone@example.com")]
    [InlineData("ftp://Example.com/file", "ftp://Example.com/file")]
    [InlineData("http://", "http://")]
    [InlineData("https://exa mple.com/", "https://exa mple.com/")]
    [InlineData("javascript:alert(1)", "javascript:alert(1)")]
    public void Invalid_Or_Non_Http_Input_Is_Returned_Trimmed(string input, string expected) => _canonicalizer.Canonicalize(input).ShouldBe(expected);

    [Fact]
    public void Null_And_Oversized_Input_Never_Throw()
    {
        // Arrange
        var huge = "https://example.com/?" + new string('a', 100_000);

        // Act / Assert
        _canonicalizer.Canonicalize(null!).ShouldBe("");
        _canonicalizer.Canonicalize(huge).ShouldBe(huge);
    }

    [Fact]
    public void Malformed_Percent_Escapes_In_The_Query_Do_Not_Throw()
    {
        // Act
        var canonical = _canonicalizer.Canonicalize("https://example.com/?%zz=1&utm_%73ource=x&b=%E0%A4%A");

        // Assert
        canonical.ShouldStartWith("https://example.com/?");
        canonical.ShouldNotContain("ource");
    }
}
