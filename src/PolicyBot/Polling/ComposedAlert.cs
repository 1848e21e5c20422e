using PolicyBot.Alerting;
using PolicyBot.Clustering;

namespace PolicyBot.Polling;

/// <summary>An alert about to be recorded, with the signature that matches it to earlier reports of the same
/// statement (null for a changed page or item, which is news of its own).</summary>
public sealed record ComposedAlert(Alert Alert, StatementSignature? Signature);
