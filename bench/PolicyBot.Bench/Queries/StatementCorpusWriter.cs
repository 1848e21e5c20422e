using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using PolicyBot.Alerting;
using PolicyBot.Analysis;

namespace PolicyBot.Bench.Queries;

/// <summary>
/// Fills a migrated PolicyBot database with synthetic statements as the pipeline would have stored them: an item,
/// an alert (the real JSON payload) and a statement per statement, the full-text index kept by the production
/// triggers, and a position for each open or cautious one. Actors follow a Zipf-like spread over the bundled
/// catalogue (Meta, OpenAI, Google … most often), 60 % with a catalogue person as speaker; titles, summaries and quotes
/// are composed from short parts plus invented model names and words, so some terms are common and many are rare.
/// Deterministic (fixed seed). Bulk insert: prepared commands, 50,000 statements per transaction.
/// </summary>
internal sealed class StatementCorpusWriter(ActorCatalogue catalogue)
{
    private const int Batch = 50_000;

    private static readonly string[] Verbs =
    [
        "says it will publish", "weighs limits on", "defends", "pauses", "backs", "questions", "calls for rules on",
        "restricts", "commits to", "reconsiders", "warns about", "expands", "narrows", "reviews",
    ];

    private static readonly string[] Topics =
    [
        "open weights for its {0} model", "open-source AI", "model licences", "frontier model releases", "the Open Source AI Definition",
        "safety testing of open models", "export controls on model weights", "openly releasing {0}", "a community licence for {0}",
        "closed models", "publishing training data", "open foundation models", "the weights of {0}", "liability for open models",
    ];

    private static readonly string[] Quotes =
    [
        "We believe open models make AI safer because more people can inspect them.",
        "We'll need to be careful about what we choose to open-source.",
        "Releasing the weights of {0} lets researchers audit what they deploy.",
        "Some capabilities are too risky to hand out as open weights.",
        "Open source is how this technology reaches everyone, not only the largest companies.",
        "We will keep {0} closed until the safety evaluations are complete.",
        "A licence that restricts use is not open source, whatever the label says.",
        "Regulators should not treat every open model as a frontier risk.",
        "The {1} results show that open weights and safety can go together.",
        "We have to weigh the benefits of openness against real misuse.",
    ];

    private static readonly string[] Stances = ["open", "open", "open", "open", "open", "open", "open", "cautious", "cautious", "cautious", "cautious", "cautious", "cautious", "cautious", "neutral", "neutral", "neutral", "neutral", "mixed", "mixed"];

    /// <summary>Invented words (model names, rare vocabulary) that searches can hit rarely.</summary>
    public static IReadOnlyList<string> RareWords { get; } = MakeWords(new Random(7), 5000);

