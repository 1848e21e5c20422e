using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PolicyBot.Slack;

/// <summary>
/// The App Home "Add source" modal: its view JSON, and the submitted values turned into the
/// <c>sources add &lt;url&gt; [kind] [org]</c> command text — or inline errors for the fields that are wrong.
/// </summary>
public sealed partial class SlackAddSourceModal
{
    public const string CallbackId = "add_source_modal";
    public const string UrlBlock = "source_url";
    public const string KindBlock = "source_kind";
    public const string OrgBlock = "source_org";
    private const string UrlAction = "url";
    private const string KindAction = "kind";
    private const string OrgAction = "org";

    /// <summary>The modal as <c>views.open</c> takes it.</summary>
    public JsonObject Build() => new()
    {
        ["type"] = "modal",
        ["callback_id"] = CallbackId,
        ["title"] = BlockKitRenderer.PlainText("Add a source"),
        ["submit"] = BlockKitRenderer.PlainText("Add"),
        ["close"] = BlockKitRenderer.PlainText("Cancel"),
        ["blocks"] = new JsonArray
        {
            Input(UrlBlock, "Feed or page URL", new JsonObject
            {
                ["type"] = "url_text_input",
                ["action_id"] = UrlAction,
                ["placeholder"] = BlockKitRenderer.PlainText("https://example.org/policy/feed.xml"),
            }, optional: false, hint: "PolicyBot fetches it once and shows what it found before watching it."),
            Input(KindBlock, "Kind", new JsonObject
            {
                ["type"] = "static_select",
                ["action_id"] = KindAction,
                ["placeholder"] = BlockKitRenderer.PlainText("Detect"),
                ["options"] = new JsonArray { Option("Feed (RSS, Atom, JSON Feed)", "feed"), Option("Web page", "page") },
            }, optional: true, hint: null),
            Input(OrgBlock, "Organisation", new JsonObject
            {
                ["type"] = "plain_text_input",
                ["action_id"] = OrgAction,
                ["max_length"] = 80,
                ["placeholder"] = BlockKitRenderer.PlainText("e.g. Meta"),
            }, optional: true, hint: "Whose statements this source carries, if it is one organisation's."),
        },
    };

    /// <summary>The command text for a submitted <c>view</c>, or the errors to show per block.</summary>
    public (string? Command, Dictionary<string, string> Errors) Read(JsonObject view)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var values = SlackJson.Object(view, "state", "values");
        var url = Value(values, UrlBlock, UrlAction)?.Trim() ?? "";
        var kind = SelectedValue(values, KindBlock, KindAction);
        var org = Organisation(view);

        if (url.Length == 0)
        {
            errors[UrlBlock] = "Enter the address of a feed or a page.";
        }
        else if (url.Length > 2000 || url.Any(char.IsWhiteSpace) || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            errors[UrlBlock] = "That is not an http(s) address.";
        }

        if (kind is not (null or "feed" or "page"))
        {
            errors[KindBlock] = "Choose feed or page.";
        }

        if (org.Length > 80 || (org.Length > 0 && !OrgPattern().IsMatch(org)))
        {
            errors[OrgBlock] = "Use letters, digits, spaces and . - & ' only (at most 80).";
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var command = $"sources add {url}";
        if (kind is not null)
        {
            command += " " + kind;
        }

        if (org.Length > 0)
        {
            command += $" \"{org}\""; // always quoted: an organisation called "page" or "30m" is not the kind or the interval
        }

        return (command, errors);
    }

    /// <summary>The block a refusal of the submitted command belongs to: the organisation field when the command engine
    /// did not know the organisation entered there, otherwise the URL field.</summary>
    public string ErrorBlockFor(JsonObject view, string errorSummary)
    {
        var org = Organisation(view);
        return org.Length > 0 && errorSummary.StartsWith($"\"{org}\"", StringComparison.Ordinal) ? OrgBlock : UrlBlock;
    }

    private static string Organisation(JsonObject view) =>
        SlackText.Clean(Value(SlackJson.Object(view, "state", "values"), OrgBlock, OrgAction)).ReplaceLineEndings(" ").Normalize(System.Text.NormalizationForm.FormC);

    private static string? Value(JsonObject? values, string block, string action) =>
        SlackJson.Text(SlackJson.Object(values, block, action), "value");

    private static string? SelectedValue(JsonObject? values, string block, string action) =>
        SlackJson.Text(SlackJson.Object(values, block, action, "selected_option"), "value");

    private static JsonObject Input(string blockId, string label, JsonObject element, bool optional, string? hint)
    {
        var input = new JsonObject
        {
            ["type"] = "input",
            ["block_id"] = blockId,
            ["optional"] = optional,
            ["label"] = BlockKitRenderer.PlainText(label),
            ["element"] = element,
        };
        if (hint is not null)
        {
            input["hint"] = BlockKitRenderer.PlainText(hint);
        }

        return input;
    }

    private static JsonObject Option(string text, string value) => new() { ["text"] = BlockKitRenderer.PlainText(text), ["value"] = value };

    [GeneratedRegex(@"^[\p{L}\p{N} .\-&']+$")]
    private static partial Regex OrgPattern();
}
