namespace PolicyBot.Teams;

/// <summary>Teams' <c>channelData</c>: the event type, team, channel and tenant of an activity.</summary>
/// <param name="EventType">e.g. <c>teamMemberAdded</c>, <c>teamMemberRemoved</c>, <c>channelDeleted</c>, <c>teamDeleted</c>.</param>
public sealed record TeamsChannelData(string? EventType = null, TeamsEntityInfo? Team = null, TeamsEntityInfo? Channel = null, TeamsEntityInfo? Tenant = null);
