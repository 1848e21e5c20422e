using Microsoft.Extensions.Logging;

namespace PolicyBot.Tests.Infrastructure;

/// <summary>One log call a <see cref="RecordingLogger{T}"/> saw.</summary>
/// <param name="Level">The level it was logged at.</param>
/// <param name="EventName">The event name ([LoggerMessage] uses the method name).</param>
/// <param name="Message">The formatted message.</param>
/// <param name="Exception">The exception passed, if any.</param>
public sealed record LogRecord(LogLevel Level, string? EventName, string Message, Exception? Exception);

/// <summary>
/// An <see cref="ILogger{T}"/> that keeps every entry (all levels) so tests can assert on what was logged — or not
/// logged, such as secrets — and can await an entry as a deterministic signal that code under test reached a point.
/// </summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly Lock gate = new();
    private readonly List<LogRecord> records = [];
    private readonly List<(Func<LogRecord, bool> Match, int Count, TaskCompletionSource Done)> waiters = [];

    /// <summary>Everything logged so far, in order.</summary>
    public IReadOnlyList<LogRecord> Records
    {
        get
        {
            lock (gate)
            {
                return [.. records];
            }
        }
    }

    /// <summary>Completes once <paramref name="count"/> records matching <paramref name="match"/> have been logged (counting earlier ones).</summary>
    public Task WaitForAsync(Func<LogRecord, bool> match, int count = 1)
    {
        lock (gate)
        {
            if (records.Count(match) >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((match, count, done));
            return done.Task;
        }
    }

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var record = new LogRecord(logLevel, eventId.Name, formatter(state, exception), exception);
        List<TaskCompletionSource> ready = [];
        lock (gate)
        {
            records.Add(record);
            foreach (var waiter in waiters.ToList())
            {
                if (records.Count(waiter.Match) >= waiter.Count)
                {
                    waiters.Remove(waiter);
                    ready.Add(waiter.Done);
                }
            }
        }

        ready.ForEach(done => done.TrySetResult());
    }
}
