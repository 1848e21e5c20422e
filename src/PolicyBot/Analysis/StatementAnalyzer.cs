using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.History;

namespace PolicyBot.Analysis;

/// <summary>
/// The analysis step the pipeline calls: topic relevance, organisations, attributed direct quotes, stance and a
/// lead summary. Rule-based and explainable; never throws on bad input (only on cancellation) and reads at most
/// <see cref="MaxTextLength"/> characters of a document, so time stays bounded.
/// </summary>
public sealed partial class StatementAnalyzer
{
    /// <summary>Characters of a document's text that are analysed; longer text is cut (news is far shorter).</summary>
    public const int MaxTextLength = 200_000;

    private const int MaxTitleLength = 1_000;

    private const int MaxQuotes = 200;

    private const int BestQuotes = 3;

    private readonly AnalysisOptions _options;
    private readonly ILogger<StatementAnalyzer> _logger;
    private readonly ActorCatalogue _catalogue;
    private readonly TopicMatcher _topics;
    private readonly SentenceSplitter _splitter = new();
    private readonly QuoteFinder _quotes = new();
    private readonly SpeakerResolver _speakers = new();
    private readonly StanceClassifier _stances = new();
    private readonly LeadSummarizer _summarizer = new(new NoiseNormalizer());
    private readonly PersonFinder _people;

    public StatementAnalyzer(IOptions<AnalysisOptions> options, ILogger<StatementAnalyzer> logger)
    {
        _options = options.Value;
        _logger = logger;
        _catalogue = LoadCatalogue(_options.CatalogueFile, logger);
        _topics = new TopicMatcher(_options.EffectiveTerms);
        _people = new PersonFinder(_catalogue);
    }

    /// <summary>The actors catalogue in use (bundled, or the configured file).</summary>
    public ActorCatalogue Catalogue => _catalogue;

    public Task<StatementAnalysis> AnalyzeAsync(AnalysisInput input, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return Task.FromResult(Analyze(input, cancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.AnalysisFailed(_logger, input?.Url, ex);
            return Task.FromResult(new StatementAnalysis(false, 0, [], [], StanceClassifier.Neutral, Cut(input?.Title, MaxTitleLength), []));
        }
    }

    private StatementAnalysis Analyze(AnalysisInput input, CancellationToken cancellationToken)
    {
        var title = Cut(input?.Title, MaxTitleLength);
        var text = Cut(input?.Text, MaxTextLength);

        var titleTerms = _topics.Count(title);
        var bodyTerms = _topics.Count(text);
        var actors = _catalogue.Find(text);
        var titleActors = _catalogue.Find(title);
        var orgs = Organisations(actors.Concat(titleActors), input?.SourceOrgs ?? [], text);
        var actorCount = orgs.Count(o => o.Mentions > 0);
        var relevance = RelevanceScorer.Score(titleTerms.Count, bodyTerms.Count, bodyTerms.Values.Sum(), actorCount);
        var matched = titleTerms.Keys.Union(bodyTerms.Keys)
            .OrderByDescending(t => titleTerms.GetValueOrDefault(t) + bodyTerms.GetValueOrDefault(t))
            .ThenBy(t => t, StringComparer.Ordinal)
            .ToList();
        cancellationToken.ThrowIfCancellationRequested();

        var sentences = _splitter.SplitSpans(text);
        var people = _people.Find(text, actors, sentences);
        var hint = input?.SourceOrgs is { Count: 1 } sourceOrgs ? Canonical(sourceOrgs[0]) : null;
        var spans = _quotes.Find(text).Take(MaxQuotes).ToList();
        var speakers = _speakers.Resolve(text, spans, sentences, people, actors);
        var quotes = new List<(Quote Quote, double Rank, int Position)>();
        for (var i = 0; i < spans.Count; i++)
        {
            var span = spans[i];
            var words = text.Substring(span.Start, span.Length);
            var (speaker, org) = speakers[i];
            var stance = _stances.Classify(words);
            var rank = _topics.Hits(words) + (stance == StanceClassifier.Neutral ? 0 : 0.5) + (speaker is null ? 0 : 0.25);
            quotes.Add((new Quote(words, speaker, org ?? hint, stance), rank, span.Start));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var distinct = quotes.DistinctBy(q => q.Quote.Text, StringComparer.Ordinal).ToList();
        var best = distinct.OrderByDescending(q => q.Rank).ThenBy(q => q.Position).Take(BestQuotes).Select(q => q.Quote).ToList();
        var stanceOfDocument = DocumentStance(text, sentences, distinct.Select(q => q.Quote.Stance).ToList());
        var summary = _summarizer.Summarize(text, sentences, title);
        return new StatementAnalysis(relevance >= _options.RelevanceThreshold, relevance, matched, orgs, stanceOfDocument, summary, best);
    }

    /// <summary>From the quotes when they take sides; otherwise from the text's own on-topic sentences.</summary>
    private string DocumentStance(string text, IReadOnlyList<SentenceSpan> sentences, IReadOnlyList<string> quoteStances)
    {
        var fromQuotes = _stances.Combine(quoteStances);
        if (fromQuotes != StanceClassifier.Neutral)
        {
            return fromQuotes;
        }

        var topical = sentences
            .Take(500)
            .Select(s => text.Substring(s.Start, Math.Min(s.Length, 2_000)))
            .Where(s => _topics.Hits(s) > 0)
            .Select(_stances.Classify);
        return _stances.Majority(topical);
    }

    private List<OrgMention> Organisations(IEnumerable<ActorMention> mentions, IReadOnlyList<string> sourceOrgs, string text)
    {
        var counts = mentions
            .GroupBy(m => m.Organisation.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var sourceOrg in sourceOrgs.Where(s => !string.IsNullOrWhiteSpace(s)))
        {
            var name = Canonical(sourceOrg);
            if (!counts.ContainsKey(name))
            {
                counts[name] = _catalogue.FindOrganisation(name) is null ? CountWord(text, name) : 0;
            }
        }

        return counts
            .Select(c => new OrgMention(c.Key, c.Value))
            .OrderByDescending(o => o.Mentions)
            .ThenBy(o => o.Name, StringComparer.Ordinal)
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
