using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Extraction;
using PolicyBot.Fetching;
using PolicyBot.History;

namespace PolicyBot.Polling;

/// <summary>
/// Completes teaser feed items for analysis: when an item's text is shorter than <c>Polling:TeaserWords</c>, its
/// article page is fetched (same address rules, caps and timeout as any fetch) and its main text used instead.
/// At most <c>Polling:MaxArticleFetches</c> pages per source check. History keeps the feed's own text, so a
/// teaser that does not change is never reported as changed.
/// </summary>
public sealed partial class ArticleFollower(
    HttpFetcher fetcher,
    HtmlTextExtractor extractor,
    BodyDecoder decoder,
    IOptions<PollingOptions> options,
    ILogger<ArticleFollower> logger)
{
    /// <summary>A per-check allowance of article fetches.</summary>
    public sealed class Budget(int remaining)
    {
        public bool TryTake()
        {
            if (remaining <= 0)
            {
                return false;
            }

            remaining--;
            return true;
        }
    }

    public Budget NewBudget() => new(options.Value.MaxArticleFetches);

    public async Task<Document> CompleteAsync(Document document, Budget budget, CancellationToken cancellationToken)
    {
        if (document.Link is null || WordCount(document.Text) >= options.Value.TeaserWords
            || !Uri.TryCreate(document.Link, UriKind.Absolute, out var url) || UrlPolicy.Validate(url) is not null || !budget.TryTake())
        {
            return document;
        }

        var fetch = await fetcher.FetchAsync(new FetchRequest(url, null, null), cancellationToken);
        if (fetch.Outcome != FetchOutcome.Fetched || fetch.ContentType?.Contains("html", StringComparison.OrdinalIgnoreCase) != true)
        {
            Log.NotFollowed(logger, UrlPolicy.Redact(url), fetch.Error ?? fetch.ContentType ?? "no content type");
            return document;
        }

        var article = extractor.Extract(decoder.Decode(fetch.Body, fetch.ContentType).Text, fetch.FinalUrl, null);
        if (article.Text.Length <= document.Text.Length)
        {
            return document;
        }

        return document with
        {
            Title = string.IsNullOrWhiteSpace(document.Title) ? article.Title : document.Title,
            PublishedAt = document.PublishedAt ?? article.PublishedAt,
            Text = article.Text,
        };
    }

    private static int WordCount(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord)
            {
                count++;
            }

            inWord = letter;
        }

        return count;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Teaser not completed from {Url}: {Reason}")]
        public static partial void NotFollowed(ILogger logger, string url, string reason);
    }
}
