using System.Globalization;
using System.Text.RegularExpressions;
using PolicyBot.Chat;
using PolicyBot.Subscriptions;

namespace PolicyBot.Commands;

/// <summary>
/// <c>subscribe [orgs…] [--shifts-only] [--min-relevance 0..1] [--digest daily HH:MM [zone] | --digest weekly &lt;day&gt;
/// HH:MM [zone]] [--notices]</c> and <c>unsubscribe</c>, for the channel the command was given in. On the command line,
/// which has no channel, <c>--channel slack:C0123</c> (a channel key) names it.
/// </summary>
public sealed partial class SubscriptionCommands(SubscriptionStore store, ActorDirectory directory, TimeProvider timeProvider)
{
    public const string Usage =
        "Usage: `subscribe [orgs…] [--shifts-only] [--min-relevance 0.6] [--digest daily 09:00 [Europe/London]] [--digest weekly monday 09:00] [--notices]`.";

    public async Task<Reply> SubscribeAsync(IReadOnlyList<CommandToken> arguments, CommandContext context, CancellationToken cancellationToken)
    {
        var parsed = SubscribeArguments.Parse(arguments);
        if (parsed.Error is { } error)
        {
            return Reply.Error(error, Usage);
        }

        if (ChannelOf(context, parsed.ChannelKey) is not { } channel)
        {
            return NoChannel(context, "subscribe");
        }

        if (channel.Error is not null)
        {
            return Reply.Error(channel.Error, "On the command line, name the channel with `--channel slack:C0123` or `--channel teams:<conversation id>`.");
        }

        var (found, unknown) = directory.ResolveAll(parsed.Actors);
        if (unknown.Count > 0)
        {
            var suggestions = directory.Suggest(unknown[0]).Select(m => m.Organisation.Name).Distinct().ToList();
            var message = $"I don't know an organisation called \"{Shorten(unknown[0])}\".";
            if (parsed.Digest is not null && ZoneAbbreviation().IsMatch(unknown[0]))
            {
                message += $" As a time zone, write an IANA id such as America/Los_Angeles (abbreviations such as {unknown[0]} are ambiguous).";
            }

            var blocks = new List<ReplyBlock> { new TextBlock(message) };
            if (suggestions.Count > 0)
            {
                blocks.Add(new TextBlock("Did you mean:"));
                blocks.Add(new ActionsBlock(suggestions.Select(s => new ReplyButton(s, Command: Replace(arguments, unknown[0], s))).ToList()));
            }

            blocks.Add(new ContextBlock([Usage]));
            return new Reply(message, blocks) { Outcome = ReplyOutcome.Error };
        }

        var actors = found.Select(m => m.Organisation.Name).Distinct().ToList();
        var people = found.Where(m => m.Person is not null).Select(m => $"{m.Person!.Name} → {m.Organisation.Name}").Distinct().ToList();
        var subscription = await store.SaveAsync(new Subscription
        {
            Channel = channel.Channel!,
            Actors = actors,
            MinRelevance = parsed.MinRelevance,
            ShiftsOnly = parsed.ShiftsOnly,
            Digest = parsed.Digest,
            Notices = parsed.Notices,
            CreatedBy = context.UserName is { Length: > 0 } name ? $"{context.Platform}:{context.UserId} ({name})" : $"{context.Platform}:{context.UserId}",
            CreatedAt = timeProvider.GetUtcNow(),
        }, cancellationToken);
        var where = channel.Channel!.DisplayName ?? channel.Channel.Key;
        var summary = $"Subscribed {where}: {subscription.Describe()}.";
        var replyBlocks = new List<ReplyBlock> { new TextBlock(summary) };
        var notes = new List<string>();
        if (people.Count > 0)
        {
            notes.Add("People count for their organisation: " + string.Join(", ", people) + ".");
        }

        notes.Add(subscription.Notices ? "This channel also gets source-failure and undeliverable-alert notices." : "Add `--notices` to also get source-failure notices.");
        replyBlocks.Add(new ContextBlock(notes));
        replyBlocks.Add(new ActionsBlock([new ReplyButton("Unsubscribe", Command: "unsubscribe" + ChannelSuffix(context, channel.Channel), Style: ButtonStyle.Danger)]));
        return new Reply(summary, replyBlocks) { Shared = context.Channel is not null };
    }

