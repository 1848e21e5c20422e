using System.Text.Json;
using System.Text.Json.Nodes;

namespace PolicyBot.Tests.Slack;

/// <summary>The Web API methods the fake Slack knows, and the argument shapes it insists on.</summary>
public static class FakeSlackMethods
{
    private static readonly Dictionary<string, string[]> Required = new(StringComparer.Ordinal)
    {
        ["chat.postMessage"] = ["channel", "text"],
        ["chat.update"] = ["channel", "ts", "text"],
        ["chat.postEphemeral"] = ["channel", "user", "text"],
        ["views.publish"] = ["user_id", "view"],
        ["views.open"] = ["trigger_id", "view"],
        ["users.info"] = ["user"],
        ["conversations.info"] = ["channel"],
        ["auth.test"] = [],
        ["apps.connections.open"] = [],
    };

    private static readonly Dictionary<string, string[]> Optional = new(StringComparer.Ordinal)
    {
        ["chat.postMessage"] = ["blocks", "thread_ts", "unfurl_links", "unfurl_media"],
        ["chat.update"] = ["blocks"],
        ["chat.postEphemeral"] = ["blocks", "thread_ts"],
    };

    public static bool Known(string method) => Required.ContainsKey(method);

    /// <summary>The first thing wrong with the arguments, or null.</summary>
    public static string? CheckArguments(string method, IReadOnlyDictionary<string, string> arguments)
    {
        var required = Required[method];
        var allowed = required.Concat(Optional.GetValueOrDefault(method) ?? []).ToHashSet(StringComparer.Ordinal);
        if (required.FirstOrDefault(r => !arguments.TryGetValue(r, out var v) || string.IsNullOrWhiteSpace(v)) is { } missing)
        {
            return $"missing {missing}";
        }

        if (arguments.Keys.FirstOrDefault(k => !allowed.Contains(k)) is { } unknown)
        {
            return $"unexpected argument {unknown}";
        }

        try
        {
            if (arguments.TryGetValue("blocks", out var blocks) && BlockKitLimits.Check(JsonNode.Parse(blocks), 50) is { Count: > 0 } problems)
            {
                return "blocks: " + string.Join("; ", problems);
            }

            if (arguments.TryGetValue("view", out var viewText))
            {
                var view = JsonNode.Parse(viewText) as JsonObject;
                var expected = method == "views.publish" ? "home" : "modal";
                if (view?["type"]?.GetValue<string>() != expected)
                {
                    return $"view type is not {expected}";
                }

                if (BlockKitLimits.CheckView(view) is { Count: > 0 } viewProblems)
                {
                    return "view: " + string.Join("; ", viewProblems);
                }
            }
        }
        catch (JsonException exception)
        {
            return "argument is not JSON: " + exception.Message;
        }

        if (arguments.TryGetValue("text", out var text) && text.Length > 40000)
        {
            return "text over 40,000 chars";
        }

        return null;
    }

    /// <summary>The first thing wrong with a response_url / inline message body, or null.</summary>
    public static string? CheckMessage(JsonObject message, bool requireText)
    {
        if (requireText && message["text"]?.GetValue<string>() is not { Length: > 0 })
        {
            return "no text";
        }

        if (message["response_type"]?.GetValue<string>() is { } type && type is not ("ephemeral" or "in_channel"))
        {
            return $"response_type {type}";
        }

        return message["blocks"] is { } blocks && BlockKitLimits.Check(blocks, 50) is { Count: > 0 } problems ? string.Join("; ", problems) : null;
    }
}
