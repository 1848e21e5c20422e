namespace PolicyBot.Commands;

/// <summary>One word of command text, or one quoted phrase without its quotes.</summary>
public sealed record CommandToken(string Text, bool Quoted);
