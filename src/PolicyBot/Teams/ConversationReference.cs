using System.Text.Json;

namespace PolicyBot.Teams;

/// <summary>
/// What the bot needs to post into a conversation later (proactively): the Connector's service URL, the
/// conversation and tenant, and the bot's own account. Stored as JSON in the channel's data.
/// </summary>
/// <param name="ConversationId">The conversation to post to: a channel (without <c>;messageid=</c>), group or personal chat.</param>
/// <param name="ConversationType"><c>channel</c>, <c>groupChat</c> or <c>personal</c>.</param>
public sealed record ConversationReference(
    string ServiceUrl,
    string ConversationId,
    string? ConversationType,
    string? ConversationName,
    string? TenantId,
    string? BotId,
    string? BotName,
    string? TeamId,
    string? TeamName,
    string ChannelId = "msteams")
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>The reference an inbound activity gives, or null when it lacks a service URL or conversation.</summary>
    public static ConversationReference? From(Activity activity)
    {
        if (string.IsNullOrEmpty(activity.ServiceUrl) || ChannelConversationId(activity) is not { Length: > 0 } conversationId)
        {
            return null;
        }

        var conversation = activity.Conversation!;
        var channelData = activity.ChannelData;
        // A team's General channel has the team's id; any other channel Teams names only in channelData.channel.name.
        var name = conversation.Name ?? channelData?.Channel?.Name
            ?? (conversation.ConversationType == "channel" && channelData?.Team is { Name: { } team } info
                && string.Equals(info.Id, conversationId, StringComparison.Ordinal) ? $"{team} (General)" : null);
        return new ConversationReference(
            activity.ServiceUrl,
            conversationId,
            conversation.ConversationType,
            name,
            conversation.TenantId ?? channelData?.Tenant?.Id,
            activity.Recipient?.Id,
            activity.Recipient?.Name,
            channelData?.Team?.Id,
            channelData?.Team?.Name,
            activity.ChannelId ?? "msteams");
    }

    /// <summary>
    /// The conversation an activity belongs to, as PolicyBot keys it: a channel thread
    /// (<c>19:…@thread.tacv2;messageid=…</c>) counts as its channel, so subscriptions and alerts go to the channel.
    /// </summary>
    public static string? ChannelConversationId(Activity activity)
    {
        var id = activity.Conversation?.Id;
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        var thread = id.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return thread > 0 ? id[..thread] : id;
    }

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <summary>The stored reference, or null when the data is missing or not one.</summary>
    public static ConversationReference? FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            var reference = JsonSerializer.Deserialize<ConversationReference>(json, Options);
            return reference is { ServiceUrl.Length: > 0, ConversationId.Length: > 0 } ? reference : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
