using PolicyBot.Extraction;
using PolicyBot.Fetching;

namespace PolicyBot.Sources;

/// <summary>Checks a source definition (from configuration, the CLI or chat) and says what is wrong, in words.</summary>
public sealed class SourceDefinitionValidator
{
    /// <summary>Returns the problems found; empty when the definition is usable. Fills in a missing name.</summary>
    public IReadOnlyList<string> Validate(SourceDefinition definition)
    {
        var problems = new List<string>();
        definition.Url = definition.Url.Trim();
        if (UrlPolicy.Validate(definition.Url) is { } urlProblem)
        {
            problems.Add($"Url '{Redact(definition.Url)}': {urlProblem}");
        }
        else if (string.IsNullOrWhiteSpace(definition.Name))
        {
            definition.Name = new Uri(definition.Url).Host;
        }

        if (!Source.TryParseKind(definition.Kind, out var kind))
        {
            problems.Add($"Kind '{definition.Kind}': must be 'feed' or 'page'");
        }
        else
        {
            definition.Kind = Source.FormatKind(kind);
        }

        if (definition.Interval is { } interval && (interval < TimeSpan.FromSeconds(10) || interval > TimeSpan.FromDays(7)))
        {
            problems.Add($"Interval '{interval}': must be between 00:00:10 and 7.00:00:00");
        }

        if (!string.IsNullOrWhiteSpace(definition.Selector))
        {
            if (kind != SourceKind.Page)
            {
                problems.Add("Selector: only a page source can have a CSS selector");
            }
            else if (!HtmlTextExtractor.IsValidSelector(definition.Selector))
            {
                problems.Add($"Selector '{definition.Selector}': not a valid CSS selector");
            }
        }
        else
        {
            definition.Selector = null;
        }

        definition.Orgs = definition.Orgs.Select(o => o.Trim()).Where(o => o.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (definition.Orgs.Any(o => o.Contains(',', StringComparison.Ordinal)))
        {
            problems.Add("Orgs: an organisation name cannot contain a comma");
        }

        return problems;
    }

    private static string Redact(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0 ? url.Replace(uri.UserInfo + "@", "***@", StringComparison.Ordinal) : url;
}
