using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PolicyBot.Teams;

/// <summary>
/// Builds the Teams app package: a zip of <c>manifest.json</c> (manifests/teams, embedded at build time) with the
/// bot's Microsoft App ID filled in, and the two icons. Upload it in Teams (Apps → Manage your apps → Upload an app)
/// or the Teams admin centre.
/// </summary>
public static class TeamsAppPackager
{
    public static readonly IReadOnlyList<string> Files = ["manifest.json", "color.png", "outline.png"];

    private const string ResourcePrefix = "PolicyBot.Teams.Package.";

    /// <summary>Writes the package to <paramref name="destination"/>; returns an error instead when the app id is not a GUID.</summary>
    public static async Task<string?> WriteAsync(string appId, Stream destination, CancellationToken cancellationToken)
    {
        if (!Guid.TryParseExact(appId, "D", out _))
        {
            return "Teams:AppId must be the bot's Microsoft App ID (a GUID such as 00000000-0000-0000-0000-000000000000).";
        }

        using var archive = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var file in Files)
        {
            await using var source = typeof(TeamsAppPackager).Assembly.GetManifestResourceStream(ResourcePrefix + file)
                ?? throw new InvalidOperationException($"The build did not embed manifests/teams/{file}.");
            var entry = archive.CreateEntry(file, CompressionLevel.Optimal);
            entry.LastWriteTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero); // reproducible zips
            await using var target = await entry.OpenAsync(cancellationToken);
            if (file == "manifest.json")
            {
                var manifest = (await JsonNode.ParseAsync(source, cancellationToken: cancellationToken))!.AsObject();
                foreach (var bot in manifest["bots"]!.AsArray())
                {
                    bot!["botId"] = appId.ToLowerInvariant();
                }

                await JsonSerializer.SerializeAsync(target, manifest, new JsonSerializerOptions { WriteIndented = true }, cancellationToken);
            }
            else
            {
                await source.CopyToAsync(target, cancellationToken);
            }
        }

        return null;
    }
}
