using PolicyBot.Alerting;

namespace PolicyBot.Commands;

/// <summary>A stored statement as the commands show it: who, when, which way, and the alert that carries its words.</summary>
/// <param name="Snippet">For a search hit: the matching passage, hits between <see cref="StatementQueryStore.HitStart"/>
/// and <see cref="StatementQueryStore.HitEnd"/> markers.</param>
public sealed record StatementEntry(long Id, string? Actor, string? Speaker, string Stance, DateTimeOffset StatedAt, Alert Alert, string? Snippet = null);
