namespace PolicyBot.Tests.Evaluation;

/// <summary>The labels of one evaluation article (schema: TestData/evaluation/README.md).</summary>
public sealed record EvaluationLabel(
    string? Url,
    string? Title,
    DateTimeOffset? PublishedAt,
    string? StatementSource,
    bool Relevant,
    IReadOnlyList<string>? Actors,
    string? Stance,
    string? Cluster,
    IReadOnlyList<EvaluationQuote>? Quotes,
    string? Notes);
