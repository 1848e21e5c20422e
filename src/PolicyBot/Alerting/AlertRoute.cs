namespace PolicyBot.Alerting;

/// <summary>One channel an alert goes to, and why (shown as "why you got this").</summary>
/// <param name="Channel">A <see cref="Chat.ChatChannel.Key"/>.</param>
public sealed record AlertRoute(string Channel, string Reason);
