using PolicyBot.History;

namespace PolicyBot.Tests.History;

public sealed class ContentFingerprintTests
{
    private readonly ContentFingerprint _fingerprint = new();

    [Fact]
    public void Fingerprint_Is_Lowercase_Sha256_Hex()
    {
        // Act
        var fingerprint = _fingerprint.Compute("Meta published a letter.");

        // Assert
        fingerprint.Length.ShouldBe(64);
        fingerprint.ShouldMatch("^[0-9a-f]{64}$");
    }

    [Fact]
    public void Fingerprint_Is_Stable_Across_Calls_And_Known_For_Empty_Content()
    {
        // Act / Assert: the empty text hashes nothing, so it is SHA-256 of the empty string.
        _fingerprint.Compute("Meta published a letter.").ShouldBe(_fingerprint.Compute("Meta published a letter."));
        _fingerprint.Compute("").ShouldBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        _fingerprint.Compute("July 31, 2025\n\n3 hours ago").ShouldBe(_fingerprint.Compute(""));
    }

    [Fact]
    public void Noise_Only_Differences_Share_A_Fingerprint()
    {
        // Arrange
        const string before = "Posted 2 hours ago\n\nMeta published a “letter” on July 30, 2025. 1.2K likes";
        const string after = "Posted 5 hours ago\n\nMETA published a \"letter\" on 2025-07-31.  1.3K likes";

        // Act / Assert
        _fingerprint.Compute(before).ShouldBe(_fingerprint.Compute(after));
    }

    [Fact]
    public void Content_Changes_Change_The_Fingerprint()
    {
        // Act / Assert
        _fingerprint.Compute("Meta published a letter.").ShouldNotBe(_fingerprint.Compute("Meta withdrew a letter."));
        _fingerprint.Compute("Same. Same.").ShouldNotBe(_fingerprint.Compute("Same."));
    }

    [Fact]
    public void Hostile_Input_Never_Throws()
    {
        // Act / Assert
        _fingerprint.Compute(null!).Length.ShouldBe(64);
        _fingerprint.Compute("\ud800\udfff\u0000\u202e").Length.ShouldBe(64);
    }
}
