using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using PolicyBot.Alerting;
using PolicyBot.Analysis;
using PolicyBot.Analysis.Summaries;
using PolicyBot.Data;
using PolicyBot.Polling;
using PolicyBot.Sources;

namespace PolicyBot.Tests.Hosting;

/// <summary>appsettings.sample.json must list every option the code reads, and nothing the code does not.</summary>
public sealed class SampleConfigurationTests
{
    private static readonly IConfigurationRoot Sample = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.sample.json"), optional: false)
        .Build();

    public static TheoryData<string, Type> Sections => new()
    {
        { StorageOptions.Section, typeof(StorageOptions) },
        { PollingOptions.Section, typeof(PollingOptions) },
        { AnalysisOptions.Section, typeof(AnalysisOptions) },
        { AlertingOptions.Section, typeof(AlertingOptions) },
        { SummarizerOptions.Section, typeof(SummarizerOptions) },
        { PolicyBot.Commands.AdminsOptions.Section, typeof(PolicyBot.Commands.AdminsOptions) },
        { PolicyBot.Slack.SlackOptions.Section, typeof(PolicyBot.Slack.SlackOptions) },
        { PolicyBot.Teams.TeamsOptions.Section, typeof(PolicyBot.Teams.TeamsOptions) },
    };

    /// <summary>Sections bound to their own options class, inside a parent section.</summary>
    private static readonly HashSet<string> NestedSections = new(StringComparer.OrdinalIgnoreCase) { SummarizerOptions.Section };

    [Theory]
    [MemberData(nameof(Sections))]
    public void Each_Section_Binds_Validates_And_Lists_Every_Option(string section, Type optionsType)
    {
        var options = Activator.CreateInstance(optionsType)!;
        var values = Sample.GetSection(section).GetChildren().Where(c => !NestedSections.Contains($"{section}:{c.Key}"))
            .SelectMany(c => c.AsEnumerable()).Where(kv => kv.Value is not null)
            .Select(kv => new KeyValuePair<string, string?>(kv.Key[(section.Length + 1)..], kv.Value));
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().Bind(options, o => o.ErrorOnUnknownConfiguration = true);
        var results = new List<ValidationResult>();

        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true).ShouldBeTrue(string.Join("; ", results));
        var listed = Sample.GetSection(section).GetChildren().Select(c => c.Key).Where(k => !NestedSections.Contains($"{section}:{k}")).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var properties = optionsType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name);
        properties.Where(p => !listed.Contains(p)).ShouldBeEmpty($"options of {section} missing from appsettings.sample.json");
    }

    [Fact]
    public void The_Sample_Sources_Are_Valid_And_Use_Only_Known_Keys()
    {
        var items = new List<SourceDefinition>();
        Sample.GetSection(SourcesOptions.Section).Bind(items, o => o.ErrorOnUnknownConfiguration = true);

        var result = new SourcesOptionsValidator(new SourceDefinitionValidator()).Validate(null, new SourcesOptions { Items = items });

        items.Count.ShouldBeGreaterThan(0);
        result.Succeeded.ShouldBeTrue(result.FailureMessage);
    }

    [Fact]
    public void The_Sample_Has_No_Section_The_Code_Does_Not_Read()
    {
        var known = new[] { "Storage", "Polling", "Sources", "Analysis", "Alerting", "Admins", "Slack", "Teams", "Logging" };

        Sample.GetChildren().Select(c => c.Key).Where(k => !known.Contains(k)).ShouldBeEmpty();
    }
}
