namespace PolicyBot.Slack;

/// <summary>The outcome of checking a request's Slack signature.</summary>
public enum SlackSignatureCheck
{
    Valid,
    MissingHeaders,
    MalformedTimestamp,
    Stale,
    MalformedSignature,
    Mismatch,
}
