using System.Collections.Concurrent;

namespace PolicyBot.Fetching;

/// <summary>
/// Bounds fetches in flight: at most <c>global</c> at once, and at most <c>perHost</c> at once to one host.
/// Instance state only; one throttle per fetcher. <paramref name="waiting"/> is told (scope, host) whenever a caller
/// has to queue, before it starts waiting.
/// </summary>
internal sealed class FetchThrottle(int global, int perHost, Action<string, string> waiting)
{
    private readonly SemaphoreSlim globalSlots = new(global, global);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> hostSlots = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Waits for a global slot (for a fetch of <paramref name="host"/>); dispose the result to give it back.</summary>
    public Task<Slot> EnterGlobalAsync(string host, CancellationToken cancellationToken) =>
        EnterAsync(globalSlots, "global", host, cancellationToken);

    /// <summary>Waits for a slot on <paramref name="host"/>; dispose the result to give it back.</summary>
    public Task<Slot> EnterHostAsync(string host, CancellationToken cancellationToken)
    {
        // The set of hosts is the set of configured sources (plus redirect targets): small, so entries are kept.
        var slots = hostSlots.GetOrAdd(host, _ => new SemaphoreSlim(perHost, perHost));
        return EnterAsync(slots, "per-host", host, cancellationToken);
    }

    private async Task<Slot> EnterAsync(SemaphoreSlim slots, string scope, string host, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!slots.Wait(0, CancellationToken.None))
        {
            waiting(scope, host);
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return new Slot(slots);
    }

    /// <summary>A held slot.</summary>
    public sealed class Slot(SemaphoreSlim owner) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                owner.Release();
            }
        }
    }
}
