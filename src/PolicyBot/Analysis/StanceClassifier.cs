using System.Text.RegularExpressions;

namespace PolicyBot.Analysis;

/// <summary>
/// Reads a stance on openness from cue words, explainably. A passage only has a stance when it speaks of
/// openness at all (open source, weights, releasing, sharing …). Open cues ("necessary", "path forward",
/// "benefits", "safer" …) and cautious cues ("careful", "risks", "no longer responsible", "misuse" …) are counted;
/// a negator up to three words before a cue flips it ("not necessary" is cautious, "not dangerous" is open);
/// a refusal to release ("won't do it", "will not open-source") is cautious, conditional or not. After a contrast
/// ("that said", "but", "however") the last clause decides when it has a stance. Ties are "mixed".
/// A quote may take its openness anchor from the sentence around it ("open source is “necessary for a positive AI
/// future”"), and a quote that speaks of open source, open weights or open models with no cue either way and no
/// refusal is a statement for openness ("we have open-sourced …", "the power of open research and open source").
/// </summary>
internal sealed partial class StanceClassifier
{
    public const string Open = "open";
    public const string Cautious = "cautious";
    public const string Neutral = "neutral";
    public const string Mixed = "mixed";

    private static readonly string[] OpenCues =
    [
        "necessary", "essential", "path forward", "way forward", "good for", "benefit", "democratiz", "democratis", "safer",
        "more secure", "transparen", "innovation", "accessible", "empower", "positive", "broadly", "with the world",
        "commit", "continue to release", "continue to open", "champion", "advocate", "important", "should be open", "continue to produce",
        "will open source", "will release", "we release", "we are releasing", "we're releasing", "proud to release",
        "keep releasing", "continue releasing", "keep publishing", "keep open", "remain open", "stay open", "freely available",
        "open ecosystem", "open science", "level playing field", "wrong side of history",
        "open source strategy", "we open sourced", "we're open sourcing", "we are open sourcing", "available to everyone", "for everyone",
        "available to the world", "available for free", "power of open", "surpassing proprietary", "supportive environment", "excited",
        "global standard", "opportunit", "unleash",
    ];

    private static readonly string[] StrongAnchors =
    [
        "open source", "open sourc", "open weight", "open model", "open research", "open science", "open ai", "open stack", "openness",
        "openly", "llama", "available to the world", "gpt oss",
    ];

    private static readonly string[] CautiousCues =
    [
        "careful", "cautious", "caution", "risk", "safety concern", "dangerous", "danger", "misuse", "harm", "no longer responsible",
        "irresponsible", "rigorous", "mitigat", "restrict", "withhold", "keep closed", "keep them closed", "remain closed", "stay closed", "threat",
        "bad actors", "adversar", "national security", "safeguard", "novel safety", "not obligated", "no obligation", "reconsider",
        "rethink", "more selective", "selective", "pull back", "step back", "too powerful", "too dangerous", "catastroph", "bioweapon",
        "weapon", "unsafe", "keep proprietary", "stay proprietary", "behind an api", "gated", "no longer open", "export control",
        "safety challenge", "rogue", "not everything", "not open source everything", "wrong hands", "undercut", "strip out",
        "strip away", "jailbreak", "cannot be recalled", "can't be recalled", "irreversib", "one way door", "abuse", "malicious",
        "attacker", "help china", "hand over", "give away our", "gift to",
    ];

    private static readonly string[] Anchors =
    [
        "open source", "open sourc", "open weight", "open model", "openly", "open", "weights", "release", "releasing",
        "publish", "share", "shared", "sharing", "closed", "proprietary", "available", "stick with", "llama", "licen", "accessib",
    ];

    private static readonly HashSet<string> Negators = new(StringComparer.Ordinal)
    {
        "not", "no", "never", "without", "hardly", "neither", "nor", "won't", "don't", "doesn't", "isn't", "aren't", "wasn't",
        "can't", "cannot", "shouldn't", "wouldn't",
    };

    /// <summary>Whether a passage speaks of openness at all (open source, weights, releasing, licences …).</summary>
    public bool Anchored(string passage) => HasAnchor(TopicMatcher.Normalise(passage ?? ""));

    /// <summary>The stance of one passage: open, cautious, mixed or neutral.</summary>
    public string Classify(string passage) => Classify(passage, null, quoted: false);

    /// <summary>
    /// The stance of a quote, anchored by <paramref name="context"/> (its sentence) when the quote itself does not
    /// name openness; a quote that names it with no cue and no refusal is open.
    /// </summary>
    public string ClassifyQuote(string quote, string? context) => Classify(quote, context, quoted: true);

    private static string Classify(string passage, string? context, bool quoted)
    {
        var text = TopicMatcher.Normalise(passage ?? "");
        if (!HasAnchor(text) && !(context is not null && HasAnchor(TopicMatcher.Normalise(context))))
        {
            return Neutral;
        }

        var stance = Scored(text);
        return stance == Neutral && quoted && StrongAnchors.Any(a => ContainsWordStart(text, a)) && RefusalPattern().Count(text) == 0
            && !text.Split(' ').Any(w => Negators.Contains(w) || w.EndsWith("n't", StringComparison.Ordinal))
            ? Open
            : stance;
    }

