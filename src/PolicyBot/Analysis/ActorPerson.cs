namespace PolicyBot.Analysis;

/// <summary>A person in the actors catalogue: full name, other spellings (a surname alone, say) and role.</summary>
public sealed record ActorPerson(string Name, IReadOnlyList<string>? Aliases, string? Role);
