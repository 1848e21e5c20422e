using System.Text.Json;

namespace PolicyBot.Analysis;

/// <summary>
/// The organisations and people PolicyBot recognises, and the matcher that finds them in text.
/// JSON schema (docs/catalogue.md): <c>{ "organisations": [ { "name", "kind": company|lab|government|open-source-body,
/// "aliases": [..], "unlessNear": [..], "people": [ { "name", "aliases": [..], "role" } ] } ] }</c>. A name or alias
/// matches in its own spelling or in capitals, only at word boundaries ("Meta's" yes, "metadata" no); the longest
/// overlapping name wins; a one-word organisation name is dropped when an <c>unlessNear</c> word is in its sentence.
/// </summary>
public sealed class ActorCatalogue
{
    private const string BundledResource = "PolicyBot.Analysis.actors.json";

    private static readonly HashSet<string> Kinds = new(StringComparer.Ordinal) { "company", "lab", "government", "open-source-body" };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 16,
    };

    private readonly List<(string Text, ActorOrganisation Organisation, ActorPerson? Person)> _names;

    private ActorCatalogue(IReadOnlyList<ActorOrganisation> organisations)
    {
        Organisations = organisations;
        _names = [];
        foreach (var organisation in organisations)
        {
            foreach (var name in Spellings(organisation.Name, organisation.Aliases))
            {
                _names.Add((name, organisation, null));
            }

            foreach (var person in organisation.People ?? [])
            {
                foreach (var name in Spellings(person.Name, person.Aliases))
                {
                    _names.Add((name, organisation, person));
                }
            }
        }
    }

    public IReadOnlyList<ActorOrganisation> Organisations { get; }

    /// <summary>The catalogue shipped inside the assembly (Analysis/actors.json).</summary>
    public static ActorCatalogue LoadBundled()
    {
        using var stream = typeof(ActorCatalogue).Assembly.GetManifestResourceStream(BundledResource)
            ?? throw new InvalidOperationException($"The embedded resource {BundledResource} is missing from the build.");
        using var reader = new StreamReader(stream);
        var result = Parse(reader.ReadToEnd());
        return result.Catalogue ?? throw new InvalidOperationException($"The bundled actors catalogue is invalid: {result.Error}");
    }

    /// <summary>Reads a catalogue file; a missing, unreadable or invalid file is a failure result.</summary>
    public static ActorCatalogueLoadResult LoadFile(string path)
    {
        try
        {
            return File.Exists(path)
                ? Parse(File.ReadAllText(path))
                : ActorCatalogueLoadResult.Failure($"Actors catalogue file '{path}' does not exist.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return ActorCatalogueLoadResult.Failure($"Actors catalogue file '{path}' cannot be read: {ex.Message}");
        }
    }

    /// <summary>Parses and validates catalogue JSON.</summary>
    public static ActorCatalogueLoadResult Parse(string json)
    {
        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(json ?? "", Json);
        }
        catch (JsonException ex)
        {
            return ActorCatalogueLoadResult.Failure($"Actors catalogue is not valid JSON: {ex.Message}");
        }

        if (document?.Organisations is not { Count: > 0 } organisations)
        {
            return ActorCatalogueLoadResult.Failure("Actors catalogue has no organisations.");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var organisation in organisations)
        {
            if (string.IsNullOrWhiteSpace(organisation?.Name))
            {
                return ActorCatalogueLoadResult.Failure("An organisation has no name.");
            }

            if (!seen.Add(organisation.Name))
            {
                return ActorCatalogueLoadResult.Failure($"Organisation '{organisation.Name}' appears twice.");
            }

            if (organisation.Kind is null || !Kinds.Contains(organisation.Kind))
            {
                return ActorCatalogueLoadResult.Failure(
                    $"Organisation '{organisation.Name}' has kind '{organisation.Kind}'; expected one of {string.Join(", ", Kinds)}.");
            }

            if (organisation.People?.Any(p => string.IsNullOrWhiteSpace(p?.Name)) == true)
            {
                return ActorCatalogueLoadResult.Failure($"Organisation '{organisation.Name}' lists a person without a name.");
            }
        }

        return ActorCatalogueLoadResult.Success(new ActorCatalogue(organisations));
    }

    /// <summary>The organisation whose name or alias equals <paramref name="name"/> (any case), if any.</summary>
    public ActorOrganisation? FindOrganisation(string name) =>
        Organisations.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase)
            || (o.Aliases?.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase)) ?? false));

    /// <summary>Every mention of a catalogue actor in <paramref name="text"/>, in order, never overlapping.</summary>
    public IReadOnlyList<ActorMention> Find(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var candidates = new List<ActorMention>();
        var vetoes = new Dictionary<ActorOrganisation, List<int>>(ReferenceEqualityComparer.Instance);
        foreach (var (name, organisation, person) in _names)
        {
            var from = 0;
            while (from < text.Length)
            {
                var at = text.IndexOf(name, from, StringComparison.Ordinal);
                if (at < 0)
                {
                    break;
                }

                if (IsBoundary(text, at - 1) && IsBoundary(text, at + name.Length)
                    && !(person is null && !name.Contains(' ', StringComparison.Ordinal) && organisation.UnlessNear is { Count: > 0 }
                        && Vetoed(text, at, name.Length, vetoes.TryGetValue(organisation, out var known) ? known : vetoes[organisation] = VetoPositions(text, organisation.UnlessNear))))
                {
                    candidates.Add(new ActorMention(at, name.Length, organisation, person));
                }

                from = at + 1;
            }
        }

        candidates.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        var mentions = new List<ActorMention>();
        var end = 0;
        foreach (var candidate in candidates)
        {
            if (candidate.Start >= end)
            {
                mentions.Add(candidate);
                end = candidate.End;
            }
        }

        return mentions;
    }

    /// <summary>
    /// The catalogue person of <paramref name="organisation"/> whose role names <paramref name="role"/> ("chief
    /// executive", "CEO", "president" …); former holders only when the role asked for says "former". The first
    /// listed person wins, so the catalogue lists an organisation's principal first.
    /// </summary>
    public ActorPerson? FindByRole(ActorOrganisation organisation, string role)
    {
        var wanted = RoleWords.Normalise(role);
        if (wanted.Length == 0)
        {
            return null;
        }

        var former = wanted.StartsWith("former ", StringComparison.Ordinal);
        if (former)
        {
            wanted = wanted["former ".Length..];
        }

        return (organisation.People ?? []).FirstOrDefault(p =>
            p.Role is { } held && RoleWords.Normalise(held) is var normalised
            && normalised.Contains("former", StringComparison.Ordinal) == former
            && RoleWords.Holds(normalised, wanted));
    }

    private static bool Vetoed(string text, int at, int length, IReadOnlyList<int> vetoes)
    {
        if (vetoes.Count == 0)
        {
            return false;
        }

        var start = at;
        while (start > 0 && at - start < 300 && text[start - 1] is not ('.' or '!' or '?' or '\n'))
        {
            start--;
        }

        var end = at + length;
        while (end < text.Length && end - at < 300 && text[end] is not ('.' or '!' or '?' or '\n'))
        {
            end++;
        }

        var first = BinarySearchFirstAtOrAfter(vetoes, start);
        return first < vetoes.Count && vetoes[first] < end;
    }

    private static int BinarySearchFirstAtOrAfter(IReadOnlyList<int> sorted, int value)
    {
        int low = 0, high = sorted.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (sorted[mid] < value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    /// <summary>Where the words that cancel an organisation's one-word names occur in the text, whole words only, sorted.</summary>
    private static List<int> VetoPositions(string text, IReadOnlyList<string>? words)
    {
        var positions = new List<int>();
        foreach (var word in (words ?? []).Where(w => !string.IsNullOrWhiteSpace(w)))
        {
            var from = 0;
            while (from < text.Length && text.IndexOf(word, from, StringComparison.OrdinalIgnoreCase) is var hit && hit >= 0)
            {
                var after = hit + word.Length;
                if ((hit == 0 || !char.IsLetter(text[hit - 1])) && (after >= text.Length || !char.IsLetter(text[after])))
                {
                    positions.Add(hit);
                }

                from = after;
            }
        }

        positions.Sort();
        return positions;
    }

    private static IEnumerable<string> Spellings(string name, IReadOnlyList<string>? aliases)
    {
        var spellings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var spelling in (aliases ?? []).Prepend(name))
        {
            if (!string.IsNullOrWhiteSpace(spelling))
            {
                spellings.Add(spelling.Trim());
                spellings.Add(spelling.Trim().ToUpperInvariant());
            }
        }

        return spellings;
    }

    private static bool IsBoundary(string text, int index) =>
        index < 0 || index >= text.Length || !(char.IsLetterOrDigit(text[index]) || text[index] == '_');

    private sealed record Document(List<ActorOrganisation>? Organisations);
}
