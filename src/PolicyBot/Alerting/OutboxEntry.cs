namespace PolicyBot.Alerting;

/// <summary>One pending delivery of an alert to a channel: the post (revision 0) or a later update of it.</summary>
/// <param name="PostMessageId">The platform's id of the channel's post, which an update edits or threads under.</param>
public sealed record OutboxEntry(long Id, string Channel, int Attempts, int Revision, string? PostMessageId, Alert Alert);
