namespace PolicyBot.Chat;

/// <summary>
/// A platform-neutral message — a command's answer, an alert, a digest, a notice — as blocks that each adapter
/// renders in its own way (Slack Block Kit, a Teams Adaptive Card, plain text). Text in blocks is plain and
/// untrusted: adapters escape it and enforce their platform's limits.
/// </summary>
/// <param name="Summary">One line saying what the message is: a notification preview and the plain-text fallback's first line.</param>
/// <param name="Blocks">The content, in order.</param>
public sealed record Reply(string Summary, IReadOnlyList<ReplyBlock> Blocks)
{
    /// <summary>Whether the request succeeded, was wrong (an adapter may show it inline, e.g. as a form error), or was refused.</summary>
    public ReplyOutcome Outcome { get; init; } = ReplyOutcome.Ok;

    /// <summary>Everyone in the channel should see it (Slack <c>in_channel</c>); otherwise only the person who asked.</summary>
    public bool Shared { get; init; }

    /// <summary>A reply that only says what went wrong and how to do it right.</summary>
    public static Reply Error(string message, string? hint = null) =>
        new(message, hint is null ? [new TextBlock(message)] : [new TextBlock(message), new ContextBlock([hint])]) { Outcome = ReplyOutcome.Error };

    /// <summary>A refusal of an admin-only command.</summary>
    public static Reply Refused(string message) => new(message, [new TextBlock(message)]) { Outcome = ReplyOutcome.Refused };
}

/// <summary>How a request ended, for adapters that present errors differently (form validation, status colours).</summary>
public enum ReplyOutcome
{
    Ok,
    Error,
    Refused,
}
