using System.Globalization;
using System.Text.Json;
using PolicyBot.Sources.Feeds;

namespace PolicyBot.Tests.Sources.Feeds;

/// <summary>
/// Compares a PolicyBot parse with gofeed's expected output: for translator cases the fields PolicyBot
/// models (title, link, description, language, updated; item title, link, guid, published, updated,
/// description, content, author); for universal cases the detected feed type or the expected parse error.
/// Fields PolicyBot does not model (categories, images, enclosures, extensions, feed-level author,
/// published and copyright, ...) are not compared.
/// </summary>
public static class GofeedExpectationEvaluator
{
    public static ExpectationOutcome Evaluate(FeedCorpusCase corpusCase, FeedParseResult result)
    {
        using var expected = JsonDocument.Parse(corpusCase.Expected);
        var root = expected.RootElement;
        return corpusCase.IsGofeedUniversal ? Universal(root, result) : Translator(root, result);
    }

    private static ExpectationOutcome Universal(JsonElement root, FeedParseResult result)
    {
        var wantsError = root.GetProperty("parseError").GetBoolean();
        if (wantsError)
        {
            return new(true, result.Feed is null, result.Feed is null ? "ok" : $"expected a parse error, got {result.Feed.Format}");
        }

        var type = root.GetProperty("feedType").GetString()!;
        var title = root.GetProperty("title").GetString();
        var passed = result.Feed is { } f && f.Format.StartsWith(type, StringComparison.Ordinal) && f.Title == title;
        return new(true, passed, passed ? "ok" : $"expected {type} '{title}', got {result.Feed?.Format ?? result.Error} '{result.Feed?.Title}'");
    }

    private static ExpectationOutcome Translator(JsonElement root, FeedParseResult result)
    {
        var checks = new List<(string Field, string? Expected, string? Actual)>();
        var feed = result.Feed;
        void Check(string field, string? expected, string? actual) => checks.Add((field, expected, actual));

        if (Str(root, "title") is { } title)
        {
            Check("title", title, feed?.Title);
        }

        if (Str(root, "link") is { } link)
        {
            Check("link", link, feed?.Link);
        }

        if (Str(root, "description") is { } description)
        {
            Check("description", description, feed?.Description);
        }

        if (Str(root, "language") is { } language)
        {
            Check("language", language, feed?.Language);
        }

        if (Str(root, "updatedParsed") is { } updated)
        {
            Check("updated", Instant(updated), Instant(feed?.Updated));
        }

        if (root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in items.EnumerateArray())
            {
                var entry = feed is not null && index < feed.Entries.Count ? feed.Entries[index] : null;
                var prefix = $"items[{index}].";
                if (Str(item, "title") is { } t)
                {
                    Check(prefix + "title", t, entry?.Title);
                }

                if (Str(item, "link") is { } l)
                {
                    Check(prefix + "link", l, entry?.Link);
                }

                if (Str(item, "guid") is { } g)
                {
                    Check(prefix + "guid", g, entry?.Id);
                }

                if (Str(item, "publishedParsed") is { } p)
                {
                    Check(prefix + "published", Instant(p), Instant(entry?.Published ?? entry?.Updated));
                }

                // gofeed, like feedparser, falls back between published and updated; so does this comparison.
                if (Str(item, "updatedParsed") is { } u)
                {
                    Check(prefix + "updated", Instant(u), Instant(entry?.Updated ?? entry?.Published));
                }

                if (Str(item, "description") is { } d)
                {
                    Check(prefix + "description", d, entry?.SummaryHtml);
                }

                if (Str(item, "content") is { } c)
                {
                    Check(prefix + "content", c, entry?.ContentHtml);
                }

                if (item.TryGetProperty("author", out var author) && author.ValueKind == JsonValueKind.Object)
                {
                    var name = Str(author, "name");
                    var email = Str(author, "email");
                    var expectedAuthor = (name, email) switch
                    {
                        (not null, not null) => $"{name} ({email})",
                        (not null, null) => name,
                        _ => email,
                    };
                    Check(prefix + "author", expectedAuthor, entry?.Author);
                }

                index++;
            }
        }

        if (checks.Count == 0)
        {
            return ExpectationOutcome.NotApplicable("only fields PolicyBot does not model");
        }

        var failed = checks.Where(c => c.Expected != c.Actual).Select(c => $"{c.Field}: expected '{c.Expected}', got '{c.Actual}'").ToList();
        return new(true, failed.Count == 0, failed.Count == 0 ? "ok" : (result.Error ?? string.Empty) + string.Join("; ", failed));
    }

    private static string? Str(JsonElement owner, string property) =>
        owner.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Instant(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? Instant(d) : text;

    private static string? Instant(DateTimeOffset? value) => value?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
