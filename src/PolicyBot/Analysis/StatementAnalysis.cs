namespace PolicyBot.Analysis;

/// <summary>What the analyzer is given: one document's extracted text and metadata.</summary>
public sealed record AnalysisInput(string? Title, string Text, string? Url, DateTimeOffset? PublishedAt, IReadOnlyList<string> SourceOrgs);

/// <summary>A verbatim quote (a substring of the analysed text) and who said it.</summary>
public sealed record Quote(string Text, string? Speaker, string? Org, string Stance);

/// <summary>An organisation named in the document and how often.</summary>
public sealed record OrgMention(string Name, int Mentions);

/// <summary>What the analyzer understood of one document. Stance is "open", "cautious", "neutral" or "mixed".</summary>
public sealed record StatementAnalysis(
    bool Relevant,
    double Relevance,
    IReadOnlyList<string> Matched,
    IReadOnlyList<OrgMention> Orgs,
    string Stance,
    string Summary,
    IReadOnlyList<Quote> Quotes);
