using System.ComponentModel.DataAnnotations;
using PolicyBot.Analysis.Summaries;

namespace PolicyBot.Tests.Analysis.Summaries;

public sealed class SummarizerOptionsTests
{
    [Fact]
    public void Defaults_Are_Off_With_OpenAI_Endpoint_20_Seconds_200_Calls_And_12000_Characters()
    {
        var options = new SummarizerOptions();

        options.Provider.ShouldBe("none");
        options.Enabled.ShouldBeFalse();
        options.Endpoint.ShouldBe(new Uri("https://api.openai.com/v1"));
        options.Timeout.ShouldBe(TimeSpan.FromSeconds(20));
        options.DailyBudget.ShouldBe(200);
        options.MaxInputChars.ShouldBe(12_000);
        Errors(options).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("openai")]
    [InlineData("OpenAI")]
    [InlineData(" openai ")]
    public void OpenAI_Provider_With_Model_And_Key_Is_Valid(string provider)
    {
        var options = new SummarizerOptions { Provider = provider, Model = "gpt-4o-mini", ApiKey = "k" };

        options.Enabled.ShouldBeTrue();
        Errors(options).ShouldBeEmpty();
    }

    [Fact]
    public void OpenAI_Provider_Without_Model_Or_Key_Names_Both_Keys()
    {
        var errors = Errors(new SummarizerOptions { Provider = "openai", Model = " ", ApiKey = null });

        errors.Count.ShouldBe(2);
        errors.ShouldContain(e => e.Contains("Analysis:Summarizer:Model is required"));
        errors.ShouldContain(e => e.Contains("Analysis:Summarizer:ApiKey is required"));
    }

    [Theory]
    [InlineData("ftp://models.example/v1")]
    [InlineData("file:///etc/passwd")]
    [InlineData("v1/chat")]
    public void OpenAI_Provider_Needs_An_Absolute_Http_Endpoint(string endpoint)
    {
        var options = new SummarizerOptions { Provider = "openai", Model = "m", ApiKey = "k", Endpoint = new Uri(endpoint, UriKind.RelativeOrAbsolute) };

        Errors(options).ShouldHaveSingleItem().ShouldContain("Analysis:Summarizer:Endpoint must be an absolute http:// or https://");
    }

    [Fact]
    public void Provider_None_Ignores_Missing_Model_Key_And_Odd_Endpoint()
    {
        var options = new SummarizerOptions { Provider = "none", Endpoint = new Uri("ftp://x/") };

        Errors(options).ShouldBeEmpty();
    }

    [Fact]
    public void Unknown_Provider_Is_Named()
    {
        Errors(new SummarizerOptions { Provider = "anthropic" }).ShouldHaveSingleItem()
            .ShouldContain("Analysis:Summarizer:Provider must be 'none' or 'openai' (it is 'anthropic')");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(601)]
    public void Timeout_Outside_Zero_To_Ten_Minutes_Is_Rejected(int seconds)
    {
        Errors(new SummarizerOptions { Timeout = TimeSpan.FromSeconds(seconds) }).ShouldHaveSingleItem().ShouldContain("Timeout");
    }

    [Theory]
    [InlineData(-1, 12_000)]
    [InlineData(10, 100)]
    public void Budget_And_Input_Size_Ranges_Are_Checked(int budget, int maxInput)
    {
        Errors(new SummarizerOptions { DailyBudget = budget, MaxInputChars = maxInput }).ShouldNotBeEmpty();
    }

    private static List<string> Errors(SummarizerOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage ?? "").ToList();
    }
}
