namespace PolicyBot.Tests.Sources.Feeds;

/// <summary>Whether a corpus expectation applies to PolicyBot's model, and if so whether it held.</summary>
public sealed record ExpectationOutcome(bool Applicable, bool Passed, string Detail)
{
    public static ExpectationOutcome NotApplicable(string why) => new(false, false, why);
}
