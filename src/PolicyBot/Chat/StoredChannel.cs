namespace PolicyBot.Chat;

/// <summary>A channel as stored: its row id, identity, adapter-owned data and whether the bot can still post there.</summary>
/// <param name="Data">Adapter-owned JSON, e.g. a Teams conversation reference (service URL, tenant).</param>
public sealed record StoredChannel(long Id, ChatChannel Channel, string? Data, bool Active);