    private static string Scored(string text)
    {
        var contrast = ContrastPattern().Matches(text).LastOrDefault();
        if (contrast is not null)
        {
            var last = Score(text[(contrast.Index + contrast.Length)..]);
            if (last != Neutral)
            {
                return last;
            }
        }

        return Score(text);
    }

    /// <summary>
    /// A document's stance from its quotes in reading order: each speaker's stance is the majority of theirs (a tie goes
    /// to their last word, as in "…shared broadly. That said, …careful"), and a speaker's current words supersede what
    /// they said in the past (background quotes); speakers who disagree make the document mixed.
    /// </summary>
    public string Document(IEnumerable<(string? Speaker, string Stance, bool Background)> quotes)
    {
        var list = quotes.Where(q => q.Stance != Neutral).ToList();
        var current = list.Where(q => !q.Background).Select(q => q.Speaker ?? "").ToHashSet(StringComparer.OrdinalIgnoreCase);
        var speakers = new Dictionary<string, (int Open, int Cautious, string Last)>(StringComparer.OrdinalIgnoreCase);
        foreach (var (speaker, stance, _) in list.Where(q => !q.Background || !current.Contains(q.Speaker ?? "")))
        {
            var (open, cautious, _) = speakers.GetValueOrDefault(speaker ?? "");
            speakers[speaker ?? ""] = (open + (stance is Open or Mixed ? 1 : 0), cautious + (stance is Cautious or Mixed ? 1 : 0), stance);
        }

        return Combine(speakers.Values.Select(s => s.Open > s.Cautious ? Open : s.Cautious > s.Open ? Cautious : s.Last));
    }

    /// <summary>Combines passage stances: disagreement is mixed, agreement wins, nothing is neutral.</summary>
    public string Combine(IEnumerable<string> stances)
    {
        var set = stances.Where(s => s != Neutral).ToHashSet();
        return set.Count switch
        {
            0 => Neutral,
            1 => set.First(),
            _ => Mixed,
        };
    }

    /// <summary>Combines many passages by majority: one side at least twice the other wins, else mixed.</summary>
    public string Majority(IEnumerable<string> stances)
    {
        var list = stances.ToList();
        var open = list.Count(s => s == Open);
        var cautious = list.Count(s => s == Cautious);
        return (open, cautious) switch
        {
            (0, 0) => list.Contains(Mixed) ? Mixed : Neutral,
            _ when open >= 2 * cautious => Open,
            _ when cautious >= 2 * open => Cautious,
            _ => Mixed,
        };
    }

    private static string Score(string text)
    {
        var open = 0;
        var cautious = RefusalPattern().Count(text);
        foreach (var (cues, isOpen) in new[] { (OpenCues, true), (CautiousCues, false) })
        {
            foreach (var cue in cues)
            {
                var from = 0;
                while (from < text.Length && text.IndexOf(cue, from, StringComparison.Ordinal) is var at && at >= 0)
                {
                    from = at + cue.Length;
                    if (at > 0 && char.IsLetterOrDigit(text[at - 1]))
                    {
                        continue;
                    }

                    if (isOpen ^ Negated(text, at))
                    {
                        open++;
                    }
                    else
                    {
                        cautious++;
                    }
                }
            }
        }

        return open > cautious ? Open : cautious > open ? Cautious : open > 0 ? Mixed : Neutral;
    }

    private static bool Negated(string text, int cueStart)
    {
        var before = text[Math.Max(0, cueStart - 40)..cueStart].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return before.TakeLast(3).Any(w => Negators.Contains(w.Trim(',', ';', ':', '.')) || w.EndsWith("n't", StringComparison.Ordinal));
    }

    private static bool HasAnchor(string normalised) => Anchors.Any(a => ContainsWordStart(normalised, a));

    private static bool ContainsWordStart(string text, string word)
    {
        var from = 0;
        while (from < text.Length && text.IndexOf(word, from, StringComparison.Ordinal) is var at && at >= 0)
        {
            if (at == 0 || !char.IsLetterOrDigit(text[at - 1]))
            {
                return true;
            }

            from = at + word.Length;
        }

        return false;
    }

    [GeneratedRegex(@"(?:^|[\s,;.])(?:that said|but|however|nevertheless|even so)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ContrastPattern();

    [GeneratedRegex(
        @"\b(?:won't|will not|wouldn't|would not|not|never|no longer|stop|don't|do not|cannot|can't|shouldn't|should not)\s(?:[\w']+\s){0,3}?(?:release|releasing|open source|open sourced|open sourcing|publish|publishing|share|sharing|do it|do that|make (?:it|them|the \w+) available)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex RefusalPattern();
}
