namespace PolicyBot.History;

/// <summary>Where one sentence sits in a text: a trimmed, non-empty range of the original characters.</summary>
public readonly record struct SentenceSpan(int Start, int Length)
{
    public int End => Start + Length;
}
