namespace PolicyBot.Teams;

/// <summary>An activity's conversation: a personal chat, a group chat, or a channel (thread).</summary>
/// <param name="ConversationType"><c>personal</c>, <c>groupChat</c> or <c>channel</c>.</param>
public sealed record ConversationAccount(string? Id, string? Name = null, string? ConversationType = null, string? TenantId = null, bool? IsGroup = null);
