using PolicyBot.Analysis;

namespace PolicyBot.Commands;

/// <summary>
/// Finds catalogue actors by what people type: an organisation or person by name or alias in any case ("meta",
/// "zuckerberg", "Mark Zuckerberg"), and, for a name it does not know, the closest names by edit distance
/// (optimal string alignment over case-folded names and aliases) or by prefix.
/// </summary>
public sealed class ActorDirectory
{
    private readonly List<(string Key, ActorMatch Match)> _names = [];
    private readonly Dictionary<string, ActorMatch> _exact = new(StringComparer.Ordinal);

    public ActorDirectory(ActorCatalogue catalogue)
    {
        foreach (var organisation in catalogue.Organisations)
        {
            Add(organisation.Name, new ActorMatch(organisation, null));
            foreach (var alias in organisation.Aliases ?? [])
            {
                Add(alias, new ActorMatch(organisation, null));
            }
        }

        // people after organisations: an organisation keeps a name both share
        foreach (var organisation in catalogue.Organisations)
        {
            foreach (var person in organisation.People ?? [])
            {
                Add(person.Name, new ActorMatch(organisation, person));
                foreach (var alias in person.Aliases ?? [])
                {
                    Add(alias, new ActorMatch(organisation, person));
                }
            }
        }
    }

    /// <summary>The organisation or person called <paramref name="name"/>, if the catalogue knows it.</summary>
    public ActorMatch? Find(string name) => _exact.GetValueOrDefault(CommandText.Fold(name));

    /// <summary>
    /// Reads a list of actor names: a quoted phrase is one name; unquoted words are joined greedily into the longest
    /// known name ("google deepmind" is Google DeepMind, not Google and DeepMind). Commas separate names.
    /// </summary>
    /// <returns>The actors found, in order, and the words or phrases that name no known actor.</returns>
    public (IReadOnlyList<ActorMatch> Found, IReadOnlyList<string> Unknown) ResolveAll(IEnumerable<CommandToken> tokens)
    {
        const int LongestName = 5;
        var words = tokens
            .SelectMany(t => t.Quoted
                ? new[] { t with { Text = t.Text.Trim(',', ' ') } }
                : t.Text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(w => new CommandToken(w, false)).ToArray())
            .Where(t => t.Text.Length > 0)
            .ToList();
        var found = new List<ActorMatch>();
        var unknown = new List<string>();
        for (var i = 0; i < words.Count;)
        {
            if (words[i].Quoted)
            {
                AddOrMiss(words[i].Text);
                i++;
                continue;
            }

            var taken = 0;
            for (var length = Math.Min(LongestName, words.Count - i); length > 1 && taken == 0; length--)
            {
                var span = words.Skip(i).Take(length).ToList();
                if (span.All(w => !w.Quoted) && Find(string.Join(' ', span.Select(w => w.Text))) is { } match)
                {
                    found.Add(match);
                    taken = length;
                }
            }

            if (taken == 0)
            {
                AddOrMiss(words[i].Text);
                taken = 1;
            }

            i += taken;
        }

        return (found, unknown);

        void AddOrMiss(string name)
        {
            if (Find(name) is { } match)
            {
                found.Add(match);
            }
            else
            {
                unknown.Add(name);
            }
        }
    }

    /// <summary>Up to <paramref name="count"/> different actors whose names are close to <paramref name="name"/>, closest first.</summary>
    public IReadOnlyList<ActorMatch> Suggest(string name, int count = 3)
    {
        var wanted = CommandText.Fold(name);
        if (wanted.Length == 0)
        {
            return [];
        }

        return _names
            .Select(n => (n.Match, Score: Score(wanted, n.Key)))
            .Where(c => c.Score <= 0.34)
            .OrderBy(c => c.Score)
            .ThenBy(c => c.Match.Display, StringComparer.Ordinal)
            .Select(c => c.Match)
            .DistinctBy(m => m.Display)
            .Take(count)
            .ToList();
    }

    /// <summary>0 for equal, growing with the share of edits needed; a name that starts with what was typed scores low.</summary>
    private static double Score(string typed, string name)
    {
        if (typed.Length >= 3 && name.StartsWith(typed, StringComparison.Ordinal))
        {
            return 0.1;
        }

        if (Math.Abs(typed.Length - name.Length) > Math.Max(typed.Length, name.Length) / 3 + 1)
        {
            return 1;
        }

        return (double)EditDistance.Between(typed, name) / Math.Max(typed.Length, name.Length);
    }

    private void Add(string name, ActorMatch match)
    {
        var key = CommandText.Fold(name);
        if (key.Length == 0)
        {
            return;
        }

        _names.Add((key, match));
        _exact.TryAdd(key, match);
    }
}
