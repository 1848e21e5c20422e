namespace PolicyBot.Analysis;

/// <summary>A named person in a text (from the catalogue, or a name next to a speech verb) and their organisation.</summary>
internal sealed record PersonMention(int Start, int End, string Name, string? Organisation);
