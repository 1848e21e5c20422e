using System.Text.Json.Nodes;

namespace PolicyBot.Tests.Slack;

/// <summary>One call the fake Slack received: a Web API method with its form arguments, or a post to a response_url.</summary>
/// <param name="Method">The Web API method (<c>chat.postMessage</c>), or <c>response_url</c>.</param>
/// <param name="Arguments">The form arguments (empty for a response_url post).</param>
/// <param name="Json">The JSON body of a response_url post; null for Web API calls.</param>
/// <param name="Path">The request path.</param>
public sealed record FakeSlackCall(string Method, IReadOnlyDictionary<string, string> Arguments, JsonObject? Json, string Path)
{
    /// <summary>What the fake answered (a Web API success), when it answered with a body.</summary>
    public JsonObject? Answer { get; init; }

    /// <summary>The <c>ts</c> the fake gave a posted message.</summary>
    public string PostedTs => Answer?["ts"]?.GetValue<string>() ?? throw new InvalidOperationException($"{Method} was not answered with a ts");

    public string Arg(string name) => Arguments.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"{Method} has no argument {name}");

    /// <summary>An argument that is JSON (blocks, view).</summary>
    public JsonNode ArgJson(string name) => JsonNode.Parse(Arg(name))!;
}
