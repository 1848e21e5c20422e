using System.Text.RegularExpressions;
using PolicyBot.History;

namespace PolicyBot.Analysis;

/// <summary>
/// Finds who may speak in a text: catalogue people; catalogue roles ("Meta's chief executive", "the chief executive
/// of OpenAI") resolved to the person holding them; other full names next to a speech verb ("said Jane Doe",
/// "said OpenAI researcher Jane Doe", "Jane Doe, a researcher, said") and their later surname-only mentions; and
/// organisations speaking for themselves ("a Meta spokesperson said", "Meta said", "the company said").
/// A name found outside the catalogue takes the catalogue organisation named in the same sentence, if any.
/// </summary>
internal sealed partial class PersonFinder(ActorCatalogue catalogue)
{
    private const int MaxOtherNames = 50;

    private const int SubjectReach = 3_000;

    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "The", "This", "That", "These", "Those", "In", "On", "At", "But", "And", "Or", "He", "She", "It", "They", "We", "I",
        "His", "Her", "Their", "Our", "A", "An", "As", "If", "When", "While", "After", "Before", "Mr", "Mrs", "Ms", "Dr", "Prof",
        "Chief", "Executive", "Officer", "President", "Vice", "Director", "Minister", "Secretary", "Senator", "Representative",
        "Chair", "Chairman", "Chairwoman", "Founder", "Co", "Researcher", "Professor", "Spokesperson", "Spokesman", "Spokeswoman",
        "CEO", "CTO", "CFO", "Head", "Lead", "Senior", "General", "Counsel", "Commissioner", "Governor", "Mayor", "Analyst",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "AI", "Open", "Source",
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Times", "Post", "Journal", "News", "Press", "Review", "Magazine", "Guardian", "Telegraph", "Economist", "Reuters", "Bloomberg",
        "Verge", "Wired", "Street", "Agency", "Institute", "University", "Foundation", "Commission", "Council", "Committee", "Ministry",
        "Department", "Office", "Parliament", "Congress", "Senate", "House", "Group", "Inc", "Labs", "Lab", "Company", "Corporation",
        "Association", "Union", "Act", "Code", "Definition", "Initiative", "Alliance", "Model", "Models", "Weights", "License", "Licence",
        "Federal", "National", "European", "American", "Chinese", "British", "French", "German", "Financial", "Information",
        "Judge", "Justice", "District", "Senior", "Technology", "Science", "Digital", "Sir", "Dame", "Lord", "Baroness", "Rep", "Sen",
        "Administrator", "Deputy", "Assistant", "Associate", "Principal", "Partner", "Engineer", "Scientist", "Economist", "Attorney",
        "Conference", "Summit", "Forum", "Festival", "Center", "Centre", "Museum", "Hall", "Park", "Road", "Square", "Valley", "Bay",
        "City", "County", "State", "States", "Kingdom", "Republic", "Court", "Board", "Bank", "Fund", "Network", "Project", "Program",
        "Programme", "Platform", "Research", "Systems", "Technologies", "Capital", "Ventures", "Partners", "Security", "Safety",
    };

    public IReadOnlyList<PersonMention> Find(string text, IReadOnlyList<ActorMention> actors, IReadOnlyList<SentenceSpan> sentences)
    {
        var people = actors
            .Where(a => a.Person is not null)
            .Select(a => new PersonMention(a.Start, a.End, a.Person!.Name, a.Organisation.Name))
            .ToList();

        var others = new List<PersonMention>();
        foreach (var match in SpeakerAfterVerb().Matches(text).Concat(SpeakerBeforeVerb().Matches(text)).Concat(PersonWithAppositive().Matches(text)))
        {
            if (others.Count >= MaxOtherNames)
            {
                break;
            }

            var group = match.Groups["name"];
            if (TrimmedName(text, group.Index, group.Length) is { } name && !Overlaps(actors, name.Start, name.End))
            {
                others.Add(name with { Organisation = OrganisationNear(actors, sentences, name.Start) });
            }
        }

        people.AddRange(others);
        people.AddRange(RoleMentions(text, actors));
        people.AddRange(OrganisationSpeakers(text, actors));
        foreach (var other in others.DistinctBy(o => o.Name))
        {
            AddSurnameMentions(text, other, people, actors);
        }

        var named = actors
            .Where(a => a.Person is { } person && person.Name.Contains(' ', StringComparison.Ordinal)
                && text.AsSpan(a.Start, a.Length).SequenceEqual(person.Name))
            .DistinctBy(a => a.Person!.Name)
            .ToList();
        foreach (var first in named)
        {
            AddSurnameMentions(text, new PersonMention(first.Start, first.End, first.Person!.Name, first.Organisation.Name), people, actors, after: first.End);
        }

        people.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.IsOrganisation.CompareTo(b.IsOrganisation));
        return people.DistinctBy(p => p.Start).ToList();
    }

    /// <summary>"Meta's chief executive", "the OpenAI CEO", "the chief executive of Meta": the catalogue person in that role.</summary>
    private IEnumerable<PersonMention> RoleMentions(string text, IReadOnlyList<ActorMention> actors)
    {
        foreach (var actor in actors.Where(a => a.Person is null).Take(2_000))
        {
            var after = text.AsSpan(actor.End, Math.Min(60, text.Length - actor.End)).ToString();
            var role = RoleAfterOrganisation().Match(after);
            if (role.Success && catalogue.FindByRole(actor.Organisation, role.Groups["role"].Value) is { } holder)
            {
                yield return new PersonMention(actor.Start, actor.End + role.Length, holder.Name, actor.Organisation.Name);
                continue;
            }

            var from = Math.Max(0, actor.Start - 60);
            var before = text.AsSpan(from, actor.Start - from).ToString();
            var roleOf = RoleBeforeOrganisation().Match(before);
            if (roleOf.Success && catalogue.FindByRole(actor.Organisation, roleOf.Groups["role"].Value) is { } head)
            {
                yield return new PersonMention(from + roleOf.Index, actor.End, head.Name, actor.Organisation.Name);
            }
        }
    }

    /// <summary>An organisation next to a speech verb or a spokesperson; "the company said" is the last company named.</summary>
    private static IEnumerable<PersonMention> OrganisationSpeakers(string text, IReadOnlyList<ActorMention> actors)
    {
        foreach (var actor in actors.Where(a => a.Person is null).Take(2_000))
        {
            var after = text.AsSpan(actor.End, Math.Min(60, text.Length - actor.End));
            var from = Math.Max(0, actor.Start - 30);
            var before = text.AsSpan(from, actor.Start - from);
            if (OrganisationSpeaks().IsMatch(after) || (SpeaksOrganisation().IsMatch(before) && ClauseEnds().IsMatch(after)))
            {
                yield return new PersonMention(actor.Start, actor.End, actor.Organisation.Name, actor.Organisation.Name, IsOrganisation: true);
            }
        }

        foreach (var match in CompanySpeaks().Matches(text).Take(MaxOtherNames))
        {
            var noun = match.Groups["noun"].Value.ToLowerInvariant();
            var companyOnly = noun is "company" or "firm" or "lab" or "startup" or "start-up";
            var named = SubjectBefore(text, actors, match.Index, companyOnly);
            if (named is not null)
            {
                yield return new PersonMention(match.Index, match.Index + match.Length, named.Organisation.Name, named.Organisation.Name, IsOrganisation: true);
            }
        }
    }

    /// <summary>
    /// The organisation "the company" or "the report" stands for: the last one named as a sentence's subject (within
    /// its first five words) before <paramref name="position"/>, else the last one named at all.
    /// </summary>
    internal static ActorMention? SubjectBefore(string text, IReadOnlyList<ActorMention> actors, int position, bool companyOnly)
    {
        ActorMention? last = null;
        for (var i = actors.Count - 1; i >= 0; i--)
        {
            var actor = actors[i];
            if (actor.End > position)
            {
                continue;
            }

            if (position - actor.End > SubjectReach)
            {
                break;
            }

            if (companyOnly && actor.Organisation.Kind is not ("company" or "lab"))
            {
                continue;
            }

            last ??= actor;
            var start = actor.Start;
            var words = 0;
            while (start > 0 && text[start - 1] is not ('.' or '!' or '?' or '\n' or '“' or '"') && words <= 5)
            {
                start--;
                if (text[start] == ' ')
                {
                    words++;
                }
            }

            if (words <= 5)
            {
                return actor;
            }
        }

        return last;
    }

    private PersonMention? TrimmedName(string text, int start, int length)
    {
        var words = text.Substring(start, length).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var offset = start;
        while (words.Count > 0 && (NotNames.Contains(words[0].TrimEnd('.')) || catalogue.FindOrganisation(words[0]) is not null))
        {
            offset += words[0].Length + 1;
            words.RemoveAt(0);
        }

        if (words.Count < 2 || words.Any(w => NotNames.Contains(w) || catalogue.FindOrganisation(w) is not null))
        {
            return null;
        }

        var name = string.Join(' ', words);
        return new PersonMention(offset, offset + name.Length, name, null);
    }

    private static void AddSurnameMentions(string text, PersonMention person, List<PersonMention> people, IReadOnlyList<ActorMention> actors, int after = 0)
    {
        var surname = person.Name[(person.Name.LastIndexOf(' ') + 1)..];
        var from = after;
        while (from < text.Length)
        {
            var at = text.IndexOf(surname, from, StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }

            var end = at + surname.Length;
            var bounded = (at == 0 || !char.IsLetter(text[at - 1])) && (end >= text.Length || !char.IsLetter(text[end]));
            if (bounded && !people.Any(p => p.Start <= at && at < p.End) && !Overlaps(actors, at, end))
            {
                people.Add(person with { Start = at, End = end });
            }

            from = end;
        }
    }

    private static string? OrganisationNear(IReadOnlyList<ActorMention> actors, IReadOnlyList<SentenceSpan> sentences, int position)
    {
        var sentence = sentences.FirstOrDefault(s => s.Start <= position && position < s.End);
        return actors.FirstOrDefault(a => a.Person is null && a.Start >= sentence.Start && a.End <= sentence.End)?.Organisation.Name;
    }

    private static bool Overlaps(IReadOnlyList<ActorMention> actors, int start, int end) => actors.Any(a => a.Start < end && start < a.End);

    private const string Word = @"(?:\p{Lu}[\p{Ll}'’\-]+(?:\p{Lu}\p{Ll}+)?|\p{Lu}\.)";

    private const string Name = @"(?<name>" + Word + @"(?:\s" + Word + @"){1,3})";

    private const string Verb = "(?:said|says|wrote|writes|told|tells|added|adds|argued|argues|stated|noted|notes|explained|warned|warns|posted|insisted|declared|remarked|replied|according to|countered|cautioned|stressed|acknowledged|admitted|recalled|predicted|tweeted|testified|claimed|commented|responded|announced|found|ruled|concluded|went on|asked|asks)";

    private const string Descriptor = @"(?:(?:[\p{L}\d&.'’-]+)\s){0,4}?";

    [GeneratedRegex(@"^(?:'s|’s)?\s(?:(?:former|new|outgoing|then|longtime|interim)\s)?(?<role>" + RoleWords.Pattern + @")\b(?-i:(?!\s\p{Lu}\p{Ll}))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RoleAfterOrganisation();

    [GeneratedRegex(@"\b(?<role>" + RoleWords.Pattern + @")\s(?:of|at)\s(?:the\s)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RoleBeforeOrganisation();

    [GeneratedRegex(@"^(?:'s|’s)?\s(?:(?:spokesperson|spokesman|spokeswoman|representative|official|officials|statement|blog\spost|post)\s(?:[\w’']+\s){0,3}?)?" + Verb + @"\b", RegexOptions.CultureInvariant)]
    private static partial Regex OrganisationSpeaks();

    [GeneratedRegex(@"\b(?:said|says|wrote|according\sto|told)\s(?:the\s)?$", RegexOptions.CultureInvariant)]
    private static partial Regex SpeaksOrganisation();

    [GeneratedRegex(@"^(?:'s|’s)?\s*(?:[,.;:)]|$|\s(?:in|on|at|last|this|earlier)\s)", RegexOptions.CultureInvariant)]
    private static partial Regex ClauseEnds();

    [GeneratedRegex(
        @"\b(?:according\sto\s(?:the|its)\s(?<noun>company|firm|lab|agency|department|ministry|commission|report|plan|paper|document|statement|filing|administration|government|institute|foundation|organisation|organization|group)\b|(?:the|its|a|an)\s(?<noun>company|firm|lab|startup|start-up|agency|department|ministry|commission|report|plan|paper|document|statement|text|definition|guidance|readme|release\snotes|blog\spost|post|filing|administration|government|institute|foundation|organisation|organization|group|spokesperson|spokesman|spokeswoman)(?:(?:'s|’s)\s(?:authors|spokesperson|spokesman|spokeswoman|representative|statement))?\s(?:also\s)?(?:said|says|wrote|writes|write|added|adds|stated|states|told|argued|argues|notes|noted|reads|concludes|concluded|recommends|recommended|warned|warns|asks|requires)\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CompanySpeaks();

    [GeneratedRegex(@"\b" + Verb + @"\s" + Descriptor + Name, RegexOptions.CultureInvariant)]
    private static partial Regex SpeakerAfterVerb();

    [GeneratedRegex(Name + @",\s(?:a|an|the|who|whose|one)\s", RegexOptions.CultureInvariant)]
    private static partial Regex PersonWithAppositive();

    [GeneratedRegex(Name + @"(?:,\s[^,.!?]{1,120},)?\s" + Verb + @"\b", RegexOptions.CultureInvariant)]
    private static partial Regex SpeakerBeforeVerb();
}
