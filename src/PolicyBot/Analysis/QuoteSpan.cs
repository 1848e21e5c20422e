namespace PolicyBot.Analysis;

/// <summary>A direct quotation found in a text: the trimmed words inside, and where its quote marks sit.</summary>
/// <param name="Start">Index of the first quoted character kept.</param>
/// <param name="Length">Length of the quoted words kept (a verbatim substring of the text).</param>
/// <param name="Open">Index of the opening quote mark.</param>
/// <param name="Close">Index just after the closing quote mark (for a part continued in the next paragraph, the paragraph's end).</param>
/// <param name="Chain">The <see cref="Open"/> of the first part of a quotation continued across paragraphs; its own otherwise.</param>
internal sealed record QuoteSpan(int Start, int Length, int Open, int Close, int Chain)
{
    public int End => Start + Length;

    /// <summary>Whether this part is continued in the next paragraph (it has no closing mark of its own).</summary>
    public bool Continued { get; init; }
}
