namespace PolicyBot.Tests.Slack;

/// <summary>A failure the fake Slack answers one call with.</summary>
public sealed record FakeSlackFault(FakeSlackFaultKind Kind, string Error = "", int RetryAfterSeconds = 1)
{
    public static FakeSlackFault Fails(string error) => new(FakeSlackFaultKind.Error, error);

    public static FakeSlackFault RateLimited(int seconds) => new(FakeSlackFaultKind.RateLimited, RetryAfterSeconds: seconds);

    public static FakeSlackFault ServerError { get; } = new(FakeSlackFaultKind.ServerError);

    /// <summary>Never answers (until the client disconnects): the client's timeout must fire.</summary>
    public static FakeSlackFault Hang { get; } = new(FakeSlackFaultKind.Hang);
}
