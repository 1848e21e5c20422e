using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Analysis.Summaries;

namespace PolicyBot.Tests.Analysis.Summaries;

public sealed class SummariesServiceCollectionExtensionsTests
{
    [Fact]
    public void Options_Are_Bound_From_Analysis_Summarizer_And_The_Summarizer_Is_One_Singleton()
    {
        using var provider = Build(new()
        {
            ["Analysis:Summarizer:Provider"] = "openai",
            ["Analysis:Summarizer:Endpoint"] = "http://127.0.0.1:11434/v1/",
            ["Analysis:Summarizer:Model"] = "llama3.1:8b",
            ["Analysis:Summarizer:ApiKey"] = "ollama",
            ["Analysis:Summarizer:Timeout"] = "00:00:45",
            ["Analysis:Summarizer:DailyBudget"] = "50",
            ["Analysis:Summarizer:MaxInputChars"] = "8000",
        });

        var options = provider.GetRequiredService<IOptions<SummarizerOptions>>().Value;
        var summarizer = provider.GetRequiredService<LlmSummarizer>();

        options.Endpoint.ShouldBe(new Uri("http://127.0.0.1:11434/v1/"));
        options.Model.ShouldBe("llama3.1:8b");
        options.Timeout.ShouldBe(TimeSpan.FromSeconds(45));
        options.DailyBudget.ShouldBe(50);
        options.MaxInputChars.ShouldBe(8_000);
        summarizer.Enabled.ShouldBeTrue();
        provider.GetRequiredService<LlmSummarizer>().ShouldBeSameAs(summarizer);
    }

    [Fact]
    public void Missing_Section_Means_Disabled()
    {
        using var provider = Build([]);

        provider.GetRequiredService<IStartupValidator>().Validate();

        provider.GetRequiredService<LlmSummarizer>().Enabled.ShouldBeFalse();
    }

    [Fact]
    public void Invalid_Section_Fails_Startup_Validation_Naming_The_Key()
    {
        using var provider = Build(new() { ["Analysis:Summarizer:Provider"] = "openai", ["Analysis:Summarizer:Model"] = "m" });

        var error = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        error.Message.ShouldContain("Analysis:Summarizer:ApiKey is required");
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSummaries();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
