using System.Globalization;
using System.IO.Compression;

namespace PolicyBot.Bench.Feeds;

/// <summary>
/// The benchmark's feeds. Even-numbered feeds never change: they keep one strong ETag and answer 304 to a request
/// carrying it. Odd-numbered feeds change every round (one new item, two edited) under a fresh ETag, so PolicyBot
/// fetches, parses, diffs, analyses and stores them every time.
/// </summary>
internal sealed class FeedCatalog
{
    private readonly int feeds;
    private readonly FeedDocumentWriter writer;
    private readonly ArticleWriter articles;
    private readonly FeedBody?[] unchanging;

    public FeedCatalog(int feeds, int itemsPerFeed, DateTimeOffset anchor)
    {
        this.feeds = feeds;
        unchanging = new FeedBody?[feeds];
        articles = new ArticleWriter(anchor, itemsPerFeed);
        writer = new FeedDocumentWriter(articles);
    }

    public int Count => feeds;

    public static bool AnswersNotModified(int feed) => feed % 2 == 0;

    /// <summary>Renders (and compresses) every feed for <paramref name="round"/>; unchanging feeds are rendered once.</summary>
    public FeedRound Prepare(int round)
    {
        var bodies = new FeedBody[feeds];
        // Each index is written by one iteration only.
        Parallel.For(0, feeds, feed => bodies[feed] = AnswersNotModified(feed)
            ? unchanging[feed] ??= Render(feed, 0)
            : Render(feed, round));

        return new FeedRound(round, bodies);
    }

    private FeedBody Render(int feed, int round)
    {
        var plain = writer.Write(feed, round);
        using var compressed = new MemoryStream(plain.Length / 3);
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(plain);
        }

        var stable = AnswersNotModified(feed);
        var etag = stable ? $"\"feed-{feed}\"" : $"\"feed-{feed}-round-{round}\"";
        var lastModified = articles.Write(feed, articles.NewestSequence(stable ? 0 : round), round).Published;
        var contentType = FeedDocumentWriter.IsAtom(feed) ? "application/atom+xml; charset=utf-8" : "application/rss+xml; charset=utf-8";
        return new FeedBody(compressed.ToArray(), plain.Length, contentType, etag, lastModified.ToString("r", CultureInfo.InvariantCulture), stable);
    }
}
