using System.Text.Json.Nodes;

namespace PolicyBot.Slack;

/// <summary>A rendered message: Block Kit blocks and the plain-text fallback Slack shows in notifications and to screen readers.</summary>
/// <param name="Blocks">The <c>blocks</c> array, within every Block Kit limit.</param>
/// <param name="Text">The top-level <c>text</c>, escaped, never empty.</param>
public sealed record SlackMessage(JsonArray Blocks, string Text);
