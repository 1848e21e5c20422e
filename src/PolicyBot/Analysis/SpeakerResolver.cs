using System.Text.RegularExpressions;
using PolicyBot.History;

namespace PolicyBot.Analysis;

/// <summary>
/// Attributes each quotation (all parts of one continued across paragraphs alike) to a speaker, in this order:
/// a speaker with a speech verb right after the quote ("…,” Zuckerberg wrote; "…,” said Jane Doe; "…,” the Meta
/// chief executive said; "…,” a Meta spokesperson said); "he said" / "she added" after or before it (the last
/// person named outside quotations before it); a speaker earlier in the quote's sentence ("Zuckerberg wrote: “…”",
/// "according to X, “…”"); a quote standing alone right after another quote continues that quote's speaker;
/// otherwise a person in the previous, then the next sentence. With no speaker, an organisation named next to it.
/// An organisation speaking for itself is its own speaker.
/// </summary>
internal sealed partial class SpeakerResolver
{
    private const int TailLength = 160;

    private const int HeadLength = 240;

    private const int PronounReach = 3_000;

    private const int FollowOnReach = 400;

    public IReadOnlyList<(string? Speaker, string? Organisation)> Resolve(
        string text,
        IReadOnlyList<QuoteSpan> quotes,
        IReadOnlyList<SentenceSpan> sentences,
        IReadOnlyList<PersonMention> people,
        IReadOnlyList<ActorMention> actors)
    {
        var outside = people.Where(p => !quotes.Any(q => q.Open < p.Start && p.End <= q.Close)).ToList();
        var results = new (string? Speaker, string? Organisation)[quotes.Count];
        (string? Speaker, string? Organisation, int Close) previous = (null, null, -1);
        var index = 0;
        while (index < quotes.Count)
        {
            var last = index;
            while (last + 1 < quotes.Count && quotes[last + 1].Chain == quotes[index].Chain)
            {
                last++;
            }

            var resolved = ResolveOne(text, quotes[index], quotes[last], sentences, outside, actors, previous);
            for (var i = index; i <= last; i++)
            {
                results[i] = (resolved.Speaker, resolved.Organisation);
            }

            previous = (resolved.Speaker, resolved.Organisation, quotes[last].Close);
            index = last + 1;
        }

        return results;
    }

    private static (string? Speaker, string? Organisation) ResolveOne(
        string text,
        QuoteSpan first,
        QuoteSpan last,
        IReadOnlyList<SentenceSpan> sentences,
        IReadOnlyList<PersonMention> people,
        IReadOnlyList<ActorMention> actors,
        (string? Speaker, string? Organisation, int Close) previous)
    {
        var tailEnd = TailEnd(text, last.Close);
        var tail = text[last.Close..tailEnd];
        var openSentence = SentenceAt(sentences, first.Open);
        var headStart = Math.Max(Math.Min(openSentence?.Start ?? first.Open, first.Open), first.Open - HeadLength);
        headStart = Math.Max(headStart, ParagraphStart(text, first.Open));
        if (string.IsNullOrWhiteSpace(text[headStart..first.Open]) && IntroducedBefore(text, headStart) is { } introduction)
        {
            headStart = introduction;
        }

        var head = text[headStart..first.Open];

        if (TailBelongsHere(text, last, tail, tailEnd))
        {
            var spoken = people.FirstOrDefault(p => p.Start >= last.Close && p.End <= tailEnd
                && SpeechVerb().IsMatch(text[last.Close..Math.Min(tailEnd, p.End + 40)]));
            if (spoken is not null)
            {
                return (spoken.Name, spoken.Organisation);
            }

            if (PronounAfter().Match(tail) is { Success: true } pronoun && Earlier(text, people, actors, first.Open, pronoun.Groups["it"].Success) is { } earlier)
            {
                return earlier;
            }
        }

        var attribution = PronounBefore().Match(head) is { Success: true } before ? before : PronounLead().Match(head);
        if (attribution.Success && Earlier(text, people, actors, headStart + attribution.Index, attribution.Groups["it"].Success) is { } named)
        {
            return named;
        }

        var inHead = people.LastOrDefault(p => p.Start >= headStart && p.End <= first.Open && !p.IsOrganisation)
            ?? people.LastOrDefault(p => p.Start >= headStart && p.End <= first.Open);
        if (inHead is not null)
        {
            return (inHead.Name, inHead.Organisation);
        }

        var inTail = TailBelongsHere(text, last, tail, tailEnd) ? people.FirstOrDefault(p => p.Start >= last.Close && p.End <= tailEnd) : null;
        if (inTail is not null)
        {
            return (inTail.Name, inTail.Organisation);
        }

        var sameSentence = openSentence is { } sentence && previous.Close > sentence.Start;
        if (previous.Speaker is not null && previous.Close >= 0 && first.Open - previous.Close <= FollowOnReach && (StandsAlone(head) || sameSentence)
            && !people.Any(p => p.Start >= previous.Close && p.End <= first.Open && p.Name != previous.Speaker && !p.IsOrganisation))
        {
            return (previous.Speaker, previous.Organisation);
        }

        var nearest = Neighbour(sentences, people, openSentence, first, last);
        if (nearest is not null)
        {
            return (nearest.Name, nearest.Organisation);
        }

        var organisation = actors.FirstOrDefault(a => a.Person is null && a.Start >= last.Close && a.End <= tailEnd)
            ?? actors.LastOrDefault(a => a.Person is null && a.Start >= headStart && a.End <= first.Open);
        return (null, organisation?.Organisation.Name);
    }

