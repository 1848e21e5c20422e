using System.Globalization;
using PolicyBot.Subscriptions;

namespace PolicyBot.Commands;

/// <summary>What follows <c>subscribe</c>, read: actor words, filters, digest schedule, channel key; or what is wrong.</summary>
public sealed record SubscribeArguments
{
    public IReadOnlyList<CommandToken> Actors { get; init; } = [];

    public bool ShiftsOnly { get; init; }

    public double MinRelevance { get; init; }

    public DigestSchedule? Digest { get; init; }

    public bool Notices { get; init; }

    /// <summary><c>--channel</c>'s value (command line only).</summary>
    public string? ChannelKey { get; init; }

    /// <summary>Why the arguments cannot be used; null when they can.</summary>
    public string? Error { get; init; }

    public static SubscribeArguments Parse(IReadOnlyList<CommandToken> tokens)
    {
        var actors = new List<CommandToken>();
        var result = new SubscribeArguments();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var option = token.Quoted ? null : OptionName(token.Text);
            if (option is null)
            {
                actors.Add(token);
                continue;
            }

            // a value given twice is refused rather than the last one silently winning (a second --channel would
            // subscribe another channel than the one first named)
            if (option is "min-relevance" or "digest" or "channel" && !seen.Add(option))
            {
                return Failed($"--{option} is given twice.");
            }

            string? Next() => i + 1 < tokens.Count ? tokens[++i].Text : null;
            switch (option)
            {
                case "shifts-only":
                    result = result with { ShiftsOnly = true };
                    break;
                case "notices":
                    result = result with { Notices = true };
                    break;
                case "min-relevance":
                    var text = Next();
                    if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var relevance) || !(relevance >= 0 && relevance <= 1))
                    {
                        return Failed($"--min-relevance needs a number from 0 to 1 (e.g. 0.6){Got(text)}.");
                    }

                    result = result with { MinRelevance = relevance };
                    break;
                case "digest":
                    var (digest, error, last) = ReadDigest(tokens, i);
                    if (error is not null)
                    {
                        return Failed(error);
                    }

                    i = last;
                    result = result with { Digest = digest };
                    break;
                case "channel":
                    var key = Next();
                    if (string.IsNullOrWhiteSpace(key))
                    {
                        return Failed("--channel needs a channel key, e.g. slack:C0123.");
                    }

                    result = result with { ChannelKey = key };
                    break;
                default:
                    return Failed($"Unknown option \"--{Shorten(option)}\". The options are --shifts-only, --min-relevance, --digest, --notices (and --channel on the command line).");
            }
        }

        return result with { Actors = actors };
    }

    /// <summary><c>daily HH:MM [zone]</c> or <c>weekly &lt;day&gt; HH:MM [zone]</c>, after <c>--digest</c>.</summary>
    /// <returns>The schedule or an error, and the index of the last token it used.</returns>
    private static (DigestSchedule? Digest, string? Error, int Last) ReadDigest(IReadOnlyList<CommandToken> tokens, int i)
    {
        string? Peek(int ahead) => i + ahead < tokens.Count ? tokens[i + ahead].Text : null;
        var frequency = Peek(1)?.ToLowerInvariant();
        if (frequency is not ("daily" or "weekly"))
        {
            return (null, $"--digest needs `daily HH:MM` or `weekly <day> HH:MM`{Got(Peek(1))}.", i);
        }

        i++;
        var day = DayOfWeek.Monday;
        if (frequency == "weekly")
        {
            if (!TryDay(Peek(1), out day))
            {
                return (null, $"--digest weekly needs a day, e.g. `--digest weekly monday 09:00`{Got(Peek(1))}.", i);
            }

            i++;
        }

        if (!TimeOnly.TryParseExact(Peek(1), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return (null, $"--digest needs a time as HH:MM (24-hour), e.g. 09:00{Got(Peek(1))}.", i);
        }

        i++;
        var zone = "UTC";
        if (Peek(1) is { } next && OptionName(next) is null && (LooksLikeZone(next) || KnownZoneWord(next)))
        {
            if (ZoneId(next) is not { } id)
            {
                return (null, $"Unknown time zone \"{Shorten(next)}\"; use an IANA id such as Europe/London or America/New_York, or UTC.", i);
            }

            zone = id;
            i++;
        }

        return (new DigestSchedule(frequency == "daily" ? DigestFrequency.Daily : DigestFrequency.Weekly, at, zone, day), null, i);
    }

    /// <summary>
    /// The zone's id as the system lists it, whatever the case typed (<c>europe/london</c> is <c>Europe/London</c>), or as
    /// typed when the system knows it without listing it (links such as <c>Japan</c>, Windows ids); null when unknown.
    /// </summary>
    private static string? ZoneId(string text)
    {
        if (text.Length is 0 or > 64 || text.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }

        if (text.Equals("UTC", StringComparison.OrdinalIgnoreCase) || text.Equals("GMT", StringComparison.OrdinalIgnoreCase))
        {
            return text.ToUpperInvariant();
        }

        // some systems find a zone whatever the case and keep the id as asked: take the listed spelling first
        return TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).FirstOrDefault(id => id.Equals(text, StringComparison.OrdinalIgnoreCase))
            ?? (TimeZoneInfo.TryFindSystemTimeZoneById(text, out _) ? text : null);
    }

    /// <summary>A word without a slash the system knows as a zone exactly as written (<c>CET</c>, <c>Japan</c>).</summary>
    private static bool KnownZoneWord(string text) =>
        text.Length is > 0 and <= 64 && !text.Contains("..", StringComparison.Ordinal) && TimeZoneInfo.TryFindSystemTimeZoneById(text, out _);

    /// <summary>A time-zone id has a slash (Europe/London) or is UTC/GMT-like; anything else is an actor word.</summary>
    private static bool LooksLikeZone(string text) =>
        text.Contains('/', StringComparison.Ordinal) || text.Equals("UTC", StringComparison.OrdinalIgnoreCase) || text.Equals("GMT", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("Etc", StringComparison.OrdinalIgnoreCase) || text.EndsWith("Standard Time", StringComparison.OrdinalIgnoreCase);

    private static bool TryDay(string? text, out DayOfWeek day)
    {
        day = DayOfWeek.Monday;
        var folded = text?.ToLowerInvariant();
        if (folded is null || folded.Length < 3)
        {
            return false;
        }

        foreach (var candidate in Enum.GetValues<DayOfWeek>())
        {
            if (candidate.ToString().ToLowerInvariant().StartsWith(folded, StringComparison.Ordinal))
            {
                day = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>The option a word names (<c>--digest</c>, <c>—digest</c> as phones type it), or null for a plain word.</summary>
    private static string? OptionName(string word) =>
        word.StartsWith("--", StringComparison.Ordinal) ? word[2..].ToLowerInvariant()
        : word.StartsWith('—') || word.StartsWith('–') ? word[1..].ToLowerInvariant()
        : null;

    private static SubscribeArguments Failed(string error) => new() { Error = error };

    private static string Got(string? text) => text is null ? "" : $" (got \"{Shorten(text)}\")";

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
