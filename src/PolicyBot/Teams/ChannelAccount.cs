namespace PolicyBot.Teams;

/// <summary>A user or bot in an activity (<c>from</c>, <c>recipient</c>, <c>membersAdded</c>).</summary>
/// <param name="Id">The channel's id (<c>29:…</c> for Teams users, <c>28:&lt;appId&gt;</c> for bots).</param>
/// <param name="AadObjectId">The user's Entra object id, when Teams sent it.</param>
public sealed record ChannelAccount(string? Id, string? Name = null, string? AadObjectId = null);
