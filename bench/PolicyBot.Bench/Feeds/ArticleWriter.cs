using System.Net;
using System.Text;

namespace PolicyBot.Bench.Feeds;

/// <summary>
/// Writes the synthetic articles of the benchmark's feeds, deterministically from (feed, sequence, round). About half
/// the articles are about open-source / open-weights AI policy. An article's text grows an edit the round it sits at
/// position <see cref="FirstEditPosition"/> of its feed and another at <see cref="SecondEditPosition"/>, so a changing
/// feed shows one new item and two edited items every round. Every article has at least <see cref="MinimumWords"/> words.
/// </summary>
internal sealed class ArticleWriter(DateTimeOffset anchor, int itemsPerFeed)
{
    public const int FirstEditPosition = 3;
    public const int SecondEditPosition = 7;

    /// <summary>Every article has at least this many words, above PolicyBot's teaser threshold (Polling:TeaserWords, 120 by
    /// default), so no article page is fetched: the benchmark's feeds carry full text.</summary>
    public const int MinimumWords = 150;

    public int ItemsPerFeed => itemsPerFeed;

    /// <summary>The newest sequence number a feed shows in <paramref name="round"/>; it lists this and the ones below it.</summary>
    public long NewestSequence(int round) => round + itemsPerFeed - 1L;

    public SyntheticArticle Write(int feed, long sequence, int round)
    {
        var random = new Random(unchecked((feed * 1_000_003) + ((int)sequence * 7_919)));
        var aboutPolicy = random.Next(2) == 0;
        var cast = new Cast(
            Pick(random, ProsePhrases.Labs),
            Pick(random, ProsePhrases.People),
            Pick(random, ProsePhrases.Models),
            Pick(random, ProsePhrases.Agencies));

        var title = cast.Fill(Pick(random, aboutPolicy ? ProsePhrases.PolicyTitles : ProsePhrases.OtherTitles), random);
        var paragraphs = random.Next(1, 4);
        var sentences = new List<string>();
        var count = random.Next(10, 17);
        for (var i = 0; i < count || Words(sentences) < MinimumWords; i++)
        {
            var policy = aboutPolicy && (i == 0 || random.NextDouble() < 0.6);
            sentences.Add(cast.Fill(policy ? PolicySentence(random) : OtherSentence(random), random));
        }

        // Edits go at the end of the last paragraph, so the paragraphs before them stay as they were.
        var edits = new List<string>(2);
        foreach (var (position, opener) in new[] { (FirstEditPosition, ProsePhrases.UpdateOpeners[0]), (SecondEditPosition, ProsePhrases.UpdateOpeners[1]) })
        {
            var edit = $"{opener} {(aboutPolicy ? PolicySentence(random) : OtherSentence(random))}";
            if (round >= EditRound(sequence, position))
            {
                edits.Add(cast.Fill(edit, random));
            }
        }

        var link = $"https://outlet{feed}.example/articles/{sequence}";
        var html = ToHtml(sentences, edits, paragraphs, link);
        return new SyntheticArticle(sequence, $"outlet{feed}:{sequence}", title, link, Published(sequence), html, aboutPolicy);
    }

    /// <summary>Older items are six hours apart (so a few fall in PolicyBot's backfill window); later ones a minute apart.</summary>
    private DateTimeOffset Published(long sequence)
    {
        var offset = sequence - (itemsPerFeed - 1L);
        return offset <= 0 ? anchor.AddHours(6 * offset) : anchor.AddMinutes(offset);
    }

    private long EditRound(long sequence, int position) => sequence - (itemsPerFeed - 1L) + position;

    private static string ToHtml(List<string> sentences, List<string> edits, int paragraphs, string link)
    {
        var html = new StringBuilder(2048);
        var perParagraph = (sentences.Count + paragraphs - 1) / paragraphs;
        for (var start = 0; start < sentences.Count; start += perParagraph)
        {
            var last = start + perParagraph >= sentences.Count;
            html.Append("<p>");
            foreach (var sentence in sentences.Skip(start).Take(perParagraph).Concat(last ? edits : []))
            {
                html.Append(WebUtility.HtmlEncode(sentence)).Append(' ');
            }

            if (last)
            {
                html.Append("<a href=\"").Append(link).Append("#comments\">Comments</a>");
            }

            html.Append("</p>\n");
        }

        return html.ToString();
    }

    /// <summary>A sentence about AI policy; one in four is a quote with its speaker.</summary>
    private static string PolicySentence(Random random)
    {
        var clause = $"{Pick(random, ProsePhrases.PolicySubjects)} {Pick(random, ProsePhrases.Modals)} {Pick(random, ProsePhrases.PolicyPredicates)} {Pick(random, ProsePhrases.PolicyTails)}";
        return random.Next(4) == 0
            ? $"\"{Capitalized(clause)}, and {Pick(random, ProsePhrases.PolicySubjects)} {Pick(random, ProsePhrases.Modals)} {Pick(random, ProsePhrases.PolicyPredicates)},\" {{person}} of {{lab}} said."
            : $"{Pick(random, ProsePhrases.PolicySpeakers)} {Pick(random, ProsePhrases.Verbs)} {clause}.";
    }

    private static string OtherSentence(Random random) =>
        $"{Pick(random, ProsePhrases.OtherSpeakers)} {Pick(random, ProsePhrases.Verbs)} {Pick(random, ProsePhrases.OtherSubjects)} "
        + $"{Pick(random, ProsePhrases.Modals)} {Pick(random, ProsePhrases.OtherPredicates)} {Pick(random, ProsePhrases.OtherTails)}.";

    private static string Capitalized(string text) => string.Concat(text[..1].ToUpperInvariant(), text.AsSpan(1));

    private static int Words(List<string> sentences) =>
        sentences.Sum(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private sealed record Cast(string Lab, string Person, string Model, string Agency)
    {
        public string Fill(string template, Random random)
        {
            var text = template
                .Replace("{lab}", Lab, StringComparison.Ordinal)
                .Replace("{person}", Person, StringComparison.Ordinal)
                .Replace("{model}", Model, StringComparison.Ordinal)
                .Replace("{agency}", Agency, StringComparison.Ordinal)
                .Replace("{weekday}", ProsePhrases.Weekdays[random.Next(ProsePhrases.Weekdays.Length)], StringComparison.Ordinal)
                .Replace("{outlet}", ProsePhrases.Outlets[random.Next(ProsePhrases.Outlets.Length)], StringComparison.Ordinal)
                .Replace("{count}", random.Next(2, 90).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            return Capitalized(text);
        }
    }
}
