namespace PolicyBot.Tests.Slack;

/// <summary>Kinds of injected failure.</summary>
public enum FakeSlackFaultKind
{
    Error,
    RateLimited,
    ServerError,
    Hang,
}
