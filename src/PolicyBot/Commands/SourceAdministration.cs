using System.Globalization;
using PolicyBot.Chat;
using PolicyBot.History;
using PolicyBot.Sources;

namespace PolicyBot.Commands;

/// <summary>
/// <c>sources</c> (list with status), and the admin verbs <c>sources add &lt;url&gt; [kind] [org] [interval]</c>
/// and <c>sources remove|pause|resume &lt;id or name&gt;</c>. Adding takes the command line's path: the same
/// validation (<see cref="SourceDefinitionValidator"/>), the duplicate check (the same URL however it is spelt: scheme
/// and host case, default port, fragment, tracking parameters, a trailing slash), one fetch through the fetcher's
/// address rules (<see cref="SourcePreviewer"/>), and a save only when that fetch found something readable.
/// </summary>
public sealed class SourceAdministration(
    SourceStore store,
    SourceDefinitionValidator validator,
    SourcePreviewer previewer,
    ActorDirectory directory,
    TimeProvider timeProvider)
{
    /// <summary>Option names of <c>policybot sources add</c>, accepted (and skipped) before a kind, organisation or interval.</summary>
    private static readonly HashSet<string> CommandLineOptionNames = new(StringComparer.OrdinalIgnoreCase) { "--kind", "--org", "--interval" };

    /// <summary>Sources listed in one reply (failing ones first); the command line lists them all.</summary>
    public const int Listed = 15;

    /// <param name="withAdminButtons">Whether to offer Pause/Resume and Remove buttons (only admins could use them).</param>
    public async Task<Reply> ListAsync(bool withAdminButtons, CancellationToken cancellationToken)
    {
        var sources = await store.ListAsync(cancellationToken);
        if (sources.Count == 0)
        {
            return new Reply("No sources are watched.", [new TextBlock("No sources are watched yet."), new ContextBlock(["Admins add one with `sources add <url>`."])]);
        }

        var shown = sources.OrderByDescending(s => s.Enabled && s.ErrorCount > 0).ThenBy(s => s.Id).Take(Listed).ToList();
        var paused = sources.Count(s => !s.Enabled);
        var failing = sources.Count(s => s.Enabled && s.ErrorCount > 0);
        var summary = string.Create(CultureInfo.InvariantCulture, $"{sources.Count} source(s): {sources.Count - paused} enabled, {paused} paused, {failing} failing");
        var blocks = new List<ReplyBlock> { new HeaderBlock("Watched sources"), new ContextBlock([summary]) };
        foreach (var source in shown)
        {
            blocks.Add(new DividerBlock());
            blocks.Add(new TextBlock(string.Create(CultureInfo.InvariantCulture, $"#{source.Id} {source.Name} ({Source.FormatKind(source.Kind)}, {State(source)})")));
            var details = new List<string> { source.Url, "last check " + (source.LastCheckedAt is { } at ? at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "never") };
            if (source.LastError is { } error)
            {
                details.Add(string.Create(CultureInfo.InvariantCulture, $"error ×{source.ErrorCount}: {error}"));
            }
            else if (source.LastWarning is { } warning)
            {
                details.Add($"warning: {warning}");
            }

            blocks.Add(new ContextBlock(details));
            if (!withAdminButtons)
            {
                continue;
            }

            var id = source.Id.ToString(CultureInfo.InvariantCulture);
            blocks.Add(new ActionsBlock(
            [
                source.Enabled ? new ReplyButton("Pause", Command: $"sources pause {id}") : new ReplyButton("Resume", Command: $"sources resume {id}", Style: ButtonStyle.Primary),
                new ReplyButton("Remove", Command: $"sources remove {id}", Style: ButtonStyle.Danger),
            ]));
        }

        if (sources.Count > shown.Count)
        {
            blocks.Add(new ContextBlock([string.Create(CultureInfo.InvariantCulture, $"… and {sources.Count - shown.Count} more; `policybot sources list` shows every one.")]));
        }

        return new Reply(summary, blocks);
    }

    public async Task<Reply> AddAsync(IReadOnlyList<CommandToken> arguments, CancellationToken cancellationToken)
    {
        const string Usage = "Usage: `sources add <url> [feed|page] [org] [interval]`, e.g. `sources add https://example.org/feed.xml feed meta 30m`.";
        if (arguments.Count == 0)
        {
            return Reply.Error("Which URL should be watched?", Usage);
        }

        var definition = new SourceDefinition { Url = arguments[0].Text, Kind = "feed" };
        var kindGiven = false;
        var orgWords = new List<CommandToken>();
        foreach (var argument in arguments.Skip(1))
        {
            if (!argument.Quoted && CommandLineOptionNames.Contains(argument.Text))
            {
                // `--kind page --org meta --interval 30m`, as `policybot sources add` takes them: the value tells what it is
                continue;
            }

            if (!argument.Quoted && Source.TryParseKind(argument.Text, out var kind))
            {
                if (kindGiven)
                {
                    return Reply.Error("The kind is given twice.", Usage);
                }

                definition.Kind = Source.FormatKind(kind);
                kindGiven = true;
            }
            else if (!argument.Quoted && IntervalText.TryParse(argument.Text, out var interval))
            {
                if (definition.Interval is not null)
                {
                    return Reply.Error("The interval is given twice.", Usage);
                }

                definition.Interval = interval;
            }
            else
            {
                orgWords.Add(argument);
            }
        }

        var (orgs, unknown) = directory.ResolveAll(orgWords);
        if (unknown.Count > 0)
        {
            return UnknownOrganisation(unknown[0], Usage);
        }

        definition.Orgs = orgs.Select(o => o.Organisation.Name).Distinct().ToList();
        var problems = validator.Validate(definition);
        if (problems.Count > 0)
        {
            return Reply.Error("Cannot add this source: " + string.Join("; ", problems) + ".", Usage);
        }

        if (await store.FindWatchingAsync(definition.Url, cancellationToken) is { } existing)
        {
            return Reply.Error(string.Create(CultureInfo.InvariantCulture, $"Already watched as #{existing.Id} {existing.Name}."), "See `sources` for every watched source.");
        }

        Source.TryParseKind(definition.Kind, out var parsedKind);
        var preview = await previewer.PreviewAsync(definition.Url, kindGiven ? parsedKind : null, null, cancellationToken);
        if (!preview.Succeeded)
        {
            return Reply.Error($"Cannot add this source: fetching it failed ({preview.Error}). Nothing was saved.", "Check the URL opens in a browser, or give the kind (`feed` or `page`).");
        }

        definition.Kind = Source.FormatKind(preview.Kind!.Value);
        if (!string.IsNullOrWhiteSpace(preview.Title))
        {
            definition.Name = preview.Title.Trim();
        }

        var saved = await store.AddAsync(definition, "chat", timeProvider.GetUtcNow(), cancellationToken);
        if (saved is null)
        {
            return Reply.Error("Already watched (it was added a moment ago).", "See `sources`.");
        }

        return Added(saved, preview);
    }

    /// <summary><c>remove</c>, <c>pause</c> or <c>resume</c> of the source an id, URL or name designates.</summary>
    public async Task<Reply> ChangeAsync(string verb, IReadOnlyList<CommandToken> arguments, CancellationToken cancellationToken)
    {
        if (arguments.Count == 0)
        {
            return Reply.Error($"Which source should I {verb}?", $"Usage: `sources {verb} <id or name>`; `sources` lists them with their ids.");
        }

        var key = string.Join(' ', arguments.Select(a => a.Text));
        if (!key.TrimStart('#').All(char.IsAsciiDigit))
        {
            // a name may be shared (two feeds titled alike): changing the first one found could remove the wrong source
            var named = (await store.ListAsync(cancellationToken)).Where(s => s.Name.Equals(key.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
            if (named.Count > 1)
            {
                var ambiguous = string.Create(CultureInfo.InvariantCulture, $"{named.Count} sources are called \"{Shorten(key)}\"; say which by its id.");
                return new Reply(ambiguous,
                [
                    new TextBlock(ambiguous),
                    new ListBlock("Sources", named.Select(s => new ReplyLink(string.Create(CultureInfo.InvariantCulture, $"#{s.Id} {s.Name}"), s.Url)).ToList()),
                    new ActionsBlock(named.Take(5).Select(s => new ReplyButton(string.Create(CultureInfo.InvariantCulture, $"{char.ToUpperInvariant(verb[0])}{verb[1..]} #{s.Id}"), Command: string.Create(CultureInfo.InvariantCulture, $"sources {verb} {s.Id}"))).ToList()),
                ]) { Outcome = ReplyOutcome.Error };
            }
        }

        var source = await store.FindAsync(key.TrimStart('#'), cancellationToken);
        if (source is null)
        {
            return Reply.Error($"No source matches \"{Shorten(key)}\".", "`sources` lists the watched sources with their ids.");
        }

        var now = timeProvider.GetUtcNow();
        var id = source.Id.ToString(CultureInfo.InvariantCulture);
        if ((verb == "pause" && !source.Enabled) || (verb == "resume" && source.Enabled))
        {
            var already = $"#{id} {source.Name} is {(source.Enabled ? "not" : "already")} paused.";
            return new Reply(already,
            [
                new TextBlock(already),
                new ActionsBlock([source.Enabled ? new ReplyButton("Pause", Command: $"sources pause {id}") : new ReplyButton("Resume", Command: $"sources resume {id}", Style: ButtonStyle.Primary)]),
            ]);
        }

        var (done, changed, undo) = verb switch
        {
            "remove" => ("Removed", await store.RemoveAsync(source.Id, cancellationToken), (ReplyButton?)null),
            "pause" => ("Paused", await store.SetEnabledAsync(source.Id, false, now, cancellationToken), new ReplyButton("Resume", Command: $"sources resume {id}", Style: ButtonStyle.Primary)),
            _ => ("Resumed", await store.SetEnabledAsync(source.Id, true, now, cancellationToken), new ReplyButton("Pause", Command: $"sources pause {id}")),
        };
        if (!changed)
        {
            return Reply.Error(string.Create(CultureInfo.InvariantCulture, $"Source #{source.Id} is gone already."), "See `sources`.");
        }

        var message = string.Create(CultureInfo.InvariantCulture, $"{done} #{source.Id} {source.Name} ({source.Url}).");
        var blocks = new List<ReplyBlock> { new TextBlock(message) };
        if (verb == "remove")
        {
            blocks.Add(new ContextBlock(["Its history and alerts were removed with it. Add it again with `sources add " + source.Url + "`."]));
        }
        else if (undo is not null)
        {
            blocks.Add(new ActionsBlock([undo]));
        }

        return new Reply(message, blocks);
    }

    private static Reply Added(Source saved, SourcePreview preview)
    {
        var id = saved.Id.ToString(CultureInfo.InvariantCulture);
        var fields = new List<ReplyField>
        {
            new("Kind", Source.FormatKind(saved.Kind)),
            new("Title", preview.Title ?? saved.Name),
            new("Items", preview.ItemCount.ToString(CultureInfo.InvariantCulture)),
            new("Latest item", preview.LatestTitle is null ? "—" : preview.LatestTitle + (preview.LatestPublishedAt is { } at ? $" ({StatementBlocks.Date(at)})" : "")),
            new("URL", saved.Url),
        };
        if (saved.Orgs.Count > 0)
        {
            fields.Add(new ReplyField("Organisations", string.Join(", ", saved.Orgs)));
        }

        if (saved.Interval is { } interval)
        {
            fields.Add(new ReplyField("Interval", interval.ToString("c", CultureInfo.InvariantCulture)));
        }

        var message = $"Added #{id} {saved.Name}. It will be checked at the next poll.";
        return new Reply(message,
        [
            new HeaderBlock($"Added source #{id}"),
            new FieldsBlock(fields),
            new TextBlock(message),
            new ActionsBlock([new ReplyButton("Remove (undo)", Command: $"sources remove {id}", Style: ButtonStyle.Danger), new ReplyButton("Pause", Command: $"sources pause {id}")]),
        ]);
    }

    private Reply UnknownOrganisation(string name, string usage)
    {
        var suggestions = directory.Suggest(name).Where(m => m.Person is null).Select(m => m.Organisation.Name).ToList();
        var hint = suggestions.Count > 0 ? $"Did you mean {string.Join(" or ", suggestions)}? " + usage : usage;
        return Reply.Error($"\"{Shorten(name)}\" is not a kind (feed, page), an interval (e.g. 30m) or a known organisation.", hint);
    }

    private static string State(Source source) =>
        !source.Enabled ? "paused" : source.ErrorCount > 0 ? "failing" : source.LastSuccessAt is null ? "new" : "ok";

    private static string Shorten(string text) => text.Length > 80 ? text[..80] + "…" : text;
}
