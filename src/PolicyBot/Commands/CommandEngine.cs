using PolicyBot.Chat;

namespace PolicyBot.Commands;

/// <summary>
/// Parses and runs the <c>/policy</c> grammar into a platform-neutral <see cref="Reply"/>; never throws for bad input.
/// (Being built: only <c>help</c> answers yet.)
/// </summary>
public sealed class CommandEngine
{
    public Task<Reply> ExecuteAsync(string text, CommandContext context, CancellationToken cancellationToken)
    {
        var verb = text.Trim().Split(' ', 2)[0].ToLowerInvariant();
        return Task.FromResult(verb is "" or "help"
            ? new Reply("PolicyBot commands", [new HeaderBlock("PolicyBot commands"), new TextBlock("help")])
            : Reply.Error($"Unknown command \"{verb}\".", "Try: help"));
    }
}
