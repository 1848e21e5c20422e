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

    /// <summary>
    /// Writes the package to <paramref name="destination"/>; returns an error instead when the app id is not a GUID or
    /// is the all-zero placeholder of manifests/teams/manifest.json (Teams would accept the zip, but no bot answers).
    /// </summary>
    public static async Task<string?> WriteAsync(string appId, Stream destination, CancellationToken cancellationToken)
    {
        if (!Guid.TryParseExact(appId, "D", out var parsed))
        {
            return "Teams:AppId must be the bot's Microsoft App ID (a GUID such as 6a1f0c3e-5b7d-4e2a-9c8f-1d2e3f4a5b6c).";
        }

        if (parsed == Guid.Empty)
        {
            return "Teams:AppId is the all-zero placeholder GUID: use the bot's Microsoft App ID from its Azure Bot resource.";
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
