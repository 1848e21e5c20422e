using System.Text.Json.Nodes;

namespace PolicyBot.Tests.Slack;

/// <summary>Reads the copied corpus files under TestData/slack (see TestData/slack/NOTICE.md).</summary>
public static class SlackTestData
{
    public static string Path(params string[] parts) => System.IO.Path.Combine([AppContext.BaseDirectory, "TestData", "slack", .. parts]);

    public static string Text(params string[] parts) => File.ReadAllText(Path(parts));

    /// <summary>A JSON payload, fresh each time (tests change it freely).</summary>
    public static JsonObject Json(params string[] parts) => (JsonObject)JsonNode.Parse(Text(parts))!;
}
