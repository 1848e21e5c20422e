using PolicyBot.Fetching;

namespace PolicyBot.Sources;

/// <summary>Fetches a candidate source once and says what it is: a feed or a page, its title, how many items,
/// the latest one. When no kind is given, a body that parses as a feed is a feed and anything else a page.</summary>
public sealed class SourcePreviewer(HttpFetcher fetcher, SourceReader reader)
{
    public async Task<SourcePreview> PreviewAsync(string url, SourceKind? kind, string? selector, CancellationToken cancellationToken)
    {
        var fetch = await fetcher.FetchAsync(new FetchRequest(new Uri(url), null, null), cancellationToken);
        if (fetch.Outcome != FetchOutcome.Fetched)
        {
            return new SourcePreview(url, kind, null, 0, null, null, fetch.Error ?? $"the server answered {fetch.Status}");
        }

        var candidates = kind is { } known ? [known] : new[] { SourceKind.Feed, SourceKind.Page };
        SourceReader.Reading? reading = null;
        foreach (var candidate in candidates)
        {
            var probe = new Source { Id = 0, Name = url, Url = url, Kind = candidate, Selector = selector };
            reading = reader.Read(probe, fetch.Body, fetch.ContentType, fetch.FinalUrl);
            if (reading.Error is null)
            {
                var latest = reading.Documents.OrderByDescending(d => d.PublishedAt ?? DateTimeOffset.MinValue).FirstOrDefault();
                return new SourcePreview(url, candidate, reading.Title, reading.Documents.Count, latest?.Title, latest?.PublishedAt, null);
            }
        }

        return new SourcePreview(url, kind, null, 0, null, null, reading?.Error ?? "nothing readable");
    }
}
