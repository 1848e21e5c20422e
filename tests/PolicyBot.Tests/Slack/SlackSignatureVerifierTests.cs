using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using PolicyBot.Slack;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Slack;

public sealed class SlackSignatureVerifierTests
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private static readonly JsonObject Vectors = SlackTestData.Json("signature_vectors.json");

    private static SlackSignatureVerifier At(long unixSeconds, string secret = Secret) =>
        new(secret, new ManualTimeProvider(DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));

    [Fact]
    public void The_Published_Vector_Is_Valid_At_Its_Own_Time()
    {
        var vector = Vectors["published_vector"]!;
        var verifier = At(1531420618, vector["signing_secret"]!.GetValue<string>());

        var check = verifier.Verify(vector["timestamp"]!.GetValue<string>(), vector["expected_signature"]!.GetValue<string>(), Encoding.UTF8.GetBytes(vector["body"]!.GetValue<string>()));

        check.ShouldBe(SlackSignatureCheck.Valid);
        verifier.Sign("1531420618", Encoding.UTF8.GetBytes(vector["body"]!.GetValue<string>())).ShouldBe("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");
    }

    public static TheoryData<string> CorpusCases => [.. Vectors["cases"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()).Where(id => id != "empty_or_blank_signing_secret")];

    [Theory]
    [MemberData(nameof(CorpusCases))]
    public void Each_Corpus_Case_Gets_Its_Expected_Verdict(string id)
    {
        var @case = Vectors["cases"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == id)!;
        var realNow = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        long Resolve(JsonNode? node) => node?.ToString() switch
        {
            null => realNow,
            "<now>" => realNow,
            "<now - 600>" => realNow - 600,
            var text when long.TryParse(text, CultureInfo.InvariantCulture, out var value) => value,
            _ => realNow, // "real current time (years after 2018)"
        };
        var now = Resolve(@case["now"]);
        var timestamp = @case["timestamp"] is null ? null : Resolve(@case["timestamp"]).ToString(CultureInfo.InvariantCulture);
        var body = @case["body"]?.ToString() ?? "";
        var secret = @case["signing_secret"]!.GetValue<string>();
        var signature = @case["x_slack_signature"]?.ToString() switch
        {
            { } s when s.StartsWith("v0=<HMAC", StringComparison.Ordinal) => SlackRequestSigner.Signature(secret, long.Parse(timestamp!, CultureInfo.InvariantCulture), body),
            var s => s,
        };

        var check = At(now, secret).Verify(timestamp, signature, @case["body"] is null ? default : Encoding.UTF8.GetBytes(body));

        (check == SlackSignatureCheck.Valid).ShouldBe(@case["expected"]!.GetValue<string>() == "valid", check.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_Empty_Or_Blank_Signing_Secret_Is_A_Configuration_Error(string secret)
    {
        Should.Throw<ArgumentException>(() => new SlackSignatureVerifier(secret, TimeProvider.System));
    }

    public static TheoryData<string> DerivedCases => [.. SlackTestData.Json("derived_signed_requests.json")["cases"]!.AsArray().Select(c => c!["payload_file"]!.GetValue<string>())];

    [Theory]
    [MemberData(nameof(DerivedCases))]
    public void Every_Derived_Signed_Request_Verifies_And_Fails_With_One_Byte_Changed(string payloadFile)
    {
        var @case = SlackTestData.Json("derived_signed_requests.json")["cases"]!.AsArray().Single(c => c!["payload_file"]!.GetValue<string>() == payloadFile)!;
        var body = Encoding.UTF8.GetBytes(@case["raw_body"]!.GetValue<string>());
        var verifier = At(1531420618);
        var signature = @case["expected_signature"]!.GetValue<string>();
        var tampered = (byte[])body.Clone();
        tampered[^1] ^= 0x01;

        verifier.Verify("1531420618", signature, body).ShouldBe(SlackSignatureCheck.Valid);
        verifier.Verify("1531420618", signature, tampered).ShouldBe(SlackSignatureCheck.Mismatch);
    }

    [Theory]
    [InlineData(-300, SlackSignatureCheck.Valid)]
    [InlineData(300, SlackSignatureCheck.Valid)]
    [InlineData(-301, SlackSignatureCheck.Stale)]
    [InlineData(301, SlackSignatureCheck.Stale)]
    public void The_Window_Is_300_Seconds_In_Both_Directions(long offset, SlackSignatureCheck expected)
    {
        var body = "token=x&text=meta"u8.ToArray();
        var timestamp = 1_800_000_000 + offset;
        var signature = SlackRequestSigner.Signature(Secret, timestamp, "token=x&text=meta");

        At(1_800_000_000).Verify(timestamp.ToString(CultureInfo.InvariantCulture), signature, body).ShouldBe(expected);
    }

    [Theory]
    [InlineData(null, "v0=00", SlackSignatureCheck.MissingHeaders)]
    [InlineData("1800000000", null, SlackSignatureCheck.MissingHeaders)]
    [InlineData("", "", SlackSignatureCheck.MissingHeaders)]
    [InlineData("abc", "v0=00", SlackSignatureCheck.MalformedTimestamp)]
    [InlineData("-1800000000", "v0=00", SlackSignatureCheck.MalformedTimestamp)]
    [InlineData("1.8e9", "v0=00", SlackSignatureCheck.MalformedTimestamp)]
    [InlineData(" 1800000000", "v0=00", SlackSignatureCheck.MalformedTimestamp)]
    [InlineData("99999999999999999999999", "v0=00", SlackSignatureCheck.MalformedTimestamp)]
    [InlineData("1800000000", "v0=invalid-signature", SlackSignatureCheck.MalformedSignature)]
    [InlineData("1800000000", "v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", SlackSignatureCheck.MalformedSignature)]
    [InlineData("1800000000", "v0=A2114D57B48EAC39B9AD189DD8316235A7B4A8D21A10BD27519666489C69B503", SlackSignatureCheck.MalformedSignature)]
    [InlineData("1800000000", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", SlackSignatureCheck.Mismatch)]
    public void Missing_Or_Malformed_Headers_Are_Rejected_With_A_Reason(string? timestamp, string? signature, SlackSignatureCheck expected)
    {
        At(1_800_000_000).Verify(timestamp, signature, "body"u8).ShouldBe(expected);
    }

    [Fact]
    public void A_Signature_Made_With_Another_Secret_Is_A_Mismatch()
    {
        var signature = SlackRequestSigner.Signature("another-secret", 1_800_000_000, "text=meta");

        At(1_800_000_000).Verify("1800000000", signature, "text=meta"u8).ShouldBe(SlackSignatureCheck.Mismatch);
    }
}
