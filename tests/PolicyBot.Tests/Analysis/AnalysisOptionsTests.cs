using System.ComponentModel.DataAnnotations;
using PolicyBot.Analysis;

namespace PolicyBot.Tests.Analysis;

public sealed class AnalysisOptionsTests
{
    [Fact]
    public void Defaults_Are_Valid_And_Use_The_Default_Terms()
    {
        // Arrange
        var options = new AnalysisOptions();

        // Act
        var errors = Validate(options);

        // Assert
        errors.ShouldBeEmpty();
        options.RelevanceThreshold.ShouldBe(0.5);
        options.EffectiveTerms.ShouldBe(AnalysisOptions.DefaultTerms);
        options.EffectiveTerms.ShouldContain("open source");
        options.EffectiveTerms.ShouldContain("Llama");
    }

    [Fact]
    public void Configured_Terms_Replace_The_Defaults() =>
        new AnalysisOptions { Terms = ["frontier model"] }.EffectiveTerms.ShouldBe(["frontier model"]);

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    public void Threshold_Outside_Zero_To_One_Is_Invalid(double threshold) =>
        Validate(new AnalysisOptions { RelevanceThreshold = threshold }).ShouldContain(e => e.Contains("RelevanceThreshold"));

    [Fact]
    public void Blank_Terms_Are_Invalid() =>
        Validate(new AnalysisOptions { Terms = ["open source", " "] }).ShouldContain(e => e.Contains("blank terms"));

    [Fact]
    public void Missing_Or_Broken_Catalogue_File_Is_Invalid()
    {
        // Arrange
        var broken = Path.Combine(Path.GetTempPath(), $"actors-{Guid.NewGuid():N}.json");
        File.WriteAllText(broken, "{ not json");

        try
        {
            // Act / Assert
            Validate(new AnalysisOptions { CatalogueFile = "/no/such/actors.json" }).ShouldContain(e => e.Contains("does not exist"));
            Validate(new AnalysisOptions { CatalogueFile = broken }).ShouldContain(e => e.Contains("not valid JSON"));
            Validate(new AnalysisOptions { CatalogueFile = AnalysisTestData.PathOf("actors-small.json") }).ShouldBeEmpty();
        }
        finally
        {
            File.Delete(broken);
        }
    }

    private static List<string> Validate(AnalysisOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage ?? "").ToList();
    }
}
