using System.Globalization;
using System.Text.Json.Nodes;
using PolicyBot.Chat;
using PolicyBot.Sources;

namespace PolicyBot.Slack;

/// <summary>
/// The App Home tab: the outcome of the last action (if any), recent alerts, and the watched sources with their
/// status; admins also get "Add source" and per-source pause/resume/remove buttons (each runs a <c>/policy sources …</c>
/// command as the admin who presses it). Always within the Home tab's 100 blocks.
/// </summary>
public sealed class SlackHomeView(BlockKitRenderer renderer)
{
    /// <summary>The action id of the "Add source" button.</summary>
    public const string AddSourceAction = "add_source";

    private const int NoticeBlocks = 6;
    private const int RecentBlocks = 30;

    public JsonObject Build(Reply? notice, Reply recent, IReadOnlyList<Source> sources, bool isAdmin, DateTimeOffset now)
    {
        var blocks = new JsonArray { new JsonObject { ["type"] = "header", ["text"] = BlockKitRenderer.PlainText("PolicyBot") } };
        if (notice is not null)
        {
            foreach (var block in renderer.RenderBlocks(notice, NoticeBlocks).ToList())
            {
                blocks.Add(block!.DeepClone());
            }

            blocks.Add(new JsonObject { ["type"] = "divider" });
        }

        if (isAdmin)
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "actions",
                ["elements"] = new JsonArray
                {
                    new JsonObject { ["type"] = "button", ["action_id"] = AddSourceAction, ["style"] = "primary", ["text"] = BlockKitRenderer.PlainText("Add source") },
                },
            });
        }

        blocks.Add(BlockKitRenderer.Section("*Recent alerts*"));
        foreach (var block in renderer.RenderBlocks(recent, RecentBlocks).ToList())
        {
            blocks.Add(block!.DeepClone());
        }

        blocks.Add(new JsonObject { ["type"] = "divider" });
        blocks.Add(BlockKitRenderer.Section(string.Create(CultureInfo.InvariantCulture, $"*Sources* ({sources.Count})")));
        AddSources(blocks, sources, isAdmin, now);
        return new JsonObject { ["type"] = "home", ["blocks"] = blocks };
    }

    private static void AddSources(JsonArray blocks, IReadOnlyList<Source> sources, bool isAdmin, DateTimeOffset now)
    {
        var perSource = isAdmin ? 2 : 1;
        var room = (BlockKitRenderer.MaxViewBlocks - blocks.Count - 1) / perSource;
        foreach (var source in sources.Take(room))
        {
            blocks.Add(BlockKitRenderer.Section(Describe(source, now)));
            if (isAdmin)
            {
                var id = source.Id.ToString(CultureInfo.InvariantCulture);
                blocks.Add(new JsonObject
                {
                    ["type"] = "actions",
                    ["block_id"] = "source_" + id,
                    ["elements"] = new JsonArray
                    {
                        source.Enabled ? Button("Pause", $"sources pause {id}", null) : Button("Resume", $"sources resume {id}", "primary"),
                        RemoveButton(source, id),
                    },
                });
            }
        }

        if (sources.Count > room)
        {
            blocks.Add(BlockKitRenderer.Context([$"…and {sources.Count - room} more: /policy sources lists them all"]));
        }
        else if (sources.Count == 0)
        {
            blocks.Add(BlockKitRenderer.Context(["No sources yet."]));
        }
    }

    private static string Describe(Source source, DateTimeOffset now)
    {
        var status = !source.Enabled ? "paused"
            : source.ErrorCount > 0 ? $"failing ({source.ErrorCount}×)"
            : source.LastSuccessAt is null ? "not checked yet" : "ok";
        var name = SlackText.EscapeAndTruncate(SlackText.Clean(source.Name).ReplaceLineEndings(" ").Replace("*", "", StringComparison.Ordinal), 200);
        var url = LinkUrl.Safe(source.Url, 1000)?.Replace("|", "%7C", StringComparison.Ordinal).Replace("&", "&amp;", StringComparison.Ordinal);
        var lines = new List<string> { $"*{name}* · {Source.FormatKind(source.Kind)} · {status}" };
        if (url is not null)
        {
            lines.Add($"<{url}|{SlackText.EscapeAndTruncate(source.Url, 300)}>");
        }

        if (source.LastCheckedAt is { } checkedAt)
        {
            lines.Add("Last checked " + Ago(now - checkedAt));
        }

        if (source.ErrorCount > 0 && !string.IsNullOrWhiteSpace(source.LastError))
        {
            lines.Add("Last error: " + SlackText.EscapeAndTruncate(SlackText.Clean(source.LastError).ReplaceLineEndings(" "), 500));
        }

        return SlackText.TruncateEscaped(string.Join('\n', lines), BlockKitRenderer.MaxSectionText);
    }

    private static string Ago(TimeSpan elapsed) => elapsed switch
    {
        { TotalMinutes: < 1 } => "just now",
        { TotalHours: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalMinutes} min ago"),
        { TotalDays: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalHours} h ago"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalDays} d ago"),
    };

    private static JsonObject RemoveButton(Source source, string id)
    {
        var button = Button("Remove", $"sources remove {id}", "danger");
        button["confirm"] = new JsonObject
        {
            ["title"] = BlockKitRenderer.PlainText("Remove this source?"),
            ["text"] = BlockKitRenderer.PlainText(SlackText.Truncate($"Stop watching {SlackText.Clean(source.Name)} and forget its history.", 300)),
            ["confirm"] = BlockKitRenderer.PlainText("Remove"),
            ["deny"] = BlockKitRenderer.PlainText("Cancel"),
            ["style"] = "danger",
        };
        return button;
    }

    private static JsonObject Button(string label, string command, string? style)
    {
        var button = new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = BlockKitRenderer.CommandActionPrefix + command.Replace(' ', '_'),
            ["value"] = command,
            ["text"] = BlockKitRenderer.PlainText(label),
        };
        if (style is not null)
        {
            button["style"] = style;
        }

        return button;
    }
}