    /// <summary>
    /// The words after a quote attribute it unless they introduce the next quote ("Doe said: “…”") or start a new
    /// sentence after a quote that ended one ("“…we will.” Doe then left").
    /// </summary>
    private static bool TailBelongsHere(string text, QuoteSpan quote, string tail, int tailEnd)
    {
        if (quote.Continued)
        {
            return false;
        }

        var trimmed = tail.TrimEnd();
        var nextQuote = tailEnd < text.Length && text[tailEnd] is '"' or '“' or '«' or '‘' or '„' or '「';
        if (nextQuote && trimmed.EndsWith(':'))
        {
            return false;
        }

        var endedSentence = quote.Length > 0 && text[quote.End - 1] is '.' or '!' or '?';
        var start = tail.TrimStart();
        return !(endedSentence && start.Length > 0 && char.IsUpper(start[0]) && !PronounAfter().IsMatch(tail));
    }

    /// <summary>
    /// The last speaker named before <paramref name="position"/>: a person; for "it said" an organisation speaking
    /// before, else the last organisation named as a sentence's subject.
    /// </summary>
    private static (string? Speaker, string? Organisation)? Earlier(
        string text, IReadOnlyList<PersonMention> people, IReadOnlyList<ActorMention> actors, int position, bool organisation)
    {
        var named = people.LastOrDefault(p => p.End <= position && p.End >= position - PronounReach && p.IsOrganisation == organisation);
        if (named is not null)
        {
            return (named.Name, named.Organisation);
        }

        return organisation && PersonFinder.SubjectBefore(text, actors, position, companyOnly: false) is { } subject
            ? (subject.Organisation.Name, subject.Organisation.Name)
            : null;
    }

    /// <summary>The start of the previous paragraph's last sentence when that paragraph ends with a colon ("The authors write:").</summary>
    private static int? IntroducedBefore(string text, int paragraphStart)
    {
        var end = paragraphStart;
        while (end > 0 && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end == 0 || text[end - 1] != ':')
        {
            return null;
        }

        var start = end - 1;
        while (start > 0 && end - start < HeadLength && text[start - 1] is not ('.' or '!' or '?' or '\n'))
        {
            start--;
        }

        return start;
    }

    private static bool StandsAlone(string head) => head.Trim().Length == 0;

