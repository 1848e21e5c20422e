using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Analysis.Summaries;
using PolicyBot.History;

namespace PolicyBot.Analysis;

/// <summary>
/// The analysis step the pipeline calls: topic relevance (topical sentences with an AI angle, explained by the
/// matched terms), organisations by salience, the three best attributed direct quotes (verbatim substrings of the
/// text), the stance toward openly releasing AI models per quote and per document (neutral for a document that is not
/// relevant), and an extractive summary. Rule-based and explainable; never throws on bad input (only on
/// cancellation) and reads at most <see cref="MaxTextLength"/> characters of a document, so time stays bounded.
/// </summary>
public sealed partial class StatementAnalyzer
{
    /// <summary>Characters of a document's text that are analysed; longer text is cut (news is far shorter).</summary>
    public const int MaxTextLength = 200_000;

    private const int MaxTitleLength = 1_000;

    private const int MaxQuotes = 200;

    private const int BestQuotes = 3;

    private const int MinNarrativeStances = 3;

    private readonly AnalysisOptions _options;
    private readonly ILogger<StatementAnalyzer> _logger;
    private readonly ActorCatalogue _catalogue;
    private readonly TopicMatcher _topics;
    private readonly RelevanceScorer _relevance;
    private readonly SentenceSplitter _splitter = new();
    private readonly QuoteFinder _quotes = new();
    private readonly SpeakerResolver _speakers = new();
    private readonly StanceClassifier _stances = new();
    private readonly ExtractiveSummarizer _summarizer;
    private readonly QuoteSelector _selector;
    private readonly PersonFinder _people;

    private readonly LlmSummarizer? _llm;

    /// <param name="llm">The optional LLM summarizer; used for relevant documents when configured, extractive otherwise.</param>
    public StatementAnalyzer(IOptions<AnalysisOptions> options, ILogger<StatementAnalyzer> logger, LlmSummarizer? llm = null)
    {
        _llm = llm;
        _options = options.Value;
        _logger = logger;
        _catalogue = LoadCatalogue(_options.CatalogueFile, logger);
        _topics = new TopicMatcher(_options.EffectiveTerms);
        _summarizer = new ExtractiveSummarizer(new NoiseNormalizer(), _topics);
        _selector = new QuoteSelector(_topics, _stances);
        _relevance = new RelevanceScorer(_topics, new TopicMatcher(AnalysisOptions.DefaultContextTerms));
        _people = new PersonFinder(_catalogue);
    }

    /// <summary>The actors catalogue in use (bundled, or the configured file).</summary>
    public ActorCatalogue Catalogue => _catalogue;

    public async Task<StatementAnalysis> AnalyzeAsync(AnalysisInput input, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        StatementAnalysis analysis;
        try
        {
            analysis = Analyze(input, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.AnalysisFailed(_logger, input?.Url, ex);
            return new StatementAnalysis(false, 0, [], [], StanceClassifier.Neutral, Cut(input?.Title, MaxTitleLength), []);
        }

        // the LLM may only rephrase the summary of a relevant document; quotes always come from the text itself
        if (analysis.Relevant && _llm is { Enabled: true }
            && await _llm.SummarizeAsync(Cut(input.Title, MaxTitleLength), Cut(input.Text, MaxTextLength), analysis.Summary, cancellationToken) is { } summary)
        {
            analysis = analysis with { Summary = summary };
        }

        return analysis;
    }

    private StatementAnalysis Analyze(AnalysisInput input, CancellationToken cancellationToken)
    {
        var title = Cut(input?.Title, MaxTitleLength);
        var text = Cut(input?.Text, MaxTextLength);

        var actors = _catalogue.Find(text);
        var titleActors = _catalogue.Find(title);
        var sentences = _splitter.SplitSpans(text);
        var orgs = Organisations(actors, titleActors, input?.SourceOrgs ?? [], text, sentences);
        var actorCount = orgs.Count(o => o.Mentions > 0);
        var (relevance, counts) = _relevance.Score(title, text, sentences, actorCount);
        var matched = counts
            .OrderByDescending(t => t.Value)
            .ThenBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => t.Key)
            .ToList();
        cancellationToken.ThrowIfCancellationRequested();

        var people = _people.Find(text, actors, sentences);
        var hint = input?.SourceOrgs is { Count: 1 } sourceOrgs ? Canonical(sourceOrgs[0]) : null;
        var spans = _quotes.Find(text).Take(MaxQuotes).ToList();
        var speakers = _speakers.Resolve(text, spans, sentences, people, actors);
        var distinct = _selector.Rank(text, spans, speakers, orgs, hint);
        cancellationToken.ThrowIfCancellationRequested();
        var best = _selector.Best(distinct, BestQuotes);
        var relevant = relevance >= _options.RelevanceThreshold;
        var stanceOfDocument = !relevant
            ? StanceClassifier.Neutral
            : DocumentStance(text, sentences, distinct.OrderBy(q => q.Position).Select(q => (q.Quote.Speaker, q.Quote.Stance, q.Background)).ToList());
        var summary = _summarizer.Summarize(text, sentences, title, spans);
        return new StatementAnalysis(relevant, relevance, matched, orgs, stanceOfDocument, summary, best);
    }

