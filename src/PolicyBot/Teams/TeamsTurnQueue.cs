using System.Threading.Channels;

namespace PolicyBot.Teams;

/// <summary>
/// Accepted activities waiting to be handled, so the HTTP request returns at once (Teams repeats an activity whose
/// request takes over 15 s). A few turns run at a time; a turn that fails is logged and does not stop the rest.
/// </summary>
public sealed partial class TeamsTurnQueue(TeamsTurnHandler handler, ILogger<TeamsTurnQueue> logger) : BackgroundService
{
    public const int Capacity = 256;
    public const int Workers = 4;

    private readonly Channel<Activity> queue = Channel.CreateBounded<Activity>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait });

    /// <summary>Queues an activity; false when the queue is full (the caller answers 503 and Teams retries).</summary>
    public bool TryEnqueue(Activity activity) => queue.Writer.TryWrite(activity);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => WorkAsync(stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var activity in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await handler.HandleAsync(activity, stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    Log.TurnFailed(logger, activity.Type ?? "", exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Handling a Teams {Type} activity failed")]
        public static partial void TurnFailed(ILogger logger, string type, Exception exception);
    }
}
