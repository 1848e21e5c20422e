using System.Text.Json;

namespace PolicyBot.Teams;

/// <summary>
/// The fields of an inbound Bot Framework activity PolicyBot reads (others are ignored, as the protocol requires).
/// Property names follow the wire's camelCase.
/// </summary>
public sealed record Activity
{
    public string? Type { get; init; }

    public string? Id { get; init; }

    public string? ChannelId { get; init; }

    public string? ServiceUrl { get; init; }

    public ChannelAccount? From { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public string? Text { get; init; }

    public string? ReplyToId { get; init; }

    public string? Locale { get; init; }

    /// <summary>installationUpdate: <c>add</c>, <c>remove</c>, <c>add-upgrade</c>, <c>remove-upgrade</c>.</summary>
    public string? Action { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }

    public IReadOnlyList<ActivityEntity>? Entities { get; init; }

    public TeamsChannelData? ChannelData { get; init; }

    /// <summary>Action.Submit data (merged with card inputs), or an invoke's value.</summary>
    public JsonElement? Value { get; init; }

    /// <summary>Whether the bot itself is among <paramref name="accounts"/>.</summary>
    public bool IncludesBot(IReadOnlyList<ChannelAccount>? accounts) =>
        Recipient?.Id is { Length: > 0 } bot && accounts is not null && accounts.Any(a => string.Equals(a.Id, bot, StringComparison.Ordinal));
}
