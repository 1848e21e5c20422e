using PolicyBot.Alerting;

namespace PolicyBot.Chat;

/// <summary>What the dispatcher hands an adapter: the content to render, and the alert it came from, if any.</summary>
/// <param name="Content">The platform-neutral content (header, context, summary, quotes, changes, links, buttons).</param>
/// <param name="Alert">The alert, for adapters that want its fields (e.g. the console's text form); null for digests and notices.</param>
/// <param name="Revision">0 for the first post; 1, 2, … for updates of it.</param>
public sealed record OutboundMessage(Reply Content, Alert? Alert = null, int Revision = 0);
