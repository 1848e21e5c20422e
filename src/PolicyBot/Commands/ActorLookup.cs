using PolicyBot.Chat;

namespace PolicyBot.Commands;

/// <summary>
/// <c>/policy &lt;org or person&gt;</c>: the actor's latest statements (a person's own first, then their
/// organisation's), with quotes, stance and a stance timeline; close names when the name is unknown.
/// </summary>
public sealed class ActorLookup(ActorDirectory directory, StatementQueryStore store)
{
    /// <summary>Statements shown for an actor.</summary>
    public const int StatementsShown = 5;

    /// <summary>Periods shown in a stance timeline (the latest ones).</summary>
    public const int TimelinePeriods = 6;

    /// <summary>The answer for a name, or null when the catalogue does not know it.</summary>
    public async Task<Reply?> AnswerAsync(string name, CancellationToken cancellationToken)
    {
        if (directory.Find(name) is not { } match)
        {
            return null;
        }

        var organisation = match.Organisation.Name;
        var statements = new List<StatementEntry>();
        if (match.Person is { } person)
        {
            statements.AddRange(await store.BySpeakerAsync(person.Name, StatementsShown, cancellationToken));
        }

        var ownCount = statements.Count;
        if (statements.Count < StatementsShown)
        {
            var seen = statements.Select(s => s.Id).ToHashSet();
            var more = await store.ByActorAsync(organisation, StatementsShown + statements.Count, cancellationToken);
            statements.AddRange(more.Where(s => !seen.Contains(s.Id)).Take(StatementsShown - statements.Count));
        }

        var timeline = await store.TimelineAsync(organisation, cancellationToken);
        var blocks = new List<ReplyBlock> { new HeaderBlock(match.Display) };
        var about = match.Person?.Role is { } role ? $"{role}, {organisation}" : $"{match.Organisation.Kind}";
        blocks.Add(new ContextBlock([about]));
        if (statements.Count == 0)
        {
            blocks.Add(new TextBlock($"No statements by {match.Name} are stored yet."));
        }
        else
        {
            if (match.Person is not null && ownCount < statements.Count)
            {
                blocks.Add(new TextBlock(ownCount == 0
                    ? $"No stored statement quotes {match.Person.Name} first; the latest of {organisation}:"
                    : $"The latest quoting {match.Person.Name}, then others of {organisation}:"));
            }

            StatementBlocks.AddAll(blocks, statements);
        }

        if (timeline.Count > 0)
        {
            blocks.Add(new DividerBlock());
            blocks.Add(new TextBlock(timeline.Count == 1
                ? $"Known position of {organisation}: {timeline[0].Stance} (since {StatementBlocks.Date(timeline[0].Since)})"
                : $"Stance timeline of {organisation}: " + string.Join(" → ", timeline.TakeLast(TimelinePeriods).Select(p => $"{StatementBlocks.Date(p.Since)} {p.Stance}"))));
        }

        var summary = statements.Count == 0
            ? $"{match.Display}: no statements stored yet"
            : $"{match.Display}: {statements.Count} latest statement(s)";
        return new Reply(summary, blocks);
    }

    /// <summary>The reply for a name that is neither a command nor a known actor: the closest actors and commands.</summary>
    public Reply Unknown(IReadOnlyList<CommandToken> tokens)
    {
        var typed = string.Join(' ', tokens.Select(t => t.Text));
        var shown = typed.Length > 60 ? typed[..60] + "…" : typed;
        var buttons = directory.Suggest(typed).Select(m => new ReplyButton(m.Display, Command: m.Name)).ToList();
        if (!tokens[0].Quoted && CommandVerbs.Closest(tokens[0].Text) is { } verb)
        {
            var rest = string.Join(' ', tokens.Skip(1).Select(t => t.Quoted ? $"\"{t.Text}\"" : t.Text));
            buttons.Insert(0, new ReplyButton((verb + " " + rest).Trim(), Command: (verb + " " + rest).Trim()));
        }

        var message = $"I don't know a command or an actor called \"{shown}\".";
        var blocks = new List<ReplyBlock> { new TextBlock(message) };
        if (buttons.Count > 0)
        {
            blocks.Add(new TextBlock("Did you mean:"));
            blocks.Add(new ActionsBlock(buttons.Take(4).ToList()));
        }

        blocks.Add(new ContextBlock(["Ask about an organisation or person (e.g. `meta`, `zuckerberg`), or type `help` for the commands."]));
        return new Reply(message, blocks) { Outcome = ReplyOutcome.Error };
    }
}
