using System.Globalization;
using PolicyBot.Chat;
using PolicyBot.Subscriptions;

namespace PolicyBot.Digests;

/// <summary>
/// Turns a period's statements into one digest message for a subscription: the statements its filters accept, grouped
/// by actor (those without one under "Other", last), newest first, one quote each with its speaker, the stance and any
/// shift, and a link. Capped at <see cref="MaxStatements"/> statements and <see cref="MaxBlocks"/> blocks (Slack's
/// limit per message), then "and N more". Nothing to say gives no message at all.
/// </summary>
public sealed class DigestBuilder
{
    public const int MaxStatements = 25;

    public const int MaxBlocks = 50;

    /// <summary>Longer quotes are cut at a word with an ellipsis; adapters apply their own, larger limits.</summary>
    public const int MaxQuoteLength = 500;

    public const string OtherActor = "Other";

    /// <summary>The digest, or null when no statement of the period passes the subscription's filters.</summary>
    public Reply? Build(Subscription subscription, DigestPeriod period, IReadOnlyList<DigestStatement> statements)
    {
        var accepted = statements
            .Where(s => subscription.Accepts(s.Alert))
            .OrderByDescending(s => s.StatedAt)
            .ThenByDescending(s => s.Id)
            .ToList();
        if (accepted.Count == 0)
        {
            return null;
        }

        var shown = Fit(accepted);
        var zone = subscription.Digest is { } schedule ? DigestCron.Zone(schedule, out _) : TimeZoneInfo.Utc;
        var when = period.Describe(zone);
        var actors = accepted.Select(ActorOf).Distinct(StringComparer.Ordinal).Count();
        var counts = $"{Plural(accepted.Count, "statement")} from {Plural(actors, "actor")}";
        var blocks = new List<ReplyBlock>
        {
            new HeaderBlock($"PolicyBot digest — {when}"),
            new ContextBlock([counts, subscription.Describe()]),
        };
        foreach (var group in Groups(shown))
        {
            blocks.AddRange(GroupBlocks(group.Key, group.ToList(), zone));
        }

        if (accepted.Count > shown.Count)
        {
            blocks.Add(new ContextBlock([$"… and {accepted.Count - shown.Count} more. Use /policy latest to see them all."]));
        }

        return new Reply($"PolicyBot digest: {counts}, {when}", blocks) { Shared = true };
    }

    /// <summary>The newest statements that fit both caps, leaving room for the "and N more" line.</summary>
    private static List<DigestStatement> Fit(List<DigestStatement> accepted)
    {
        const int fixedBlocks = 3; // header, counts, "and N more"
        var shown = new List<DigestStatement>();
        foreach (var statement in accepted.Take(MaxStatements))
        {
            var candidate = shown.Append(statement).ToList();
            var size = fixedBlocks + Groups(candidate).Sum(g => GroupSize(g.Count()));
            if (size > MaxBlocks)
            {
                break;
            }

            shown = candidate;
        }

        return shown;
    }

    /// <summary>Actors in the order of their newest statement, "Other" last.</summary>
    private static IEnumerable<IGrouping<string, DigestStatement>> Groups(IEnumerable<DigestStatement> statements) =>
        statements.GroupBy(ActorOf, StringComparer.Ordinal).OrderBy(g => g.Key == OtherActor ? 1 : 0);

    /// <summary>A divider, the actor's line, one quote per statement, and the list of links.</summary>
    private static int GroupSize(int statements) => 3 + statements;

    private static IEnumerable<ReplyBlock> GroupBlocks(string actor, List<DigestStatement> statements, TimeZoneInfo zone)
    {
        yield return new DividerBlock();
        yield return new TextBlock($"{actor} · {Plural(statements.Count, "statement")}", [new TextSpan(0, actor.Length)]);
        foreach (var statement in statements)
        {
            var alert = statement.Alert;
            if (alert.Quotes.FirstOrDefault() is { } quote)
            {
                yield return new QuoteBlock(Cut(quote.Text), quote.Speaker ?? statement.Speaker);
            }
            else
            {
                yield return new TextBlock(Cut(alert.Summary.Length > 0 ? alert.Summary : alert.Title));
            }
        }

        yield return new ListBlock("Reports", statements.Select(s => new ReplyLink(LinkText(s, zone), s.Alert.Url)).ToList());
    }

    private static string LinkText(DigestStatement statement, TimeZoneInfo zone)
    {
        var alert = statement.Alert;
        var parts = new List<string> { alert.Title, alert.Source, TimeZoneInfo.ConvertTime(statement.StatedAt, zone).ToString("d MMM", CultureInfo.InvariantCulture), alert.Stance };
        if (alert.Shift is { } shift)
        {
            parts.Add($"Shift: {shift}");
        }

        return string.Join(" · ", parts.Where(p => p.Length > 0));
    }

    private static string ActorOf(DigestStatement statement) =>
        string.IsNullOrWhiteSpace(statement.Actor) ? OtherActor : statement.Actor;

    private static string Cut(string text)
    {
        if (text.Length <= MaxQuoteLength)
        {
            return text;
        }

        var end = text.LastIndexOf(' ', MaxQuoteLength - 1);
        if (end < MaxQuoteLength / 2)
        {
            end = MaxQuoteLength - 1;
        }

        if (char.IsHighSurrogate(text[end - 1]))
        {
            end--;
        }

        return string.Concat(text.AsSpan(0, end).TrimEnd(), "…");
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
