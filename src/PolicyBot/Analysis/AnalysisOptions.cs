using System.ComponentModel.DataAnnotations;

namespace PolicyBot.Analysis;

/// <summary>The <c>Analysis</c> configuration section: what counts as on-topic and which actors are known.</summary>
public sealed class AnalysisOptions : IValidatableObject
{
    public const string Section = "Analysis";

    /// <summary>
    /// A document is relevant when its score (see <see cref="RelevanceScorer"/>) reaches this. The default 0.5 sits
    /// above what one passing on-topic sentence can score, however many actors are named, and is reached by a
    /// topical title with one topical sentence, or by three topical sentences.
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
        "proprietary models", "proprietary model", "open AI models", "Open Source AI Definition", "open-washing", "open-source AI",
        "open-source model", "open-source models", "open-weights model", "open foundation model", "open foundation models",
        "open AI weights", "open AI systems", "open-weight AI", "openly available model weights", "publish the weights",
        "published the weights", "publishes the weights", "release the weights", "released the weights", "releasing the weights",
        "release its weights", "released its weights", "model's weights", "weights of its models", "weights of their models",
        "Llama", "Gemma", "Qwen", "gpt-oss", "open licence", "open license", "model licence", "model license",
        "community license", "permissive licence", "permissive license", "Apache 2.0", "widely available model weights",
    ];

    /// <summary>The terms in force: <see cref="Terms"/>, or <see cref="DefaultTerms"/> when none are configured.</summary>
    public IReadOnlyList<string> EffectiveTerms => Terms.Count > 0 ? Terms : DefaultTerms;

    /// <summary>
    /// AI vocabulary that gives a sentence its AI angle: a topic term counts only with one of these in its sentence or
    /// a neighbouring one, so open-source software news and "open" in other senses do not count. The field, models and
    /// weights, and model families that are neither topic terms themselves nor ordinary words or names ("Gemini" the
    /// star sign, "Claude", "Falcon" are left out). (Not bound from configuration.)
    /// </summary>
    public static IReadOnlyList<string> DefaultContextTerms { get; } =
    [
        "AI", "A.I.", "artificial intelligence", "model", "models", "LLM", "LLMs", "large language model", "language models",
        "machine learning", "weights", "chatbot", "chatbots", "generative", "frontier", "neural", "foundation model",
        "superintelligence", "AGI", "DeepSeek", "GPT", "gpt-oss", "OLMo", "checkpoints", "training data", "inference",
        "fine-tune", "fine-tuning",
    ];

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
