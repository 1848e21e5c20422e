using PolicyBot.Alerting;
using PolicyBot.Chat;

namespace PolicyBot.Subscriptions;

/// <summary>
/// A channel's standing order: which alerts it wants (actors, minimum relevance, shifts only) and how — each alert at
/// once, or a digest at a local time. A channel has at most one subscription; subscribing again replaces it.
/// </summary>
public sealed record Subscription
{
    /// <summary>Stored id; 0 until saved.</summary>
    public long Id { get; init; }

    public required ChatChannel Channel { get; init; }

    /// <summary>Actor names as the catalogue spells them; empty for every actor.</summary>
    public IReadOnlyList<string> Actors { get; init; } = [];

    /// <summary>Alerts below this relevance (0–1) are not routed here.</summary>
    public double MinRelevance { get; init; }

    /// <summary>Only changes of position (alerts with a shift).</summary>
    public bool ShiftsOnly { get; init; }

    /// <summary>A digest instead of instant alerts; null for instant.</summary>
    public DigestSchedule? Digest { get; init; }

    /// <summary>The channel also gets admin notices: failing and recovered sources, undeliverable alerts.</summary>
    public bool Notices { get; init; }

    /// <summary>Who subscribed the channel (platform user id).</summary>
    public required string CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The end of the last period a digest covered, if one was sent.</summary>
    public DateTimeOffset? LastDigestAt { get; init; }

    /// <summary>Whether an alert passes this subscription's filters (actors, minimum relevance, shifts only).</summary>
    public bool Accepts(Alert alert) =>
        alert.Relevance >= MinRelevance
        && (!ShiftsOnly || alert.Shift is not null)
        && (Actors.Count == 0 || alert.Orgs.Any(o => Actors.Contains(o, StringComparer.OrdinalIgnoreCase)));

    /// <summary>The filters in words, for "why you got this" and for listings.</summary>
    public string Describe()
    {
        var parts = new List<string> { Actors.Count == 0 ? "all actors" : string.Join(", ", Actors) };
        if (ShiftsOnly)
        {
            parts.Add("shifts only");
        }

        if (MinRelevance > 0)
        {
            parts.Add($"relevance ≥ {MinRelevance.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}");
        }

        if (Digest is { } digest)
        {
            var at = digest.At.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            parts.Add(digest.Frequency == DigestFrequency.Daily ? $"daily digest at {at} {digest.TimeZone}" : $"weekly digest on {digest.Day} at {at} {digest.TimeZone}");
        }

        return string.Join(" · ", parts);
    }
}
