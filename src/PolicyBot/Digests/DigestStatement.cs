using PolicyBot.Alerting;

namespace PolicyBot.Digests;

/// <summary>A statement as a digest lists it: who, when it was made and recorded, and its alert (quotes, stance, shift, link).</summary>
/// <param name="Actor">The organisation whose position it states; null when none was recognised.</param>
/// <param name="StatedAt">When it was made (publication time of the first report).</param>
/// <param name="RecordedAt">When PolicyBot recorded it: what places it in a period.</param>
public sealed record DigestStatement(long Id, string? Actor, string? Speaker, DateTimeOffset StatedAt, DateTimeOffset RecordedAt, Alert Alert);
