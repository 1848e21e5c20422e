using Microsoft.Extensions.Options;
using PolicyBot.Alerting;
using PolicyBot.Data;
using PolicyBot.Positions;

namespace PolicyBot.Clustering;

/// <summary>
/// Records a new statement's alert inside the poll's transaction. A report of a statement already alerted
/// (within <c>Alerting:ClusterWindow</c>) does not alert again: it revises the first alert ("also reported by")
/// and queues an update to the chats that have it. A statement whose actor's last known position differs is a
/// change of position, shown as the alert's shift (<c>open → cautious</c>), and becomes the actor's new position.
/// </summary>
public sealed class StatementRecorder(
    StatementStore statements,
    StatementMatcher matcher,
    PositionStore positions,
    AlertOutbox outbox,
    AlertRouter router,
    IOptions<AlertingOptions> options)
{
    /// <summary>Saves the alert, or revises the alert of the statement it reports; returns the alert as stored and
    /// whether it is a revision of an earlier one.</summary>
    public async Task<(Alert Alert, bool IsRevision)> RecordAsync(DbSession session, AlertOrigin origin, Alert alert, StatementSignature? signature, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (signature is null)
        {
            return await RecordChangeAsync(session, origin, alert, now, cancellationToken);
        }

        var recent = await statements.RecentAsync(session, now - options.Value.ClusterWindow, cancellationToken);
        var match = recent.Where(s => matcher.IsSameStatement(signature, s.Signature)).MaxBy(s => matcher.Closeness(signature, s.Signature));
        if (match is not null)
        {
            await statements.AddReportAsync(session, match.Id, origin.ItemId, alert.Url, alert.Source, now, cancellationToken);
            return (await outbox.ReviseAsync(session, match.AlertId, first => WithReport(first, alert), now, cancellationToken), true);
        }

        var shift = await ShiftAsync(session, signature, cancellationToken);
        var shifted = alert with { Shift = shift };
        var saved = await outbox.AddAsync(session, origin, shifted, await router.RouteAsync(session, shifted, cancellationToken), now, cancellationToken);
        var statementId = await statements.CreateAsync(session, saved.Id, signature, now, cancellationToken);
        await statements.AddReportAsync(session, statementId, origin.ItemId, alert.Url, alert.Source, now, cancellationToken);
        if (signature.Actor is { } actor && signature.Stance is "open" or "cautious")
        {
            await positions.RecordAsync(session, new Position(actor, signature.Stance, signature.At, $"{alert.Title} ({alert.Url})"), statementId, cancellationToken);
        }

        return (saved, false);
    }

    /// <summary>A changed page or item: a change of the same item within the cluster window revises that alert (the
    /// channels see it edited or threaded, showing the net change since before the first one) rather than posting
    /// again; otherwise a new alert.</summary>
    private async Task<(Alert Alert, bool IsRevision)> RecordChangeAsync(DbSession session, AlertOrigin origin, Alert alert, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var earlier = alert.Kind == "changed"
            ? await outbox.LatestForItemAsync(session, origin.ItemId, now - options.Value.ClusterWindow, cancellationToken)
            : null;
        if (earlier is not null)
        {
            return (await outbox.ReviseAsync(session, earlier.Value, first => alert with { Id = earlier.Value, Change = Accumulate(first.Change, alert.Change) }, now, cancellationToken), true);
        }

        var saved = await outbox.AddAsync(session, origin, alert, await router.RouteAsync(session, alert, cancellationToken), now, cancellationToken);
        if (alert.Kind == "changed")
        {
            // a statement too, so the change is found by /policy <actor>, latest, search and digests (never clustered)
            var text = string.Join(' ', alert.Change?.Added ?? []);
            var signature = StatementSignature.Create(alert.Orgs.FirstOrDefault(), null, alert.Stance, alert.PublishedAt ?? now, text, []);
            var statementId = await statements.CreateAsync(session, saved.Id, signature, now, cancellationToken);
            await statements.AddReportAsync(session, statementId, origin.ItemId, alert.Url, alert.Source, now, cancellationToken);
        }

        return (saved, false);
    }

    /// <summary>The net change since the version before the first alert: what the later change removed again is no
    /// longer "added", what it restored is no longer "removed".</summary>
    private static AlertChange? Accumulate(AlertChange? first, AlertChange? later)
    {
        if (first is null || later is null)
        {
            return later ?? first;
        }

        var added = first.Added.Except(later.Removed, StringComparer.Ordinal).Concat(later.Added.Except(first.Added, StringComparer.Ordinal)).ToList();
        var removed = first.Removed.Except(later.Added, StringComparer.Ordinal).Concat(later.Removed.Except(first.Added, StringComparer.Ordinal)).ToList();
        return new AlertChange(added, removed);
    }

    private async Task<string?> ShiftAsync(DbSession session, StatementSignature signature, CancellationToken cancellationToken)
    {
        if (signature.Actor is null || signature.Stance is not ("open" or "cautious"))
        {
            return null;
        }

        var last = await positions.LastBeforeAsync(session, signature.Actor, signature.At, cancellationToken);
        return last is not null && last.Stance != signature.Stance ? $"{last.Stance} → {signature.Stance}" : null;
    }

    /// <summary>The first alert with a later report added: its URL under "also reported by", and its best quote the
    /// alert does not carry yet (other outlets often quote other words of the same statement), up to five quotes.</summary>
    private static Alert WithReport(Alert first, Alert report)
    {
        if (first.Url == report.Url || first.AlsoReportedBy.Contains(report.Url, StringComparer.Ordinal))
        {
            return first;
        }

        var quotes = first.Quotes.ToList();
        var shown = quotes.Select(q => string.Join(' ', StatementSignature.Words(q.Text))).ToList();
        var fresh = report.Quotes.FirstOrDefault(q => !shown.Any(s => Overlaps(s, string.Join(' ', StatementSignature.Words(q.Text)))));
        if (fresh is not null && quotes.Count < MaxQuotes)
        {
            quotes.Add(fresh);
        }

        return first with { AlsoReportedBy = [.. first.AlsoReportedBy, report.Url], Quotes = quotes };
    }

    private static bool Overlaps(string a, string b) => a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal);

    private const int MaxQuotes = 5;
}