    public async Task WriteAsync(string databasePath, int count, CancellationToken cancellationToken)
    {
        var random = new Random(42);
        var organisations = catalogue.Organisations;
        var cumulative = new double[organisations.Count];
        var total = 0.0;
        for (var i = 0; i < cumulative.Length; i++)
        {
            total += 1.0 / (i + 1);
            cumulative[i] = total;
        }

        var start = new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var step = TimeSpan.FromDays(5 * 365).Ticks / count;
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync(cancellationToken);
        await Execute(connection, null, "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA foreign_keys = OFF;");
        await Execute(connection, null, string.Concat(Enumerable.Range(1, 20).Select(i =>
            $"INSERT INTO sources (id, name, url, kind, created_at, next_check_at) VALUES ({i}, 'Outlet {i}', 'https://outlet{i}.example/feed.xml', 'feed', '2021-01-01T00:00:00.0000000+00:00', '2030-01-01T00:00:00.0000000+00:00');")));
        var clock = Stopwatch.StartNew();
        for (var first = 1; first <= count; first += Batch)
        {
            await using var transaction = connection.BeginTransaction();
            var item = Prepare(connection, transaction, "INSERT INTO items (id, source_id, guid, link, fingerprint, title, published_at, text, first_seen_at, last_changed_at) VALUES ($id, $source, $guid, $link, $fp, $title, $at, $text, $at, $at)", "$id", "$source", "$guid", "$link", "$fp", "$title", "$at", "$text");
            var alert = Prepare(connection, transaction, "INSERT INTO alerts (id, source_id, item_id, created_at, published_at, payload) VALUES ($id, $source, $id, $at, $at, $payload)", "$id", "$source", "$at", "$payload");
            var statement = Prepare(connection, transaction, "INSERT INTO statements (id, alert_id, actor, speaker, stance, stated_at, signature, created_at, updated_at) VALUES ($id, $id, $actor, $speaker, $stance, $at, '{\"Shingles\":[],\"Quotes\":[],\"Terms\":{}}', $at, $at)", "$id", "$actor", "$speaker", "$stance", "$at");
            var position = Prepare(connection, transaction, "INSERT INTO positions (actor, stance, statement_id, stated_at, source) VALUES ($actor, $stance, $id, $at, $source)", "$actor", "$stance", "$id", "$at", "$source");
            for (var id = first; id < first + Batch && id <= count; id++)
            {
                var organisation = organisations[Pick(cumulative, random)];
                var people = organisation.People ?? [];
                var speaker = people.Count > 0 && random.NextDouble() < 0.6 ? people[Math.Min(people.Count - 1, (int)(people.Count * random.NextDouble() * random.NextDouble()))].Name : null;
                var stance = Stances[random.Next(Stances.Length)];
                var at = start + TimeSpan.FromTicks(step * id + random.Next(0, 3_600) * TimeSpan.TicksPerSecond);
                var model = RareWords[random.Next(RareWords.Count)];
                var rare = RareWords[random.Next(RareWords.Count)];
                var title = $"{organisation.Name} {Verbs[random.Next(Verbs.Length)]} {string.Format(CultureInfo.InvariantCulture, Topics[random.Next(Topics.Length)], model)}";
                var who = speaker ?? $"A spokesperson for {organisation.Name}";
                var summary = $"{who} set out the company's view on releasing {model} and other models openly. The statement follows the {rare} debate over open-weight AI and how far openness should go.";
                var quoteCount = 1 + random.Next(3);
                var quotes = Enumerable.Range(0, quoteCount)
                    .Select(_ => new AlertQuote(string.Format(CultureInfo.InvariantCulture, Quotes[random.Next(Quotes.Length)], model, rare), speaker, organisation.Name, stance is "mixed" ? "neutral" : stance))
                    .ToList();
                var source = 1 + random.Next(20);
                var url = string.Create(CultureInfo.InvariantCulture, $"https://outlet{source}.example/news/{id}");
                var payload = AlertJson.Serialize(new Alert
                {
                    Id = id, Kind = "new", Title = title, Url = url, Source = $"Outlet {source}", PublishedAt = at, Orgs = [organisation.Name],
                    Stance = stance, Summary = summary, Quotes = quotes, Matched = ["open weights", organisation.Name], Relevance = 0.8,
                }, AlertJson.Compact);
                var stamp = at.ToString("O", CultureInfo.InvariantCulture);
                await Run(item, id, source, $"g{id}", url, $"f{id}", title, stamp, summary);
                await Run(alert, id, source, stamp, payload);
                await Run(statement, id, organisation.Name, (object?)speaker ?? DBNull.Value, stance, stamp);
                if (stance is "open" or "cautious")
                {
                    await Run(position, organisation.Name, stance, id, stamp, $"{title} ({url})");
                }
            }

            await transaction.CommitAsync(cancellationToken);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {Math.Min(count, first + Batch - 1):N0} statements written ({clock.Elapsed.TotalSeconds:0} s)"));
        }

        await Execute(connection, null, "PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;");
    }

    private static int Pick(double[] cumulative, Random random)
    {
        var target = random.NextDouble() * cumulative[^1];
        var index = Array.BinarySearch(cumulative, target);
        return index >= 0 ? index : Math.Min(~index, cumulative.Length - 1);
    }

    private static List<string> MakeWords(Random random, int count)
    {
        string[] syllables = ["qui", "lon", "ver", "sta", "mir", "ka", "dro", "zen", "pha", "tor", "lu", "vex", "ori", "nal", "bri", "sol", "tu", "gan", "rel", "yo"];
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (words.Count < count)
        {
            var parts = 2 + random.Next(3);
            words.Add(string.Concat(Enumerable.Range(0, parts).Select(_ => syllables[random.Next(syllables.Length)])));
        }

        return [.. words];
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static Task<int> Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        return command.ExecuteNonQueryAsync();
    }

    private static async Task Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
