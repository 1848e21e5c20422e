namespace PolicyBot.History;

/// <summary>The sentences a new version of a text added and removed, noise ignored.</summary>
public sealed record TextChange(IReadOnlyList<string> Added, IReadOnlyList<string> Removed)
{
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0;
}
