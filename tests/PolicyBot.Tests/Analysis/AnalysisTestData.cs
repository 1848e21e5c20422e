using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PolicyBot.Analysis;

namespace PolicyBot.Tests.Analysis;

/// <summary>Loads the hand-written test articles (title line, blank line, body) and builds analyzers.</summary>
internal static class AnalysisTestData
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "analysis", name);

    public static AnalysisInput Article(string name, params string[] sourceOrgs)
    {
        var content = File.ReadAllText(PathOf(name)).Replace("\r\n", "\n");
        var split = content.IndexOf("\n\n", StringComparison.Ordinal);
        return new AnalysisInput(content[..split], content[(split + 2)..], $"https://example.com/{name}", null, sourceOrgs);
    }

    public static StatementAnalyzer Analyzer(AnalysisOptions? options = null) =>
        new(Options.Create(options ?? new AnalysisOptions()), NullLogger<StatementAnalyzer>.Instance);
}
