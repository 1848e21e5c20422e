using System.Text.Json.Nodes;

namespace PolicyBot.Tests.Teams;

/// <summary>Activity JSON from TestData/teams, with the test's Connector as <c>serviceUrl</c> and optional edits.</summary>
public static class TeamsFixtures
{
    public static string Load(string name, string serviceUrl, Action<JsonObject>? edit = null)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "teams", name + ".json")).Replace("{{serviceUrl}}", serviceUrl, StringComparison.Ordinal);
        if (edit is null)
        {
            return text;
        }

        var node = JsonNode.Parse(text)!.AsObject();
        edit(node);
        return node.ToJsonString();
    }

    /// <summary>Gives the activity its own id and conversation, so tests sharing an app do not meet.</summary>
    public static Action<JsonObject> Isolate(string suffix) => activity =>
    {
        activity["id"] = $"activity-{suffix}";
        activity["conversation"]!["id"] = $"a:conversation-{suffix}";
    };
}
