using System.Text.Json.Nodes;

namespace PolicyBot.Tests.Slack;

/// <summary>
/// An independent check of Block Kit output against Slack's published limits (docs.slack.dev block reference, as
/// tabulated in the protocol notes): block counts, text lengths, element counts, ids, and that every text object is
/// well formed. Returns each violation found; empty means within limits.
/// </summary>
public static class BlockKitLimits
{
    public static IReadOnlyList<string> Check(JsonNode? blocksNode, int maxBlocks)
    {
        var problems = new List<string>();
        if (blocksNode is not JsonArray blocks)
        {
            return ["blocks is not an array"];
        }

        if (blocks.Count > maxBlocks)
        {
            problems.Add($"{blocks.Count} blocks > {maxBlocks}");
        }

        var actionIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i] as JsonObject;
            var type = block?["type"]?.GetValue<string>();
            var at = $"block {i} ({type})";
            if (block?["block_id"] is { } blockId && blockId.GetValue<string>().Length > 255)
            {
                problems.Add($"{at}: block_id too long");
            }

            switch (type)
            {
                case "header":
                    Text(block!["text"], "plain_text", 1, 150, at, problems);
                    break;
                case "section":
                    if (block!["text"] is null && block["fields"] is null)
                    {
                        problems.Add($"{at}: neither text nor fields");
                    }

                    if (block["text"] is { } text)
                    {
                        Text(text, null, 1, 3000, at, problems);
                    }

                    if (block["fields"] is JsonArray fields)
                    {
                        if (fields.Count is 0 or > 10)
                        {
                            problems.Add($"{at}: {fields.Count} fields");
                        }

                        foreach (var field in fields)
                        {
                            Text(field, null, 1, 2000, at, problems);
                        }
                    }

                    break;
                case "context":
                    var elements = block!["elements"] as JsonArray;
                    if (elements is null || elements.Count is 0 or > 10)
                    {
                        problems.Add($"{at}: {elements?.Count} context elements");
                    }

                    foreach (var element in elements ?? [])
                    {
                        Text(element, null, 1, 3000, at, problems);
                    }

                    break;
                case "actions":
                    var buttons = block!["elements"] as JsonArray;
                    if (buttons is null || buttons.Count is 0 or > 25)
                    {
                        problems.Add($"{at}: {buttons?.Count} action elements");
                    }

                    foreach (var button in (buttons ?? []).OfType<JsonObject>())
                    {
                        Button(button, at, actionIds, problems);
                    }

                    break;
                case "input":
                    Text(block!["label"], "plain_text", 1, 2000, at, problems);
                    if (block["hint"] is { } hint)
                    {
                        Text(hint, "plain_text", 1, 2000, at, problems);
                    }

                    break;
                case "divider":
                    break;
                default:
                    problems.Add($"{at}: unexpected block type");
                    break;
            }
        }

        return problems;
    }

    /// <summary>A view (modal or home): its blocks within 100, title/submit/close within 24.</summary>
    public static IReadOnlyList<string> CheckView(JsonObject view)
    {
        var problems = new List<string>(Check(view["blocks"], 100));
        foreach (var name in new[] { "title", "submit", "close" })
        {
            if (view[name] is { } text)
            {
                Text(text, "plain_text", 1, 24, name, problems);
            }
        }

        if (view["type"]?.GetValue<string>() == "modal" && view["title"] is null)
        {
            problems.Add("modal without a title");
        }

        return problems;
    }

    private static void Button(JsonObject button, string at, HashSet<string> actionIds, List<string> problems)
    {
        Text(button["text"], "plain_text", 1, 75, at, problems);
        var actionId = button["action_id"]?.GetValue<string>() ?? "";
        if (actionId.Length is 0 or > 255 || !actionIds.Add(actionId))
        {
            problems.Add($"{at}: action_id '{actionId}' missing, too long or repeated");
        }

        if (button["value"]?.GetValue<string>() is { Length: > 2000 })
        {
            problems.Add($"{at}: button value too long");
        }

        if (button["url"]?.GetValue<string>() is { } url && (url.Length > 3000 || !url.StartsWith("http", StringComparison.Ordinal)))
        {
            problems.Add($"{at}: bad button url");
        }

        if (button["confirm"] is JsonObject confirm)
        {
            Text(confirm["title"], "plain_text", 1, 100, at, problems);
            Text(confirm["text"], null, 1, 300, at, problems);
            Text(confirm["confirm"], "plain_text", 1, 30, at, problems);
            Text(confirm["deny"], "plain_text", 1, 30, at, problems);
        }
    }

    private static void Text(JsonNode? node, string? type, int min, int max, string at, List<string> problems)
    {
        var actualType = node?["type"]?.GetValue<string>();
        var text = node?["text"]?.GetValue<string>();
        if (actualType is not ("plain_text" or "mrkdwn") || (type is not null && actualType != type))
        {
            problems.Add($"{at}: text object of type {actualType ?? "none"}");
        }
        else if (text is null || text.Length < min || text.Length > max)
        {
            problems.Add($"{at}: {actualType} of {text?.Length} chars outside {min}–{max}");
        }
    }
}
