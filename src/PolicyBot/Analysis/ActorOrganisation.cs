namespace PolicyBot.Analysis;

/// <summary>
/// An organisation in the actors catalogue. <see cref="Kind"/> is "company", "lab", "government" or
/// "open-source-body".
/// </summary>
public sealed record ActorOrganisation(string Name, string Kind, IReadOnlyList<string>? Aliases, IReadOnlyList<ActorPerson>? People);
