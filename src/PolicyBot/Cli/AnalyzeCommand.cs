using System.CommandLine;
using System.Text;
using PolicyBot.Alerting;
using PolicyBot.Analysis;
using PolicyBot.Extraction;
using PolicyBot.Fetching;

namespace PolicyBot.Cli;

/// <summary><c>analyze &lt;file-or-url&gt; [--json]</c>: extraction and analysis of one document, exactly as the pipeline does it.</summary>
public static class AnalyzeCommand
{
    private const long MaxFileBytes = 20 * 1024 * 1024;

    public static Command Create(CliEnvironment environment)
    {
        var target = new Argument<string>("file-or-url") { Description = ".html/.htm as a web page, .txt as plain article text, or an http(s) URL to fetch." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var command = new Command("analyze", "Extract and analyse one document.") { target, json };
        command.SetAction((result, token) => SourcesCommand.WithHost(environment, token, async services =>
        {
            var (document, error) = await LoadAsync(services, result.GetValue(target)!, token);
            if (document is null)
            {
                var shown = Uri.TryCreate(result.GetValue(target), UriKind.Absolute, out var uri) && !uri.IsFile ? UrlPolicy.Redact(uri) : result.GetValue(target);
                await environment.Error.WriteLineAsync($"Cannot analyse {shown}: {error}");
                return 1;
            }

            var analysis = await services.GetRequiredService<StatementAnalyzer>().AnalyzeAsync(
                new AnalysisInput(document.Title, document.Text, document.CanonicalUrl, document.PublishedAt, []), token);
            var report = AnalysisReport.From(document, analysis);
            await environment.Out.WriteLineAsync(result.GetValue(json) ? AlertJson.Serialize(report) : report.ToText());
            return 0;
        }));
        return command;
    }

    private static async Task<(ExtractedPage? Document, string? Error)> LoadAsync(IServiceProvider services, string target, CancellationToken cancellationToken)
    {
        var extractor = services.GetRequiredService<HtmlTextExtractor>();
        var decoder = services.GetRequiredService<BodyDecoder>();
        if (target.Contains("://", StringComparison.Ordinal))
        {
            if (UrlPolicy.Validate(target) is { } problem)
            {
                return (null, problem);
            }

            var fetch = await services.GetRequiredService<HttpFetcher>().FetchAsync(new FetchRequest(new Uri(target), null, null), cancellationToken);
            if (fetch.Outcome != FetchOutcome.Fetched)
            {
                return (null, fetch.Error ?? $"the server answered {fetch.Status}");
            }

            var text = decoder.Decode(fetch.Body, fetch.ContentType).Text;
            var isHtml = fetch.ContentType?.Contains("html", StringComparison.OrdinalIgnoreCase) ?? LooksLikeHtml(text);
            var page = isHtml ? extractor.Extract(text, fetch.FinalUrl, null) : FromPlainText(text);
            return (page with { CanonicalUrl = page.CanonicalUrl ?? fetch.FinalUrl.ToString() }, null);
        }

        var file = new FileInfo(target);
        if (!file.Exists)
        {
            return (null, "no such file");
        }

        if (file.Length > MaxFileBytes)
        {
            return (null, $"the file is larger than {MaxFileBytes / (1024 * 1024)} MB");
        }

        var bytes = await File.ReadAllBytesAsync(file.FullName, cancellationToken);
        var content = decoder.Decode(bytes, null).Text;
        var extension = file.Extension.ToLowerInvariant();
        var html = extension is ".html" or ".htm" || (extension != ".txt" && LooksLikeHtml(content));
        var extracted = html ? extractor.Extract(content, new Uri(file.FullName), null) : FromPlainText(content);
        return (extracted with { CanonicalUrl = extracted.CanonicalUrl ?? new Uri(file.FullName).ToString() }, null);
    }

    /// <summary>Plain article text: the first short line is the title; paragraphs are kept.</summary>
    private static ExtractedPage FromPlainText(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var paragraphs = new StringBuilder();
        foreach (var line in lines.Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            paragraphs.Append(line).Append("\n\n");
        }

        var title = lines.Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        return new ExtractedPage(title is { Length: <= 300 } ? title : null, paragraphs.ToString().TrimEnd(), null, null, null);
    }

    private static bool LooksLikeHtml(string text) =>
        text.AsSpan().TrimStart().StartsWith("<", StringComparison.Ordinal) && text.Contains("<html", StringComparison.OrdinalIgnoreCase);
}
