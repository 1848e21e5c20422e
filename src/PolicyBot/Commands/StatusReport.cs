using System.Globalization;
using PolicyBot.Alerting;
using PolicyBot.Chat;
using PolicyBot.Sources;
using PolicyBot.Subscriptions;

namespace PolicyBot.Commands;

/// <summary><c>status</c>: the last poll, sources enabled, paused and failing (the worst few), undelivered messages, subscriptions.</summary>
public sealed class StatusReport(SourceStore sources, AlertOutbox outbox, SubscriptionStore subscriptions, TimeProvider timeProvider)
{
    /// <summary>Failing sources named in the reply, most consecutive errors first.</summary>
    public const int WorstShown = 5;

    public async Task<Reply> BuildAsync(CancellationToken cancellationToken)
    {
        var all = await sources.ListAsync(cancellationToken);
        var counts = await outbox.CountByStateAsync(cancellationToken);
        var subscribed = await subscriptions.ListAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        var lastPoll = all.Max(s => s.LastCheckedAt);
        var enabled = all.Count(s => s.Enabled);
        var failing = all.Where(s => s.Enabled && s.ErrorCount > 0).OrderByDescending(s => s.ErrorCount).ThenBy(s => s.Id).ToList();
        var pending = counts.GetValueOrDefault("pending");
        var dead = counts.GetValueOrDefault("dead");
        var healthy = failing.Count == 0 && dead == 0 && lastPoll is not null;
        var fields = new List<ReplyField>
        {
            new("Last poll", lastPoll is { } at ? $"{at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)} ({Ago(now - at)})" : "never"),
            new("Sources", Invariant($"{enabled} enabled, {all.Count - enabled} paused, {failing.Count} failing")),
            new("Outbox", Invariant($"{pending} pending, {dead} undeliverable, {counts.GetValueOrDefault("sent")} sent")),
            new("Subscriptions", Invariant($"{subscribed.Count} channel(s)")),
        };
        var summary = healthy ? "PolicyBot is healthy." : lastPoll is null ? "PolicyBot has not polled yet." : "PolicyBot needs attention.";
        var blocks = new List<ReplyBlock> { new HeaderBlock("PolicyBot status"), new TextBlock(summary), new FieldsBlock(fields) };
        if (failing.Count > 0)
        {
            blocks.Add(new ListBlock("Failing sources", failing.Take(WorstShown)
                .Select(s => new ReplyLink(Invariant($"#{s.Id} {s.Name}: {s.ErrorCount} failed check(s) in a row — {s.LastError ?? "unknown error"}"), s.Url))
                .ToList()));
            blocks.Add(new ActionsBlock([new ReplyButton("List sources", Command: "sources")]));
        }

        if (dead > 0)
        {
            blocks.Add(new ContextBlock([Invariant($"{dead} message(s) could not be delivered after retries; the logs name the channel and the error.")]));
        }

        return new Reply(summary, blocks);
    }

    private static string Ago(TimeSpan elapsed) =>
        elapsed < TimeSpan.FromMinutes(1) ? "just now"
        : elapsed < TimeSpan.FromHours(1) ? Invariant($"{(int)elapsed.TotalMinutes} min ago")
        : elapsed < TimeSpan.FromDays(2) ? Invariant($"{(int)elapsed.TotalHours} h ago")
        : Invariant($"{(int)elapsed.TotalDays} days ago");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
