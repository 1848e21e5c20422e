using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PolicyBot.Analysis.Summaries;

/// <summary>Registers the optional LLM summarizer.</summary>
public static class SummariesServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="SummarizerOptions"/> to <c>Analysis:Summarizer</c> (validated on start: a provider of
    /// <c>openai</c> needs Model, ApiKey and an http(s) Endpoint) and adds <see cref="LlmSummarizer"/> as a singleton
    /// (it owns the day's call count). Needs logging; adds the system clock if no <see cref="TimeProvider"/> is registered.
    /// </summary>
    public static IServiceCollection AddSummaries(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<SummarizerOptions>().BindConfiguration(SummarizerOptions.Section).ValidateDataAnnotations();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LlmSummarizer>();
        return services;
    }
}
