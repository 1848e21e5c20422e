namespace PolicyBot.Analysis;

/// <summary>A quote with how much it belongs in an alert, where it starts, and whether it is recalled from the past.</summary>
internal sealed record RankedQuote(Quote Quote, double Rank, int Position, bool Background);