    private static PersonMention? Neighbour(IReadOnlyList<SentenceSpan> sentences, IReadOnlyList<PersonMention> people, SentenceSpan? openSentence, QuoteSpan first, QuoteSpan last)
    {
        var previous = openSentence is { } open ? sentences.LastOrDefault(s => s.End <= open.Start) : (SentenceSpan?)null;
        if (previous is { } before && people.LastOrDefault(p => p.Start >= before.Start && p.End <= before.End && !p.IsOrganisation) is { } named)
        {
            return named;
        }

        var closeSentence = SentenceAt(sentences, Math.Max(last.Open, last.Close - 1));
        var next = closeSentence is { } close ? sentences.FirstOrDefault(s => s.Start >= close.End) : (SentenceSpan?)null;
        return next is { Length: > 0 } after ? people.FirstOrDefault(p => p.Start >= after.Start && p.End <= after.End && !p.IsOrganisation) : null;
    }

    private static SentenceSpan? SentenceAt(IReadOnlyList<SentenceSpan> sentences, int position)
    {
        int low = 0, high = sentences.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (sentences[mid].End <= position)
            {
                low = mid + 1;
            }
            else if (sentences[mid].Start > position)
            {
                high = mid - 1;
            }
            else
            {
                return sentences[mid];
            }
        }

        return null;
    }

    private static int ParagraphStart(string text, int position)
    {
        var at = position > 1 ? text.LastIndexOf("\n\n", position - 1, Math.Min(position, HeadLength + 2), StringComparison.Ordinal) : -1;
        return at < 0 ? 0 : at + 2;
    }

    /// <summary>The attribution zone after a quote: to the end of its sentence, the paragraph, or the next quote.</summary>
    private static int TailEnd(string text, int close)
    {
        var limit = Math.Min(text.Length, close + TailLength);
        for (var i = close; i < limit; i++)
        {
            var c = text[i];
            if (c is '\n' or '“' or '«' or '"' or '„' or '「' || (c == '‘' && i > 0 && char.IsWhiteSpace(text[i - 1]))
                || (c is '.' or '!' or '?' && i > close + 1 && (i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1])) && !IsInitial(text, i)))
            {
                return i;
            }
        }

        return limit;
    }

    /// <summary>"J. Doe" or "U.S." — a full stop after a single capital is not a sentence end.</summary>
    private static bool IsInitial(string text, int i) => i >= 1 && char.IsUpper(text[i - 1]) && (i < 2 || !char.IsLetter(text[i - 2]));

    private const string Verbs = "said|says|wrote|writes|told|tells|added|adds|argued|argues|stated|noted|notes|explained|warned|warns|posted|insisted|declared|remarked|replied|continued|according|recalled|cautioned|stressed|emphasised|emphasized|acknowledged|admitted|conceded|predicted|responded|put it|told reporters|countered|disagreed|agreed|asked|concluded|announced|promised|vowed|pledged|maintained|claimed|suggested|tweeted|observed|commented|testified|went on|announced|found|ruled|a déclaré|a dit|a affirmé|a ajouté|a expliqué|selon|sagte|erklärte|betonte|dijo|afirmó";

    [GeneratedRegex(@"\b(?:" + Verbs + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpeechVerb();

    [GeneratedRegex(@"^\W{0,4}(?:(?:he|she|they|(?<it>it))\s(?:also\s|later\s|then\s)?(?:" + Verbs + @")|(?:" + Verbs + @")\s(?:he|she|(?<it>it)))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PronounAfter();

    [GeneratedRegex(@"\b(?:he|she|(?<it>it))\s(?:also\s|later\s|then\s)?(?:" + Verbs + @")(?:\s(?:that|in\s[\w\s]{1,40}?|on\s[\w\s]{1,40}?))?\W{0,3}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PronounBefore();

    /// <summary>A sentence that opens with its attribution: "It says that an AI system must grant “…”".</summary>
    [GeneratedRegex(@"^\W*(?:he|she|(?<it>it))\s(?:also\s)?(?:says|said|states|stated|wrote|writes|argues|argued|notes|noted|adds|added|insists|insisted)\s(?:that\s)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PronounLead();
}