    [GeneratedRegex(@"\b(?:[Ww]e|[Oo]ur|us|I|[Mm]y)\b", RegexOptions.CultureInvariant)]
    private static partial Regex FirstPerson();

    /// <summary>
    /// From the quotes when they take sides; otherwise from the text's own on-topic sentences, when enough of them take
    /// one: <see cref="MinNarrativeStances"/>, a first-person sentence ("we will release …", a statement published by
    /// the actor itself) counting twice — a report's own wording rarely takes sides.
    /// </summary>
    private string DocumentStance(string text, IReadOnlyList<SentenceSpan> sentences, IReadOnlyList<(string? Speaker, string Stance, bool Background)> quotes)
    {
        var fromQuotes = _stances.Document(quotes);
        if (fromQuotes != StanceClassifier.Neutral)
        {
            return fromQuotes;
        }

        var topical = sentences
            .Take(500)
            .Select(s => text.Substring(s.Start, Math.Min(s.Length, 2_000)))
            .Where(s => _topics.Hits(s) > 0)
            .Select(s => (Stance: _stances.Classify(s), Weight: FirstPerson().IsMatch(s) ? 2 : 1))
            .Where(s => s.Stance != StanceClassifier.Neutral)
            .ToList();
        return topical.Sum(s => s.Weight) >= MinNarrativeStances ? _stances.Majority(topical.Select(s => s.Stance)) : StanceClassifier.Neutral;
    }

    /// <summary>
    /// Organisations by salience: a mention in the title counts 3, in the lead (first three sentences) 2, elsewhere 1.
    /// <see cref="OrgMention.Mentions"/> is the plain count of mentions in title and text.
    /// </summary>
    private List<OrgMention> Organisations(
        IReadOnlyList<ActorMention> mentions, IReadOnlyList<ActorMention> titleMentions, IReadOnlyList<string> sourceOrgs, string text, IReadOnlyList<SentenceSpan> sentences)
    {
        var leadEnd = sentences.Count == 0 ? 0 : sentences[Math.Min(2, sentences.Count - 1)].End;
        var counts = new Dictionary<string, (int Count, double Salience)>(StringComparer.Ordinal);
        foreach (var (mention, weight) in titleMentions.Select(m => (m, 3.0)).Concat(mentions.Select(m => (m, m.Start < leadEnd ? 2.0 : 1.0))))
        {
            var (count, salience) = counts.GetValueOrDefault(mention.Organisation.Name);
            counts[mention.Organisation.Name] = (count + 1, salience + weight);
        }

        foreach (var sourceOrg in sourceOrgs.Where(s => !string.IsNullOrWhiteSpace(s)))
        {
            var name = Canonical(sourceOrg);
            if (!counts.ContainsKey(name))
            {
                var count = _catalogue.FindOrganisation(name) is null ? CountWord(text, name) : 0;
                counts[name] = (count, count);
            }
        }

        return counts
            .OrderByDescending(c => c.Value.Salience)
            .ThenByDescending(c => c.Value.Count)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new OrgMention(c.Key, c.Value.Count))
            .ToList();
    }

    private string Canonical(string organisation) => _catalogue.FindOrganisation(organisation.Trim())?.Name ?? organisation.Trim();

    private static int CountWord(string text, string word)
    {
        var count = 0;
        var from = 0;
        while (from < text.Length && text.IndexOf(word, from, StringComparison.Ordinal) is var at && at >= 0)
        {
            var end = at + word.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end >= text.Length || !char.IsLetterOrDigit(text[end])))
            {
                count++;
            }

            from = end;
        }

        return count;
    }

    private static string Cut(string? value, int max)
    {
        if (string.IsNullOrEmpty(value) || value.Length <= max)
        {
            return value ?? "";
        }

        return char.IsHighSurrogate(value[max - 1]) ? value[..(max - 1)] : value[..max];
    }

    private static ActorCatalogue LoadCatalogue(string? file, ILogger logger)
    {
        if (string.IsNullOrWhiteSpace(file))
        {
            return ActorCatalogue.LoadBundled();
        }

        var result = ActorCatalogue.LoadFile(file);
        if (result.Catalogue is not null)
        {
            return result.Catalogue;
        }

        Log.CatalogueRejected(logger, file, result.Error ?? "unknown error");
        return ActorCatalogue.LoadBundled();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4101, Level = LogLevel.Error, Message = "Actors catalogue {File} rejected, using the bundled one: {Error}")]
        public static partial void CatalogueRejected(ILogger logger, string file, string error);

        [LoggerMessage(EventId = 4102, Level = LogLevel.Error, Message = "Analysis of {Url} failed; reporting it as not relevant")]
        public static partial void AnalysisFailed(ILogger logger, string? url, Exception exception);
    }
}
