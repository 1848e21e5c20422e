using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PolicyBot.Slack;

namespace PolicyBot.Tests.Slack;

/// <summary>manifests/slack/manifest.yaml is valid against Slack's manifest schema and matches what the code does.</summary>
public sealed partial class SlackManifestTests
{
    private static readonly JsonSchemaSubsetValidator Schema = new(
        (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "schemas", "slack-manifest.schema.1.0.0.json")))!);

    private static string ManifestPath
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "manifests", "slack", "manifest.yaml");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new FileNotFoundException("manifests/slack/manifest.yaml not found above the test output folder");
        }
    }

    private static JsonObject Manifest => (JsonObject)YamlToJson.Convert(File.ReadAllText(ManifestPath))!;

    [Fact]
    public void The_Manifest_Is_Valid_Against_Slacks_Schema()
    {
        Schema.Validate(Manifest).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("features.slash_commands[0].command", "policy")]
    [InlineData("display_information.name", "")]
    [InlineData("settings.interactivity.request_url", "ftp://example.org/")]
    [InlineData("settings.socket_mode_enabled", "yes")]
    [InlineData("features.bot_user.color", "red")]
    public void The_Validator_Catches_A_Broken_Manifest(string path, string value)
    {
        var manifest = Manifest;
        var parts = path.Replace("[0]", ".0", StringComparison.Ordinal).Split('.');
        JsonNode parent = manifest;
        foreach (var part in parts[..^1])
        {
            parent = int.TryParse(part, out var index) ? parent[index]! : parent[part]!;
        }

        parent[parts[^1]] = value;

        Schema.Validate(manifest).ShouldNotBeEmpty();
    }

    [Fact]
    public void The_Manifest_Declares_The_Endpoints_The_App_Maps_And_The_Command_It_Answers()
    {
        var manifest = Manifest;

        var command = manifest["features"]!["slash_commands"]!.AsArray().Single()!;
        command["command"]!.GetValue<string>().ShouldBe("/policy");
        new Uri(command["url"]!.GetValue<string>()).AbsolutePath.ShouldBe("/slack/commands");
        new Uri(manifest["settings"]!["event_subscriptions"]!["request_url"]!.GetValue<string>()).AbsolutePath.ShouldBe("/slack/events");
        new Uri(manifest["settings"]!["interactivity"]!["request_url"]!.GetValue<string>()).AbsolutePath.ShouldBe("/slack/interactivity");
        manifest["features"]!["app_home"]!["home_tab_enabled"]!.GetValue<bool>().ShouldBeTrue();
        manifest["settings"]!["socket_mode_enabled"].ShouldNotBeNull();
        manifest["settings"]!["event_subscriptions"]!["bot_events"]!.AsArray().Select(e => e!.GetValue<string>())
            .ShouldBe(["app_home_opened", "app_uninstalled", "tokens_revoked"], ignoreOrder: true);
    }

    [Fact]
    public void The_Bot_Scopes_Are_Exactly_Those_The_Web_Api_Calls_Need()
    {
        // method → scope, from Slack's method reference (docs.slack.dev/reference/methods/…)
        var needed = new Dictionary<string, string[]>
        {
            ["chat.postMessage"] = ["chat:write"],
            ["chat.update"] = ["chat:write"],
            ["chat.postEphemeral"] = ["chat:write"],
            ["users.info"] = ["users:read"],
            ["conversations.info"] = ["channels:read", "groups:read"],
            ["views.publish"] = [],
            ["views.open"] = [],
            ["auth.test"] = [],
        };
        var source = File.ReadAllText(Path.Combine(Path.GetDirectoryName(ManifestPath)!, "..", "..", "src", "PolicyBot", "Slack", "SlackWebApiClient.cs"));
        var called = MethodName().Matches(source).Select(m => m.Groups[1].Value).Where(needed.ContainsKey).ToHashSet();

        var scopes = Manifest["oauth_config"]!["scopes"]!["bot"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();

        called.Count.ShouldBe(needed.Count);
        scopes.ShouldBe(called.SelectMany(m => needed[m]).Append("commands").Distinct(), ignoreOrder: true);
    }

    [GeneratedRegex("\"([a-z]+\\.[a-zA-Z.]+)\"")]
    private static partial Regex MethodName();
}
