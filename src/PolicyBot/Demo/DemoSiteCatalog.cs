using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace PolicyBot.Demo;

/// <summary>
/// The demo site's pages: which embedded template is served at which path on which day, and the rendering
/// of a whole day into immutable documents.
/// </summary>
internal sealed class DemoSiteCatalog
{
    public const string FeedPath = "/feed.xml";
    public const string OutletAArticlePath = "/outlet-a/zuckerberg-open-source-caution.html";
    public const string OutletBArticlePath = "/outlet-b/meta-open-weights-retreat.html";
    public const string PolicyPagePath = "/policy/open-weights-policy.html";

    private const string HtmlType = "text/html; charset=utf-8";
    private const string RssType = "application/rss+xml; charset=utf-8";

    /// <summary>A served path, the template behind it and the days (1 or 2) it exists on.</summary>
    private sealed record Route(string Path, string Template, string ContentType, int FirstDay, int LastDay);

    private static readonly Route[] Routes =
    [
        new(FeedPath, "feed.xml", RssType, 1, 2),
        new(OutletAArticlePath, "outlet-a/zuckerberg-open-source-caution.html", HtmlType, 1, 2),
        new(OutletBArticlePath, "outlet-b/meta-open-weights-retreat.html", HtmlType, 2, 2),
        new(PolicyPagePath, "policy/open-weights-policy.v1.html", HtmlType, 1, 1),
        new(PolicyPagePath, "policy/open-weights-policy.v2.html", HtmlType, 2, 2),
    ];

    private readonly IReadOnlyDictionary<string, string> _templates;

    private DemoSiteCatalog(IReadOnlyDictionary<string, string> templates) => _templates = templates;

    /// <summary>Reads every template from the resources embedded in this assembly.</summary>
    public static DemoSiteCatalog Load()
    {
        var assembly = typeof(DemoSiteCatalog).Assembly;
        var names = assembly.GetManifestResourceNames();
        var templates = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var template in Routes.Select(r => r.Template).Distinct())
        {
            templates[template] = ReadTemplate(assembly, names, template);
        }

        return new DemoSiteCatalog(templates);
    }

    /// <summary>
    /// The manifest resource name suffix MSBuild gives <c>Demo/Site/&lt;relativePath&gt;</c>: folders become
    /// dot-separated identifiers (characters such as '-' turn into '_'), the file name is kept as is.
    /// </summary>
    public static string ResourceSuffix(string relativePath)
    {
        var segments = relativePath.Split('/');
        var folders = segments[..^1].Select(ToIdentifier);
        return string.Join('.', ["Demo", "Site", .. folders, segments[^1]]);
    }

    /// <summary>Renders every path that exists on the context's day.</summary>
    /// <param name="previous">The documents of the previous day: an unchanged body keeps its ETag and Last-Modified.</param>
    public IReadOnlyDictionary<string, DemoDocument> RenderDay(
        Uri baseUrl,
        DateTimeOffset dayOne,
        DateTimeOffset? dayTwo,
        IReadOnlyDictionary<string, DemoDocument>? previous)
    {
        var day = dayTwo is null ? 1 : 2;
        var servedSince = dayTwo ?? dayOne;
        var documents = new Dictionary<string, DemoDocument>(StringComparer.Ordinal);
        foreach (var route in Routes.Where(r => r.FirstDay <= day && day <= r.LastDay))
        {
            var context = new DemoRenderContext(baseUrl, dayOne, dayTwo, UseRfc1123: route.ContentType == RssType);
            var body = Encoding.UTF8.GetBytes(DemoTemplateRenderer.Render(_templates[route.Template], context));
            var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..20]}\"";
            documents[route.Path] = previous is not null && previous.TryGetValue(route.Path, out var earlier) && earlier.ETag == etag
                ? earlier
                : new DemoDocument(body, route.ContentType, etag, servedSince);
        }

        return documents;
    }

    private static string ReadTemplate(Assembly assembly, string[] names, string relativePath)
    {
        var suffix = "." + ResourceSuffix(relativePath);
        var name = names.SingleOrDefault(n => n.EndsWith(suffix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The demo site resource for '{relativePath}' is not embedded in {assembly.GetName().Name}.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static string ToIdentifier(string folder)
    {
        var chars = folder.Select(c => char.IsLetterOrDigit(c) || c == '_' ? c : '_').ToArray();
        var identifier = new string(chars);
        return identifier.Length > 0 && char.IsDigit(identifier[0]) ? "_" + identifier : identifier;
    }
}
