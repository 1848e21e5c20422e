namespace PolicyBot.Commands;

/// <summary>The first words of the <c>/policy</c> grammar, and the closest one to a misspelt word.</summary>
public static class CommandVerbs
{
    public static IReadOnlyList<string> All { get; } = ["help", "latest", "search", "sources", "subscribe", "unsubscribe", "status"];

    /// <summary>The verb at most two edits from <paramref name="word"/> (one for short words), if any.</summary>
    public static string? Closest(string word)
    {
        var folded = CommandText.Fold(word);
        if (folded.Length < 3 || folded.Length > 20)
        {
            return null;
        }

        var allowed = folded.Length <= 4 ? 1 : 2;
        return All.Select(v => (Verb: v, Distance: EditDistance.Between(folded, v)))
            .Where(c => c.Distance <= allowed)
            .OrderBy(c => c.Distance)
            .Select(c => c.Verb)
            .FirstOrDefault();
    }
}
