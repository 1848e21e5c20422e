using System.Text.RegularExpressions;
using PolicyBot.History;

namespace PolicyBot.Analysis;

/// <summary>
/// Attributes a quotation to the nearest named person, in this order: a name with a speech verb right after the
/// quote ("…,” Zuckerberg wrote); "he said" / "she wrote" after or before it (the last person named earlier);
/// a name earlier in the quote's sentence ("Zuckerberg wrote: “…”"); any name right after it; a name in the
/// previous, then the next sentence. With no person, an organisation named right after or before the quote.
/// </summary>
internal sealed partial class SpeakerResolver
{
    private const int TailLength = 160;

    private const int HeadLength = 240;

    private const int PronounReach = 3_000;

    public (string? Speaker, string? Organisation) Resolve(
        string text,
        QuoteSpan quote,
        IReadOnlyList<SentenceSpan> sentences,
        IReadOnlyList<PersonMention> people,
        IReadOnlyList<ActorMention> actors)
    {
        var tailEnd = TailEnd(text, quote.Close);
        var tail = text[quote.Close..tailEnd];
        var openSentence = SentenceAt(sentences, quote.Open);
        var headStart = Math.Max(openSentence?.Start ?? quote.Open, quote.Open - HeadLength);
        var head = text[headStart..quote.Open];

        var introducesNext = tailEnd < text.Length && text[tailEnd] is '"' or '“' or '«' && IntroducesQuote().IsMatch(tail);
        var inTail = introducesNext ? new List<PersonMention>() : people.Where(p => p.Start >= quote.Close && p.End <= tailEnd).ToList();
        var spoken = inTail.FirstOrDefault(p => SpeechVerb().IsMatch(TextAround(text, p, quote.Close, tailEnd)));
        if (spoken is not null)
        {
            return (spoken.Name, spoken.Organisation);
        }

        if (PronounAfter().IsMatch(tail) || PronounBefore().IsMatch(head))
        {
            var earlier = people.LastOrDefault(p => p.End <= quote.Open && p.End >= quote.Open - PronounReach);
            if (earlier is not null)
            {
                return (earlier.Name, earlier.Organisation);
            }
        }

        var inHead = people.LastOrDefault(p => p.Start >= headStart && p.End <= quote.Open);
        var nearest = inHead ?? inTail.FirstOrDefault() ?? Neighbour(sentences, people, openSentence, quote);
        if (nearest is not null)
        {
            return (nearest.Name, nearest.Organisation);
        }

        var organisation = actors.FirstOrDefault(a => a.Person is null && a.Start >= quote.Close && a.End <= tailEnd)
            ?? actors.LastOrDefault(a => a.Person is null && a.Start >= headStart && a.End <= quote.Open);
        return (null, organisation?.Organisation.Name);
    }

    private static PersonMention? Neighbour(IReadOnlyList<SentenceSpan> sentences, IReadOnlyList<PersonMention> people, SentenceSpan? openSentence, QuoteSpan quote)
    {
        var previous = openSentence is { } open ? sentences.LastOrDefault(s => s.End <= open.Start) : (SentenceSpan?)null;
        if (previous is { } before && people.LastOrDefault(p => p.Start >= before.Start && p.End <= before.End) is { } last)
        {
            return last;
        }

        var closeSentence = SentenceAt(sentences, Math.Max(quote.Open, quote.Close - 1));
        var next = closeSentence is { } close ? sentences.FirstOrDefault(s => s.Start >= close.End) : (SentenceSpan?)null;
        return next is { Length: > 0 } after ? people.FirstOrDefault(p => p.Start >= after.Start && p.End <= after.End) : null;
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

    /// <summary>The attribution zone after a quote: to the end of its sentence, the paragraph, or the next quote.</summary>
    private static int TailEnd(string text, int close)
    {
        var limit = Math.Min(text.Length, close + TailLength);
        for (var i = close; i < limit; i++)
        {
            var c = text[i];
            if (c is '\n' or '“' or '«' or '"' || (c is '.' or '!' or '?' && i > close + 1 && (i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1]))))
            {
                return i;
            }
        }

        return limit;
    }

    private static string TextAround(string text, PersonMention person, int start, int end)
    {
        var from = Math.Max(start, person.Start - 30);
        var to = Math.Min(end, person.End + 30);
        return text[from..to];
    }

    private const string Verbs = "said|says|wrote|writes|told|tells|added|adds|argued|argues|stated|noted|notes|explained|warned|warns|posted|insisted|declared|remarked|replied|continued|according";

    [GeneratedRegex(@"(?:[:,]|\b(?:" + Verbs + @"))\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IntroducesQuote();

    [GeneratedRegex(@"\b(?:" + Verbs + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpeechVerb();

    [GeneratedRegex(@"^\W{0,4}(?:(?:he|she|they)\s(?:" + Verbs + @")|(?:" + Verbs + @")\s(?:he|she))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PronounAfter();

    [GeneratedRegex(@"\b(?:he|she)\s(?:" + Verbs + @")(?:\sthat)?\W{0,3}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PronounBefore();
}
