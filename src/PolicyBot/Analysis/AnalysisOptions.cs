using System.ComponentModel.DataAnnotations;

namespace PolicyBot.Analysis;

/// <summary>The <c>Analysis</c> configuration section: what counts as on-topic and which actors are known.</summary>
public sealed class AnalysisOptions : IValidatableObject
{
    public const string Section = "Analysis";

    /// <summary>
    /// A document is relevant when its score (see <see cref="RelevanceScorer"/>) reaches this. The default 0.5 sits
    /// above the most a single passing mention of one term can score (0.39, however many actors are named), and is
    /// reached by topic evidence worth two mentions (two distinct terms, a term in the title, or one term used three
    /// times) together with a named actor (0.55 and up), or by three distinct terms alone (0.58).
    /// </summary>
    [Range(0.0, 1.0)]
    public double RelevanceThreshold { get; set; } = 0.5;

    /// <summary>
    /// Topic terms and phrases, matched case-insensitively at word boundaries, hyphens and spaces alike.
    /// Empty means <see cref="DefaultTerms"/> (configuration binding appends to lists, so defaults are not preset).
    /// </summary>
    public List<string> Terms { get; set; } = [];

    /// <summary>An actors JSON file that replaces the bundled catalogue (schema in <see cref="ActorCatalogue"/>).</summary>
    public string? CatalogueFile { get; set; }

    /// <summary>Open-source / open-weights AI policy vocabulary. "Licence" is qualified so export licences do not count.</summary>
    public static IReadOnlyList<string> DefaultTerms { get; } =
    [
        "open source", "open-sourcing", "open-sourced", "open-sources", "open weights", "open-weight", "open model", "open models",
        "openly release", "openly released", "openly available", "model weights", "weights openly", "closed models", "closed-source",
        "proprietary models", "proprietary model", "open AI models", "Open Source AI Definition", "open-washing",
        "Llama", "Gemma", "Qwen", "gpt-oss", "open licence", "open license", "model licence", "model license",
        "community license", "permissive licence", "permissive license", "Apache 2.0", "widely available model weights",
    ];

    /// <summary>The terms in force: <see cref="Terms"/>, or <see cref="DefaultTerms"/> when none are configured.</summary>
    public IReadOnlyList<string> EffectiveTerms => Terms.Count > 0 ? Terms : DefaultTerms;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Terms.Any(string.IsNullOrWhiteSpace))
        {
            yield return new ValidationResult("Analysis:Terms must not contain blank terms.", [nameof(Terms)]);
        }

        if (!string.IsNullOrWhiteSpace(CatalogueFile) && ActorCatalogue.LoadFile(CatalogueFile).Error is { } error)
        {
            yield return new ValidationResult($"Analysis:CatalogueFile: {error}", [nameof(CatalogueFile)]);
        }
    }
}
