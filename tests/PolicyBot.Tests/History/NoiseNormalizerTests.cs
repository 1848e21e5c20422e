using PolicyBot.History;

namespace PolicyBot.Tests.History;

public sealed class NoiseNormalizerTests
{
    private readonly NoiseNormalizer _normalizer = new();

    [Theory]
    [InlineData("Meta will “open-source” its model — soon.", "META WILL \"open–source\" its model - soon.")]
    [InlineData("Meta   will release\tit.", "meta will release it")]
    [InlineData("Published July 31, 2025, Meta said it would.", "Published 31 July 2025, Meta said it would.")]
    [InlineData("On 2025-07-31 Meta said it would.", "On 7/31/2025 Meta said it would.")]
    [InlineData("On Jul 31 Meta said it would.", "On Thursday, July 31st, 2025 Meta said it would.")]
    [InlineData("At 8:46 AM ET Meta said it would.", "At 14:05 UTC Meta said it would.")]
    [InlineData("Updated 5 min ago: Meta said it would.", "Updated 3 hours ago: Meta said it would.")]
    [InlineData("Meta said it would (1.2K views, 340 comments).", "Meta said it would (1,250 views, 342 comments).")]
    [InlineData("See https://example.com/a?utm_source=x&id=1 for more.", "See https://Example.com/a?id=1&fbclid=abc for more.")]
    [InlineData("Open\u00adsource\u200b weights.", "Opensource weights.")]
    public void Noise_Variants_Share_A_Key(string left, string right) => _normalizer.Key(left).ShouldBe(_normalizer.Key(right));

    [Theory]
    [InlineData("Meta will release the model.", "Meta will not release the model.")]
    [InlineData("The fine was $1.25 billion.", "The fine was $1.50 billion.")]
    [InlineData("Meta released 3 models.", "Meta released 4 models.")]
    [InlineData("See https://example.com/a?id=1 now.", "See https://example.com/a?id=2 now.")]
    [InlineData("In March 2025 Meta said it would.", "In April 2025 Meta said it would.")]
    public void Real_Differences_Keep_Different_Keys(string left, string right) => _normalizer.Key(left).ShouldNotBe(_normalizer.Key(right));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("July 31, 2025")]
    [InlineData("Updated: July 31, 2025 at 8:46 AM ET")]
    [InlineData("3 hours ago")]
    [InlineData("1.2K views · 340 comments · 12 shares")]
    [InlineData("1.2K · 56")]
    [InlineData("— … !!!")]
    [InlineData("5 min read")]
    public void Noise_Only_Sentences_Have_An_Empty_Key(string sentence) => _normalizer.Key(sentence).ShouldBe("");

    [Fact]
    public void Key_Is_Lowercase_Words_Separated_By_Single_Spaces()
    {
        // Act
        var key = _normalizer.Key("  Meta's “Llama” costs $5 — or 10%?  ");

        // Assert
        key.ShouldBe("meta s llama costs $ 5 or 10 %");
    }

    [Fact]
    public void Unusual_Unicode_Is_Handled()
    {
        // Arrange: full-width letters fold under NFKC; a lone surrogate and an emoji do not throw.
        var key = _normalizer.Key("ＯＰＥＮ weights \ud800 🚀 Ωmega مرحبا");

        // Assert
        key.ShouldBe("open weights 🚀 ωmega مرحبا");
    }

    [Fact]
    public void Five_Megabytes_Without_Punctuation_Yield_A_Key()
    {
        // Arrange: digits, commas and colons that tempt the date and counter patterns into backtracking.
        var text = string.Concat(Enumerable.Repeat("1,2,3 12:3 word 9 ", 300_000));

        // Act
        var key = _normalizer.Key(text);

        // Assert
        text.Length.ShouldBeGreaterThan(5_000_000);
        key.ShouldStartWith("1 2 3 12 3 word 9");
    }
}
