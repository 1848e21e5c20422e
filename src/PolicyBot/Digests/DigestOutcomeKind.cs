namespace PolicyBot.Digests;

/// <summary>The ways a digest run ends; only <see cref="Queued"/> puts a message in the outbox.</summary>
public enum DigestOutcomeKind
{
    /// <summary>A digest was queued for the channel.</summary>
    Queued,

    /// <summary>No statement of the period passed the filters: nothing is sent, and the period counts as covered.</summary>
    Empty,

    /// <summary>An earlier run already covered this period (the same fire time again, or an older one late).</summary>
    AlreadyCovered,

    /// <summary>The subscription is gone, its channel inactive, or it no longer wants digests.</summary>
    NotSubscribed,
}
