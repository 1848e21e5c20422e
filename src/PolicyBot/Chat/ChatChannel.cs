namespace PolicyBot.Chat;

/// <summary>
/// A place messages go: a Slack channel, a Teams conversation, the console. Its <see cref="Key"/> names it in the
/// outbox: <c>slack:C0123</c>, <c>teams:19:abc@thread.tacv2</c>, <c>console</c>.
/// </summary>
/// <param name="Platform"><c>slack</c>, <c>teams</c> or <c>console</c> — an <see cref="IChatAdapter.Platform"/>.</param>
/// <param name="Id">The platform's id of the channel or conversation; empty for the console.</param>
/// <param name="DisplayName">A human name, when the platform told us one.</param>
public sealed record ChatChannel(string Platform, string Id, string? DisplayName = null)
{
    public string Key => Id.Length == 0 ? Platform : $"{Platform}:{Id}";

    /// <summary>The channel a key names (the id may itself contain colons).</summary>
    public static ChatChannel FromKey(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? new ChatChannel(key, "") : new ChatChannel(key[..colon], key[(colon + 1)..]);
    }
}
