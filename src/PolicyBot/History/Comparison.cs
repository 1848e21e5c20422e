namespace PolicyBot.History;

/// <summary>What a source's latest documents hold that history does not: new items, changed items, and
/// items whose text moved only in noise (stored quietly, no change record).</summary>
public sealed record Comparison(IReadOnlyList<Comparison.Entry> Entries)
{
    public int NewCount => Entries.Count(e => e.IsNew);

    public int ChangedCount => Entries.Count(e => e.Change is not null);

    /// <param name="Existing">The stored item this document continues; null when new.</param>
    /// <param name="Change">Sentences added and removed; null when new or when only noise moved.</param>
    public sealed record Entry(Document Document, string Fingerprint, StoredItem? Existing, TextChange? Change)
    {
        public bool IsNew => Existing is null;
    }
}
