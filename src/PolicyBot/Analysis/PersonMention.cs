namespace PolicyBot.Analysis;

/// <summary>
/// A named speaker in a text and their organisation: a person (from the catalogue, a catalogue role such as
/// "Meta's chief executive", or a name next to a speech verb), or — when <see cref="IsOrganisation"/> — an
/// organisation speaking for itself ("a Meta spokesperson said", "OpenAI said in a statement").
/// </summary>
internal sealed record PersonMention(int Start, int End, string Name, string? Organisation, bool IsOrganisation = false);
