using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace PolicyBot.Teams;

/// <summary>
/// Signing keys per metadata URL, fetched on first use, kept for <see cref="TeamsOptions.SigningKeyRefreshInterval"/>,
/// fetched again early when a token names a key id not in the set (at most every <see cref="MinimumRefreshGap"/>),
/// and kept in use when a refresh fails. One fetch at a time per URL.
/// </summary>
public sealed partial class SigningKeyCache(SigningKeyFetcher fetcher, IOptions<TeamsOptions> options, TimeProvider timeProvider, ILogger<SigningKeyCache> logger)
{
    /// <summary>The least time between two fetches of the same document.</summary>
    public static readonly TimeSpan MinimumRefreshGap = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan FailedFetchGap = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    /// <summary>The keys for <paramref name="metadataUrl"/>, refreshed if stale or missing <paramref name="keyId"/>; null when none could ever be fetched.</summary>
    public async Task<SigningKeySet?> GetAsync(string metadataUrl, string? keyId, CancellationToken cancellationToken)
    {
        var entry = entries.GetOrAdd(metadataUrl, _ => new Entry());
        if (entry.Keys is { } current && !NeedsRefresh(entry, current, keyId))
        {
            return current;
        }

        await entry.Gate.WaitAsync(cancellationToken);
        try
        {
            if (entry.Keys is { } fresh && !NeedsRefresh(entry, fresh, keyId))
            {
                return fresh;
            }

            if (entry.Keys is null && entry.LastAttempt is { } failed && timeProvider.GetUtcNow() - failed < FailedFetchGap)
            {
                return null; // a recent fetch failed: do not let every request trigger another
            }

            entry.LastAttempt = timeProvider.GetUtcNow();
            var (keys, error) = await fetcher.FetchAsync(metadataUrl, cancellationToken);
            if (keys is not null)
            {
                entry.Keys = keys;
                Log.Refreshed(logger, metadataUrl, keys.Keys.Count);
            }
            else
            {
                Log.RefreshFailed(logger, metadataUrl, error ?? "unknown error", entry.Keys is not null);
            }

            return entry.Keys;
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    private bool NeedsRefresh(Entry entry, SigningKeySet keys, string? keyId)
    {
        var now = timeProvider.GetUtcNow();
        var recentlyTried = entry.LastAttempt is { } last && now - last < MinimumRefreshGap;
        if (now - keys.FetchedAt >= options.Value.SigningKeyRefreshInterval)
        {
            return !recentlyTried;
        }

        return keyId is not null && !keys.Contains(keyId) && !recentlyTried;
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public SigningKeySet? Keys { get; set; }

        public DateTimeOffset? LastAttempt { get; set; }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Fetched {Count} signing key(s) from {MetadataUrl}")]
        public static partial void Refreshed(ILogger logger, string metadataUrl, int count);

        [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Could not fetch signing keys from {MetadataUrl}: {Error} (keeping the previous keys: {KeptPrevious})")]
        public static partial void RefreshFailed(ILogger logger, string metadataUrl, string error, bool keptPrevious);
    }
}
