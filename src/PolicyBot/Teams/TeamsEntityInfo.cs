namespace PolicyBot.Teams;

/// <summary>A team, channel or tenant named in <see cref="TeamsChannelData"/>.</summary>
public sealed record TeamsEntityInfo(string? Id, string? Name = null);
