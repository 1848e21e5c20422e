using PolicyBot.Chat;

namespace PolicyBot.Commands;

/// <summary>Who asked, and where: what the command engine needs to authorise, audit and answer.</summary>
/// <param name="Platform"><c>slack</c>, <c>teams</c> or <c>cli</c>.</param>
/// <param name="UserId">The platform's user id (a Slack user id, a Teams AAD object id).</param>
/// <param name="UserName">A display name for the audit log, when known.</param>
/// <param name="Channel">The channel the command was given in (subscribe acts on it); null on the command line.</param>
/// <param name="IsWorkspaceAdmin">The adapter's finding that the user administers the workspace (Slack admin or owner).</param>
public sealed record CommandContext(string Platform, string UserId, string? UserName, ChatChannel? Channel, bool IsWorkspaceAdmin = false);
