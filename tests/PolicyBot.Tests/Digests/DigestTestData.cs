using PolicyBot.Alerting;
using PolicyBot.Chat;
using PolicyBot.Clustering;
using PolicyBot.Data;
using PolicyBot.Digests;
using PolicyBot.History;
using PolicyBot.Sources;
using PolicyBot.Subscriptions;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Digests;

/// <summary>
/// Statements and subscriptions for digest tests, written through the production stores (source, item, alert,
/// statement) so they cannot drift from the schema. The quotes are invented for these tests, except where noted.
/// </summary>
public static class DigestTestData
{
    public static readonly ChatChannel Channel = new("slack", "C0DIGEST", "policy-digest");

    public static Alert Alert(string title, string? org = "Meta", string stance = "open", string? shift = null, double relevance = 0.8, string? quote = null, string? speaker = null) => new()
    {
        Kind = "new",
        Title = title,
        Url = $"https://news.example/{Uri.EscapeDataString(title)}",
        Source = "Test Wire",
        Orgs = org is null ? [] : [org],
        Stance = stance,
        Shift = shift,
        Summary = $"{title}: a summary written for the test.",
        Quotes = quote is null ? [] : [new AlertQuote(quote, speaker, org, stance), new AlertQuote("A second quote that a digest never shows.", speaker, org, stance)],
        Relevance = relevance,
    };

    /// <summary>A digest statement for the pure builder (no database).</summary>
    public static DigestStatement Statement(long id, Alert alert, DateTimeOffset statedAt, string? actor = "Meta", string? speaker = null) =>
        new(id, actor, speaker, statedAt, statedAt, alert with { Id = id });

    public static Subscription Subscription(DigestSchedule? digest, DateTimeOffset createdAt, IReadOnlyList<string>? actors = null, double minRelevance = 0, bool shiftsOnly = false) => new()
    {
        Channel = Channel,
        Actors = actors ?? [],
        MinRelevance = minRelevance,
        ShiftsOnly = shiftsOnly,
        Digest = digest,
        CreatedBy = "U0ADMIN",
        CreatedAt = createdAt,
    };

    /// <summary>Records a statement as a poll would: an item of a source, its alert (queued to no channel) and the
    /// statement, all stamped <paramref name="recordedAt"/>, in one transaction.</summary>
    public static async Task<long> RecordAsync(TestServices services, Alert alert, DateTimeOffset recordedAt, DateTimeOffset? statedAt = null, string? actor = "Meta", string? speaker = null)
    {
        var ct = CancellationToken.None;
        var sources = services.Get<SourceStore>();
        var source = await sources.FindAsync("https://news.example/feed.xml", ct)
            ?? (await sources.AddAsync(new SourceDefinition { Name = "Test Wire", Url = "https://news.example/feed.xml" }, "cli", recordedAt, ct))!;
        var at = statedAt ?? recordedAt;
        await using var session = await services.Get<SqliteDatabase>().BeginAsync(ct);
        var guid = Guid.NewGuid().ToString("N");
        var itemId = await services.Get<ItemStore>().InsertAsync(session, source.Id, new Document(guid, alert.Url, alert.Title, at, alert.Summary), guid, recordedAt, ct);
        var saved = await services.Get<AlertOutbox>().AddAsync(session, new AlertOrigin(source.Id, itemId, null), alert with { PublishedAt = at }, [], recordedAt, ct);
        var signature = StatementSignature.Create(actor, speaker, alert.Stance, at, alert.Summary, alert.Quotes.Select(q => q.Text));
        var id = await services.Get<StatementStore>().CreateAsync(session, saved.Id, signature, recordedAt, ct);
        await session.CommitAsync(ct);
        return id;
    }
}
