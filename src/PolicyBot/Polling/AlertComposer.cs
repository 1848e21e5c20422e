using PolicyBot.Alerting;
using PolicyBot.Analysis;
using PolicyBot.Clustering;
using PolicyBot.History;
using PolicyBot.Sources;

namespace PolicyBot.Polling;

/// <summary>
/// Decides whether a new or changed document deserves an alert and writes it. New feed items alert when the
/// analyzer finds them relevant (a teaser is completed from its article page first); a watched page alerts on
/// every real change, because an admin chose to watch it.
/// </summary>
public sealed class AlertComposer(StatementAnalyzer analyzer, ArticleFollower follower, TimeProvider timeProvider)
{
    public async Task<ComposedAlert?> ComposeAsync(Source source, Document document, TextChange? change, ArticleFollower.Budget budget, CancellationToken cancellationToken)
    {
        if (source.Kind == SourceKind.Feed)
        {
            document = await follower.CompleteAsync(document, budget, cancellationToken);
        }

        var analysis = await analyzer.AnalyzeAsync(
            new AnalysisInput(document.Title, document.Text, document.Link, document.PublishedAt, source.Orgs), cancellationToken);
        var watchedPageChanged = change is not null && source.Kind == SourceKind.Page;
        if (!analysis.Relevant && !watchedPageChanged)
        {
            return null;
        }

        var orgs = analysis.Orgs.Select(o => o.Name).ToList();
        if (orgs.Count == 0)
        {
            orgs.AddRange(source.Orgs);
        }

        var alert = new Alert
        {
            Kind = change is null ? "new" : "changed",
            Title = string.IsNullOrWhiteSpace(document.Title) ? source.Title ?? source.Name : document.Title,
            Url = document.Link ?? source.Url,
            Source = source.Name,
            PublishedAt = document.PublishedAt,
            Orgs = orgs,
            Stance = analysis.Stance,
            Summary = analysis.Summary,
            Quotes = analysis.Quotes.Select(q => new AlertQuote(q.Text, q.Speaker, q.Org, q.Stance)).ToList(),
            Change = change is null ? null : new AlertChange(change.Added, change.Removed),
            Matched = analysis.Matched.Concat(orgs).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            Relevance = Math.Round(analysis.Relevance, 2),
        };

        // a changed page or item is its own news; a new report is matched to the statement it carries
        var lead = analysis.Quotes.FirstOrDefault();
        var signature = change is not null ? null : StatementSignature.Create(
            lead?.Org ?? orgs.FirstOrDefault(),
            lead?.Speaker,
            analysis.Stance,
            document.PublishedAt ?? timeProvider.GetUtcNow(),
            document.Text,
            analysis.Quotes.Select(q => q.Text));
        return new ComposedAlert(alert, signature);
    }
}
