using System.Text;

namespace PolicyBot.Tests.Sources.Feeds;

/// <summary>One row of TestData/feeds/index.csv (see MANIFEST.md there).</summary>
public sealed record FeedCorpusCase(
    string File,
    string Format,
    bool WellFormed,
    string WhatItTests,
    string Expected,
    string Category,
    string HttpHeaders,
    string SourceRepo,
    string SourcePath)
{
    public static readonly string Root = Path.Combine(AppContext.BaseDirectory, "TestData", "feeds");

    private static readonly Lazy<IReadOnlyList<FeedCorpusCase>> Cases = new(Load);

    public static IReadOnlyList<FeedCorpusCase> All => Cases.Value;

    public bool IsFeedparser => SourceRepo == "kurtmckee/feedparser";

    public bool IsGofeedUniversal => Category.StartsWith("gofeed-universal", StringComparison.Ordinal);

    public byte[] ReadBytes() => System.IO.File.ReadAllBytes(Path.Combine(Root, File));

    /// <summary>The Content-Type header the original suite served the file with, if any.</summary>
    public string? ContentType => Header("Content-Type");

    /// <summary>
    /// feedparser's harness served every fixture from http://127.0.0.1:8097/&lt;path&gt;; a Content-Location
    /// header overrides that document URI. gofeed parsed files without a URI.
    /// </summary>
    public Uri? BaseUri
    {
        get
        {
            if (!IsFeedparser)
            {
                return null;
            }

            var documentUri = new Uri("http://127.0.0.1:8097/" + SourcePath);
            return Header("Content-Location") is { } location
                && Uri.TryCreate(documentUri, location, out var resolved) && resolved.Scheme is "http" or "https"
                ? resolved
                : documentUri;
        }
    }

    public override string ToString() => File;

    private string? Header(string name)
    {
        foreach (var line in HttpHeaders.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':');
            if (colon > 0 && line[..colon].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return line[(colon + 1)..].Trim();
            }
        }

        return null;
    }

    private static IReadOnlyList<FeedCorpusCase> Load()
    {
        var rows = ReadCsv(System.IO.File.ReadAllText(Path.Combine(Root, "index.csv"), Encoding.UTF8));
        var header = rows[0];
        int Col(string name) => Array.IndexOf(header, name);
        return rows.Skip(1).Where(r => r.Length == header.Length).Select(r => new FeedCorpusCase(
            r[Col("file")], r[Col("format")], r[Col("wellformed")] == "yes", r[Col("what_it_tests")], r[Col("expected")],
            r[Col("category")], r[Col("http_headers")], r[Col("source_repo")], r[Col("source_path")])).ToList();
    }

    /// <summary>RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines.</summary>
    internal static List<string[]> ReadCsv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add([.. row]);
        }

        return rows;
    }
}
