using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PolicyBot.Analysis;
using PolicyBot.Extraction;

namespace PolicyBot.Bench.Analyze;

/// <summary>
/// <c>analyze</c>: documents per second through extraction and analysis on one thread — what the pipeline does to
/// each new article. Pages are the evaluation set's, each padded with the bulk real news pages carry (inline JSON
/// state and scripts, CSS, a large navigation menu) to a chosen size, so the figure covers typical 50–200 KB HTML.
/// </summary>
public static class AnalyzeCommand
{
    public static Command Create()
    {
        var seconds = new Option<int>("--seconds") { Description = "Measured seconds per page size.", DefaultValueFactory = _ => 10 };
        var sizes = new Option<int[]>("--kb") { Description = "Page sizes to measure, in KB.", DefaultValueFactory = _ => [50, 100, 200], AllowMultipleArgumentsPerToken = true };
        var command = new Command("analyze", "Extraction + analysis throughput on one thread, over padded evaluation pages.") { seconds, sizes };
        command.SetAction(async (result, token) =>
        {
            var pages = LoadPages();
            if (pages.Count == 0)
            {
                Console.Error.WriteLine("No evaluation pages found under tests/PolicyBot.Tests/TestData/evaluation (run from the repository root).");
                return 1;
            }

            Console.WriteLine(MachineInfo.Describe());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{pages.Count} evaluation pages, one thread, {result.GetValue(seconds)} s per size"));
            foreach (var kb in result.GetValue(sizes)!)
            {
                await MeasureAsync(pages.Select(p => Pad(p, kb * 1024)).ToList(), kb, TimeSpan.FromSeconds(result.GetValue(seconds)), token);
            }

            return 0;
        });
        return command;
    }

    private static async Task MeasureAsync(IReadOnlyList<string> pages, int kb, TimeSpan duration, CancellationToken cancellationToken)
    {
        var extractor = new HtmlTextExtractor();
        var analyzer = new StatementAnalyzer(Options.Create(new AnalysisOptions()), NullLogger<StatementAnalyzer>.Instance);
        var relevant = 0;
        var extractTicks = 0L;
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; warmUp.Elapsed < TimeSpan.FromSeconds(3); i++)
        {
            await RunAsync(pages[i % pages.Count]); // warm-up: JIT tiers and caches
        }

        relevant = 0;
        extractTicks = 0;
        var documents = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            relevant += await RunAsync(pages[documents % pages.Count]) ? 1 : 0;
            documents++;
        }

        var elapsed = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  ~{kb} KB pages (mean {pages.Average(p => Encoding.UTF8.GetByteCount(p)) / 1024:0} KB): {documents / elapsed:0.0} documents/s " +
            $"({1000 * elapsed / documents:0.00} ms each; extraction {100.0 * extractTicks / Stopwatch.Frequency / elapsed:0}% of the time; {relevant} of {documents} relevant)"));

        async Task<bool> RunAsync(string html)
        {
            var start = Stopwatch.GetTimestamp();
            var page = extractor.Extract(html, new Uri("https://news.example/article"), null);
            extractTicks += Stopwatch.GetTimestamp() - start;
            var analysis = await analyzer.AnalyzeAsync(new AnalysisInput(page.Title, page.Text, page.CanonicalUrl, page.PublishedAt, []), cancellationToken);
            return analysis.Relevant;
        }
    }

    private static List<string> LoadPages()
    {
        var root = Path.Combine("tests", "PolicyBot.Tests", "TestData", "evaluation");
        return Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList()
            : [];
    }

    /// <summary>Adds page furniture before &lt;/head&gt; and after &lt;body&gt; until the page reaches the target size.</summary>
    private static string Pad(string html, int targetBytes)
    {
        var missing = targetBytes - Encoding.UTF8.GetByteCount(html);
        if (missing <= 0)
        {
            return html;
        }

        var head = new StringBuilder("<style>");
        var body = new StringBuilder("<nav class=\"mega-menu\"><ul>");
        var state = new StringBuilder("<script>window.__STATE__={\"items\":[");
        for (var i = 0; head.Length + body.Length + state.Length < missing; i++)
        {
            head.Append(CultureInfo.InvariantCulture, $".c{i}{{margin:{i % 7}px;color:#{i % 4096:x3}}}");
            body.Append(CultureInfo.InvariantCulture, $"<li><a href=\"/section/{i}\">Section {i} topics</a></li>");
            state.Append(CultureInfo.InvariantCulture, $"{{\"id\":{i},\"slug\":\"story-{i}\",\"views\":{i * 37}}},");
        }

        head.Append("</style>");
        body.Append("</ul></nav>");
        state.Append("{}]};</script>");
        var withHead = html.Contains("</head>", StringComparison.OrdinalIgnoreCase)
            ? html.Replace("</head>", head + state.ToString() + "</head>", StringComparison.OrdinalIgnoreCase)
            : head + state.ToString() + html;
        var bodyIndex = withHead.IndexOf("<body", StringComparison.OrdinalIgnoreCase);
        var insertAt = bodyIndex < 0 ? 0 : withHead.IndexOf('>', bodyIndex) + 1;
        return withHead.Insert(insertAt, body.ToString());
    }
}
