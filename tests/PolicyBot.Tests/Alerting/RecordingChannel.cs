using PolicyBot.Alerting;
using PolicyBot.Chat;
using PolicyBot.Subscriptions;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Alerting;

/// <summary>A test chat platform that records what it was sent and fails on demand, one scripted result per attempt.</summary>
public sealed class RecordingChannel(string platform = "test") : IChatAdapter
{
    private readonly Lock _gate = new();
    private readonly Queue<Func<OutboundMessage, DeliveryResult>> _script = new();

    public string Platform { get; } = platform;

    /// <summary>Alerts posted (first posts of alerts only).</summary>
    public List<Alert> Sent { get; } = [];

    /// <summary>Every delivered post and update, with the channel it went to, in order.</summary>
    public List<(ChatChannel Channel, OutboundMessage Message)> Delivered { get; } = [];

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

    /// <summary>Scripts the next attempt with any behaviour (e.g. a simulated crash after the platform accepted).</summary>
    public RecordingChannel ThenDo(Func<OutboundMessage, DeliveryResult> step)
    {
        _script.Enqueue(step);
        return this;
    }

    /// <summary>Subscribes this platform's channel (<paramref name="id"/>, empty by default: key = platform) to every alert.</summary>
    public async Task<ChatChannel> SubscribeAsync(TestServices services, string id = "", Func<Subscription, Subscription>? configure = null)
    {
        var channel = new ChatChannel(Platform, id);
        var subscription = new Subscription { Channel = channel, CreatedBy = "tester", CreatedAt = services.Clock.GetUtcNow() };
        await services.Get<SubscriptionStore>().SaveAsync(configure is null ? subscription : configure(subscription), CancellationToken.None);
        return channel;
    }

    public Task<DeliveryResult> PostAsync(ChatChannel channel, OutboundMessage message, CancellationToken cancellationToken) =>
        Task.FromResult(Attempt(channel, message, $"m{Delivered.Count + 1}", null));

    public Task<DeliveryResult> UpdateAsync(ChatChannel channel, string? messageId, OutboundMessage message, CancellationToken cancellationToken) =>
        Task.FromResult(Attempt(channel, message, messageId, messageId));

    /// <summary>Records a delivery as if the platform accepted it (for scripted steps that then fail).</summary>
    public void Accept(ChatChannel channel, OutboundMessage message) => Record(channel, message, null);

    private DeliveryResult Attempt(ChatChannel channel, OutboundMessage message, string? newId, string? updatedId)
    {
        Func<OutboundMessage, DeliveryResult>? step;
        lock (_gate)
        {
            Attempts++;
            step = _script.Count > 0 ? _script.Dequeue() : null;
        }

        var result = step is null ? DeliveryResult.Success(newId) : step(message);
        if (result.Delivered)
        {
            Record(channel, message, updatedId);
        }

        return result;
    }

    private void Record(ChatChannel channel, OutboundMessage message, string? updatedId)
    {
        lock (_gate)
        {
            Delivered.Add((channel, message));
            if (message.Alert is { } alert)
            {
                if (message.Revision == 0)
                {
                    Sent.Add(alert);
                }
                else
                {
                    Updates.Add((alert, updatedId));
                }
            }
        }
    }
}
