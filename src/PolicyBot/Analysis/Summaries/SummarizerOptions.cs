using System.ComponentModel.DataAnnotations;

namespace PolicyBot.Analysis.Summaries;

/// <summary>
/// The <c>Analysis:Summarizer</c> configuration section: an optional LLM summary through any OpenAI-compatible
/// chat-completions endpoint (OpenAI, Azure OpenAI's v1 endpoint, Ollama, vLLM). Off unless <see cref="Provider"/> is
/// <c>openai</c>; the extractive lead summary is used whenever the LLM is off, over budget, slow or untrustworthy.
/// </summary>
public sealed class SummarizerOptions : IValidatableObject
{
    public const string Section = "Analysis:Summarizer";

    /// <summary>No LLM: the extractive summary only.</summary>
    public const string NoProvider = "none";

    /// <summary>Any endpoint speaking the OpenAI chat-completions API.</summary>
    public const string OpenAiProvider = "openai";

    /// <summary><c>none</c> (default) or <c>openai</c>, case-insensitive.</summary>
    public string Provider { get; set; } = NoProvider;

    /// <summary>
    /// The API root that <c>chat/completions</c> is appended to, e.g. <c>https://api.openai.com/v1</c> (default),
    /// <c>https://RESOURCE.openai.azure.com/openai/v1/</c>, <c>http://localhost:11434/v1</c> (Ollama).
    /// </summary>
    public Uri Endpoint { get; set; } = new("https://api.openai.com/v1");

    /// <summary>The model (or Azure deployment) name; required when the provider is <c>openai</c>.</summary>
    public string? Model { get; set; }

    /// <summary>Sent as a bearer token; required when the provider is <c>openai</c> (any non-blank value for Ollama). Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long one summary call may take, end to end, before the extractive summary is used. Default 20 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>LLM calls allowed per UTC day (failed calls count too); 0 means none. Default 200.</summary>
    [Range(0, 1_000_000)]
    public int DailyBudget { get; set; } = 200;

    /// <summary>Characters of the document's text sent to the model; longer text is cut. Default 12,000.</summary>
    [Range(500, 200_000)]
    public int MaxInputChars { get; set; } = 12_000;

    /// <summary>True when <see cref="Provider"/> is <c>openai</c>.</summary>
    public bool Enabled => string.Equals(Provider?.Trim(), OpenAiProvider, StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var provider = Provider?.Trim() ?? "";
        if (!provider.Equals(NoProvider, StringComparison.OrdinalIgnoreCase) && !Enabled)
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(Provider)} must be '{NoProvider}' or '{OpenAiProvider}' (it is '{provider}').", [nameof(Provider)]);
        }

        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(10))
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(Timeout)} must be more than zero and at most 10 minutes (it is {Timeout}).", [nameof(Timeout)]);
        }

        if (!Enabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(Model))
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(Model)} is required when {Section}:{nameof(Provider)} is '{OpenAiProvider}'.", [nameof(Model)]);
        }

        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(ApiKey)} is required when {Section}:{nameof(Provider)} is '{OpenAiProvider}' (any non-blank value for servers that ignore it, such as Ollama).",
                [nameof(ApiKey)]);
        }

        if (Endpoint is not { IsAbsoluteUri: true } endpoint || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(Endpoint)} must be an absolute http:// or https:// address.", [nameof(Endpoint)]);
        }
    }
}
