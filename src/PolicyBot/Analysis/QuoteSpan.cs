namespace PolicyBot.Analysis;

/// <summary>A direct quotation found in a text: the trimmed words inside, and where its quote marks sit.</summary>
/// <param name="Start">Index of the first quoted character kept.</param>
/// <param name="Length">Length of the quoted words kept (a verbatim substring of the text).</param>
/// <param name="Open">Index of the opening quote mark.</param>
/// <param name="Close">Index just after the closing quote mark.</param>
internal sealed record QuoteSpan(int Start, int Length, int Open, int Close);
