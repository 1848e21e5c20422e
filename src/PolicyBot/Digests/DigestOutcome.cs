namespace PolicyBot.Digests;

/// <summary>What one scheduled digest run did.</summary>
/// <param name="Kind">Whether a digest was queued, and if not, why not.</param>
/// <param name="Period">The period considered, when the subscription still wants digests.</param>
/// <param name="Statements">How many statements the digest counts (0 unless queued).</param>
public sealed record DigestOutcome(DigestOutcomeKind Kind, DigestPeriod? Period = null, int Statements = 0);
