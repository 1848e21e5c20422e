using PolicyBot.Data;

namespace PolicyBot.History;

/// <summary>
/// Compares a source's documents with its history. A document is known when a stored item shares its GUID or
/// canonical link (then its text is compared sentence by sentence) or its content fingerprint — title and text,
/// noise ignored — (a re-post under another id: nothing to report). Everything else is new.
/// </summary>
public sealed class HistoryComparer(ItemStore items, SentenceDiff diff, ContentFingerprint fingerprints)
{
    public async Task<Comparison> CompareAsync(long sourceId, IReadOnlyList<Document> documents, CancellationToken cancellationToken)
    {
        var prints = documents.Select(d => fingerprints.Compute(d.Title + "\n\n" + d.Text)).ToList();
        var stored = await items.MatchingAsync(
            sourceId,
            documents.Select(d => d.Guid).ToList(),
            documents.Where(d => d.Link is not null).Select(d => d.Link!).ToList(),
            prints,
            cancellationToken);

        var entries = new List<Comparison.Entry>();
        var claimed = new HashSet<long>();
        for (var i = 0; i < documents.Count; i++)
        {
            var document = documents[i];
            var fingerprint = prints[i];
            var existing = stored.FirstOrDefault(s => s.Guid == document.Guid)
                ?? (document.Link is null ? null : stored.FirstOrDefault(s => s.Link == document.Link));
            if (existing is null)
            {
                if (stored.Any(s => s.Fingerprint == fingerprint) || entries.Any(e => e.IsNew && e.Fingerprint == fingerprint))
                {
                    continue; // the same content under another id or link: a re-post, not news
                }

                entries.Add(new Comparison.Entry(document, fingerprint, null, null));
                continue;
            }

            if (existing.Fingerprint == fingerprint || !claimed.Add(existing.Id))
            {
                continue;
            }

            var change = diff.Compare(existing.Text, document.Text);
            entries.Add(new Comparison.Entry(document, fingerprint, existing, change.IsEmpty ? null : change));
        }

        return new Comparison(entries);
    }

    /// <summary>Writes one entry inside the poll's transaction; returns the item id and the change id, if any.</summary>
    public async Task<(long ItemId, long? ChangeId)> StoreAsync(DbSession session, long sourceId, Comparison.Entry entry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (entry.Existing is null)
        {
            return (await items.InsertAsync(session, sourceId, entry.Document, entry.Fingerprint, now, cancellationToken), null);
        }

        if (entry.Change is null)
        {
            await items.RefreshAsync(session, entry.Existing.Id, entry.Document, entry.Fingerprint, cancellationToken);
            return (entry.Existing.Id, null);
        }

        var changeId = await items.RecordChangeAsync(session, entry.Existing.Id, entry.Document, entry.Fingerprint, entry.Change, now, cancellationToken);
        return (entry.Existing.Id, changeId);
    }
}
