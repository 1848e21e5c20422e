namespace PolicyBot.Analysis;

/// <summary>
/// An organisation in the actors catalogue. <see cref="Kind"/> is "company", "lab", "government" or
/// "open-source-body". <see cref="UnlessNear"/> lists words that, in the same sentence, cancel a match of the
/// organisation's one-word names ("Apple" near "orchard" is the fruit).
/// </summary>
public sealed record ActorOrganisation(
    string Name,
    string Kind,
    IReadOnlyList<string>? Aliases,
    IReadOnlyList<ActorPerson>? People,
    IReadOnlyList<string>? UnlessNear = null);
