namespace PolicyBot.Alerting;

/// <summary>How one delivery attempt ended.</summary>
/// <param name="Delivered">True when the platform accepted the message.</param>
/// <param name="MessageId">The platform's id for later updates and threads.</param>
/// <param name="Error">Why it failed, secret-free.</param>
/// <param name="Retryable">False for errors a retry cannot fix (channel gone, auth revoked).</param>
/// <param name="RetryAfter">The delay the platform asked for, if any.</param>
public sealed record DeliveryResult(bool Delivered, string? MessageId, string? Error, bool Retryable, TimeSpan? RetryAfter)
{
    public static DeliveryResult Success(string? messageId = null) => new(true, messageId, null, false, null);

    public static DeliveryResult Failure(string error, bool retryable = true, TimeSpan? retryAfter = null) =>
        new(false, null, error, retryable, retryAfter);
}
