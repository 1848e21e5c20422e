using PolicyBot.Alerting;

namespace PolicyBot.Tests.Alerting;

/// <summary>A test channel that records what it was sent and fails on demand, one scripted result per attempt.</summary>
public sealed class RecordingChannel(string name = "test") : IAlertChannel
{
    private readonly Queue<Func<Alert, DeliveryResult>> _script = new();

    public string Name { get; } = name;

    public List<Alert> Sent { get; } = [];

    /// <summary>Updates received, with the message id of the post they revise.</summary>
    public List<(Alert Alert, string? MessageId)> Updates { get; } = [];

    public int Attempts { get; private set; }

    public RecordingChannel Then(DeliveryResult result)
    {
        _script.Enqueue(_ => result);
        return this;
    }

    public RecordingChannel ThenThrow(Exception exception)
    {
        _script.Enqueue(_ => throw exception);
        return this;
    }

    public Task<DeliveryResult> SendAsync(Alert alert, CancellationToken cancellationToken)
    {
        Attempts++;
        var result = _script.Count > 0 ? _script.Dequeue()(alert) : DeliveryResult.Success($"m{Sent.Count + 1}");
        if (result.Delivered)
        {
            Sent.Add(alert);
        }

        return Task.FromResult(result);
    }

    public Task<DeliveryResult> UpdateAsync(Alert alert, string? messageId, CancellationToken cancellationToken)
    {
        Attempts++;
        var result = _script.Count > 0 ? _script.Dequeue()(alert) : DeliveryResult.Success(messageId);
        if (result.Delivered)
        {
            Updates.Add((alert, messageId));
        }

        return Task.FromResult(result);
    }
}
