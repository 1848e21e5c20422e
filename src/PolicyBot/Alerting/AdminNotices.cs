using PolicyBot.Chat;
using PolicyBot.Data;
using PolicyBot.Subscriptions;

namespace PolicyBot.Alerting;

/// <summary>
/// Tells the admins' channels — subscriptions with notices on, and the console when it is on — about sources that
/// fail or recover and alerts that could not be delivered. Each notice is queued once per key and channel.
/// </summary>
public sealed class AdminNotices(AlertOutbox outbox, SubscriptionStore subscriptions, IEnumerable<IChatAdapter> adapters, SqliteDatabase database, TimeProvider timeProvider)
{
    private readonly bool _console = adapters.Any(a => a.Platform == ConsoleChatAdapter.PlatformName);

    /// <summary>Queues <paramref name="notice"/> for every notice channel; a key already queued is not queued again.</summary>
    public async Task QueueAsync(string key, Reply notice, CancellationToken cancellationToken)
    {
        await using var session = await database.BeginAsync(cancellationToken);
        var channels = (await subscriptions.ListAsync(session, cancellationToken)).Where(s => s.Notices).Select(s => s.Channel.Key).ToList();
        if (_console)
        {
            channels.Add(ConsoleChatAdapter.PlatformName);
        }

        var now = timeProvider.GetUtcNow();
        foreach (var channel in channels)
        {
            await outbox.AddMessageAsync(session, channel, notice, $"{key}@{channel}", now, cancellationToken);
        }

        await session.CommitAsync(cancellationToken);
    }

    /// <summary>A source failed <paramref name="failures"/> checks in a row.</summary>
    public static Reply SourceFailing(long sourceId, string name, string url, int failures, string error) =>
        new($"Source failing: {name}",
        [
            new HeaderBlock($"Source failing: {name}"),
            new TextBlock($"The last {failures} checks failed. Last error: {error}"),
            new FieldsBlock([new ReplyField("Source", $"{sourceId} · {url}")]),
            new ActionsBlock([new ReplyButton("Pause", Command: $"sources pause {sourceId}"), new ReplyButton("Remove", Command: $"sources remove {sourceId}", Style: ButtonStyle.Danger)]),
        ]) { Shared = true };

    /// <summary>A failing source's check succeeded again.</summary>
    public static Reply SourceRecovered(long sourceId, string name, int failures) =>
        new($"Source recovered: {name}", [new HeaderBlock($"Source recovered: {name}"), new TextBlock($"Checks of source {sourceId} succeed again after {failures} failures.")]) { Shared = true };

    /// <summary>An alert could not be delivered to a channel.</summary>
    public static Reply Undeliverable(string channel, string title, int attempts, string error) =>
        new($"Undeliverable alert for {channel}",
        [
            new HeaderBlock("An alert could not be delivered"),
            new TextBlock($"\"{title}\" could not be delivered to {channel} after {attempts} attempt(s): {error}"),
        ]) { Shared = true };
}
