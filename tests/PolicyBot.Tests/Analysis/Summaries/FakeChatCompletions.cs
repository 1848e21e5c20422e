using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Analysis.Summaries;

/// <summary>
/// A loopback stand-in for an OpenAI-compatible API: answers <c>POST /v1/chat/completions</c> with whatever the test
/// sets (by default a chat.completion whose message is <see cref="Content"/>). Requests to other paths are recorded
/// as unexpected by the underlying <see cref="LoopbackServer"/>.
/// </summary>
public sealed class FakeChatCompletions : IAsyncDisposable
{
    public const string Path = "/v1/chat/completions";

    private readonly LoopbackServer _server;
    private RequestDelegate _handler;

    private FakeChatCompletions(LoopbackServer server)
    {
        _server = server;
        _handler = Completion("Meta said it would keep releasing Llama weights. Critics disagreed.");
        server.Map("POST", Path, context => _handler(context));
    }

    /// <summary>The endpoint to configure: the server's <c>/v1</c>.</summary>
    public Uri Endpoint => _server.Url("v1");

    public LoopbackServer Server => _server;

    /// <summary>Chat-completion requests received.</summary>
    public IReadOnlyList<RecordedRequest> Calls => _server.Requests.Where(r => r.Path == Path).ToList();

    public static async Task<FakeChatCompletions> StartAsync() => new(await LoopbackServer.StartAsync());

    /// <summary>Answers every later request with <paramref name="handler"/>.</summary>
    public void Answer(RequestDelegate handler) => _handler = handler;

    /// <summary>Answers with a well-formed completion carrying <paramref name="content"/>.</summary>
    public void AnswerWith(string? content, string finishReason = "stop") => _handler = Completion(content, finishReason);

    /// <summary>An OpenAI-shaped chat.completion response body.</summary>
    public static string CompletionJson(string? content, string finishReason = "stop", string model = "test-model") =>
        new JsonObject
        {
            ["id"] = "chatcmpl-test-1",
            ["object"] = "chat.completion",
            ["created"] = 1_767_225_600,
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
                ["logprobs"] = null,
                ["finish_reason"] = finishReason,
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 120, ["completion_tokens"] = 40, ["total_tokens"] = 160 },
        }.ToJsonString();

    /// <summary>The messages of a recorded request, as (role, content) pairs, and its model.</summary>
    public static (string Model, List<(string Role, string Content)> Messages) Parse(RecordedRequest request)
    {
        using var json = JsonDocument.Parse(request.Body);
        var model = json.RootElement.GetProperty("model").GetString() ?? "";
        var messages = json.RootElement.GetProperty("messages").EnumerateArray()
            .Select(m => (m.GetProperty("role").GetString() ?? "", ContentOf(m.GetProperty("content"))))
            .ToList();
        return (model, messages);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static RequestDelegate Completion(string? content, string finishReason = "stop") =>
        LoopbackServer.Respond(200, CompletionJson(content, finishReason), "application/json");

    private static string ContentOf(JsonElement content) =>
        content.ValueKind == JsonValueKind.String
            ? content.GetString() ?? ""
            : string.Concat(content.EnumerateArray().Select(p => p.TryGetProperty("text", out var t) ? t.GetString() : ""));
}