    public async Task<Reply> UnsubscribeAsync(IReadOnlyList<CommandToken> arguments, CommandContext context, CancellationToken cancellationToken)
    {
        string? key = null;
        if (arguments.Count == 2 && arguments[0].Text.Equals("--channel", StringComparison.OrdinalIgnoreCase))
        {
            key = arguments[1].Text;
        }
        else if (arguments.Count == 1 && arguments[0].Text.Equals("--channel", StringComparison.OrdinalIgnoreCase))
        {
            return Reply.Error("--channel needs a channel key, e.g. slack:C0123.", "Usage: `unsubscribe --channel slack:C0123` on the command line.");
        }
        else if (arguments.Count > 0)
        {
            return Reply.Error("`unsubscribe` takes no arguments: it stops alerts to this channel.", "Usage: `unsubscribe` (command line: `unsubscribe --channel slack:C0123`).");
        }

        if (ChannelOf(context, key) is not { } channel)
        {
            return NoChannel(context, "unsubscribe");
        }

        if (channel.Error is not null)
        {
            return Reply.Error(channel.Error, "Usage: `unsubscribe --channel slack:C0123` on the command line.");
        }

        var removed = await store.RemoveAsync(channel.Channel!, cancellationToken);
        var where = channel.Channel!.DisplayName ?? channel.Channel.Key;
        return removed
            ? new Reply($"Unsubscribed {where}: no more alerts or digests here.", [new TextBlock($"Unsubscribed {where}: no more alerts or digests here.")]) { Shared = context.Channel is not null }
            : Reply.Error($"{where} has no subscription.", "Subscribe with `subscribe [orgs…]`.");
    }

    private static ChannelChoice? ChannelOf(CommandContext context, string? key)
    {
        if (key is null)
        {
            return context.Channel is null ? null : new ChannelChoice(context.Channel, null);
        }

        if (context.Platform != "cli")
        {
            return new ChannelChoice(null, "`--channel` is only for the command line; in chat, a command acts on the channel it is given in.");
        }

        var channel = ChatChannel.FromKey(key.Trim());
        var valid = channel.Platform switch
        {
            "slack" or "teams" => channel.Id.Length is > 0 and <= 256 && !channel.Id.Any(char.IsWhiteSpace),
            "console" => channel.Id.Length == 0,
            _ => false,
        };
        return valid ? new ChannelChoice(channel, null) : new ChannelChoice(null, $"\"{Shorten(key)}\" is not a channel key (expected slack:<channel id>, teams:<conversation id> or console).");
    }

    private static Reply NoChannel(CommandContext context, string verb) => context.Platform == "cli"
        ? Reply.Error($"`{verb}` acts on a chat channel, and the command line has none.", $"Name one: `{verb} … --channel slack:C0123` (or teams:<conversation id>, or console).")
        : Reply.Error($"`{verb}` must be given in a channel.", "Run it in the channel that should get the alerts.");

    private static string ChannelSuffix(CommandContext context, ChatChannel channel) => context.Channel is null ? $" --channel {channel.Key}" : "";

    private static string Replace(IReadOnlyList<CommandToken> arguments, string unknown, string replacement) =>
        "subscribe " + string.Join(' ', arguments.Select(a =>
            a.Text == unknown ? replacement.Contains(' ', StringComparison.Ordinal) ? $"\"{replacement}\"" : replacement
            : a.Quoted ? $"\"{a.Text}\"" : a.Text));

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;

    /// <summary>Two to five capitals such as PST or CEST: what people write for a zone after a digest time.</summary>
    [GeneratedRegex("^[A-Z]{2,5}$")]
    private static partial Regex ZoneAbbreviation();

    private sealed record ChannelChoice(ChatChannel? Channel, string? Error);
}
