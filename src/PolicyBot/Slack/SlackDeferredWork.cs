using System.Collections.Concurrent;

namespace PolicyBot.Slack;

/// <summary>
/// Work that continues after Slack has been acknowledged (a slow command's answer to <c>response_url</c>, a Home tab
/// refresh): run with the app's lifetime instead of the request's, failures logged, and waited for (briefly) at
/// shutdown so an answer in flight is not cut off.
/// </summary>
public sealed partial class SlackDeferredWork(TimeProvider timeProvider, ILogger<SlackDeferredWork> logger) : IHostedService, IDisposable
{
    private readonly ConcurrentDictionary<Task, byte> running = new();
    private readonly CancellationTokenSource stopping = new();

    /// <summary>Cancelled when the app stops.</summary>
    public CancellationToken Stopping => stopping.Token;

    /// <summary>Waits for <paramref name="task"/> up to <paramref name="budget"/>: true when it finished in time.
    /// A zero budget never waits and answers false, so the caller always takes its "later" path.</summary>
    public async Task<bool> WaitWithinAsync(Task task, TimeSpan budget)
    {
        if (budget <= TimeSpan.Zero)
        {
            return false;
        }

        if (!task.IsCompleted)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Stopping);
            await Task.WhenAny(task, Task.Delay(budget, timeProvider, timeout.Token));
            await timeout.CancelAsync();
        }

        return task.IsCompleted;
    }

    /// <summary>Runs <paramref name="work"/> in the background.</summary>
    public void Run(Func<CancellationToken, Task> work, string what) => Track(Guard(work, what));

    /// <summary>Completes when every background task started so far has finished (tests, shutdown).</summary>
    public Task IdleAsync() => Task.WhenAll(running.Keys);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await IdleAsync().WaitAsync(TimeSpan.FromSeconds(5), timeProvider, cancellationToken);
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            Log.Abandoned(logger, running.Count);
        }
        finally
        {
            await stopping.CancelAsync();
        }
    }

    /// <summary>Cancels what still runs (its token stays readable: the source is not disposed).</summary>
    public void Dispose() => stopping.Cancel();

    private void Track(Task task)
    {
        running.TryAdd(task, 0);
        _ = task.ContinueWith(t => running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task Guard(Func<CancellationToken, Task> work, string what)
    {
        try
        {
            await work(Stopping);
        }
        catch (OperationCanceledException) when (Stopping.IsCancellationRequested)
        {
            // shutting down
        }
        catch (Exception exception)
        {
            Log.Failed(logger, what, exception);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 6201, Level = LogLevel.Error, Message = "Slack background work failed: {What}")]
        public static partial void Failed(ILogger logger, string what, Exception exception);

        [LoggerMessage(EventId = 6202, Level = LogLevel.Warning, Message = "{Count} Slack background task(s) still running at shutdown")]
        public static partial void Abandoned(ILogger logger, int count);
    }
}
