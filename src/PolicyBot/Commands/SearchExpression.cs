using System.Text;
using PolicyBot.Chat;

namespace PolicyBot.Commands;

/// <summary>
/// Turns what someone typed after <c>search</c> into an FTS5 MATCH expression that means exactly those words: every
/// word and quoted phrase becomes an FTS5 string (double-quoted, inner quotes doubled), so <c>AND</c>, <c>OR</c>,
/// <c>NEAR</c>, <c>*</c>, <c>^</c>, <c>:</c>, <c>-</c> and parentheses are plain text and all terms must match.
/// Also turns a snippet's hit markers into emphasis spans.
/// </summary>
public static class SearchExpression
{
    /// <summary>Terms beyond this are ignored (a search is a few words).</summary>
    public const int MaxTerms = 12;

    /// <summary>The MATCH expression, or null when nothing searchable is left (only punctuation, say).</summary>
    public static string? Build(IEnumerable<CommandToken> tokens)
    {
        var terms = Terms(tokens);
        return terms.Count == 0 ? null : string.Join(' ', terms);
    }

    /// <summary>Each word or phrase as an FTS5 string (<c>"open weights"</c>, inner quotes doubled); empty when nothing is searchable.</summary>
    public static IReadOnlyList<string> Terms(IEnumerable<CommandToken> tokens) => tokens
        .Select(t => Searchable(t.Text))
        .Where(t => t.Length > 0)
        .Distinct(StringComparer.OrdinalIgnoreCase)
        .Take(MaxTerms)
        .Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")
        .ToList();

    /// <summary>An expression matching rows where every term is in <paramref name="column"/>.</summary>
    public static string InColumn(IEnumerable<string> terms, string column) => string.Join(' ', terms.Select(t => $"{column} : {t}"));

    /// <summary>A snippet without its hit markers, and the spans the markers enclosed.</summary>
    public static TextBlock Highlight(string snippet)
    {
        var text = new StringBuilder(snippet.Length);
        var spans = new List<TextSpan>();
        var start = -1;
        foreach (var c in snippet)
        {
            if (c == StatementQueryStore.HitStart)
            {
                start = text.Length;
            }
            else if (c == StatementQueryStore.HitEnd)
            {
                if (start >= 0 && text.Length > start)
                {
                    spans.Add(new TextSpan(start, text.Length - start));
                }

                start = -1;
            }
            else
            {
                text.Append(c);
            }
        }

        return new TextBlock(text.ToString(), spans.Count == 0 ? null : spans);
    }

    /// <summary>The term with characters the tokenizer would drop anyway removed, so a term of only punctuation
    /// does not make an expression that can match nothing.</summary>
    private static string Searchable(string term)
    {
        var hasWordCharacter = term.Any(char.IsLetterOrDigit);
        return hasWordCharacter ? term.Replace(StatementQueryStore.HitStart, ' ').Replace(StatementQueryStore.HitEnd, ' ').Trim() : "";
    }
}
