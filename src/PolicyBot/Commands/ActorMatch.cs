using PolicyBot.Analysis;

namespace PolicyBot.Commands;

/// <summary>A catalogue actor a name resolved to: an organisation, or a person and their organisation.</summary>
public sealed record ActorMatch(ActorOrganisation Organisation, ActorPerson? Person)
{
    /// <summary>How the actor is named in replies: "Meta", or "Mark Zuckerberg (Meta)".</summary>
    public string Display => Person is null ? Organisation.Name : $"{Person.Name} ({Organisation.Name})";

    /// <summary>The name to type to ask for this actor.</summary>
    public string Name => Person?.Name ?? Organisation.Name;
}
