using System.Globalization;
using System.Text;

namespace PolicyBot.Commands;

/// <summary>
/// Splits command text into words and quoted phrases. Straight and typographic double quotes (<c>"…"</c>, <c>“…”</c>,
/// <c>„…“</c>, <c>«…»</c>) group words; an unclosed quote runs to the end. Input is made safe first: lone surrogates
/// become U+FFFD, control and zero-width characters go, any white space separates, and the text is NFC-normalised,
/// so the parser never meets a string it cannot handle. Never throws.
/// </summary>
public static class CommandText
{
    /// <summary>Longer command text is refused before it is read.</summary>
    public const int MaxLength = 1000;

    /// <summary>The words and phrases of <paramref name="text"/>, in order; a leading <c>/policy</c> is dropped.</summary>
    public static IReadOnlyList<CommandToken> Tokenize(string? text)
    {
        var clean = Clean(text ?? "");
        var tokens = new List<CommandToken>();
        var word = new StringBuilder();
        char? closing = null;
        foreach (var c in clean)
        {
            if (closing is { } close)
            {
                if (c == close || (close == '”' && c is '"' or '“'))
                {
                    tokens.Add(new CommandToken(CollapseSpaces(word.ToString()), Quoted: true));
                    word.Clear();
                    closing = null;
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (OpeningQuote(c) is { } expected && word.Length == 0)
            {
                closing = expected;
            }
            else if (char.IsWhiteSpace(c))
            {
                Flush(tokens, word);
            }
            else
            {
                word.Append(c);
            }
        }

        if (closing is not null)
        {
            tokens.Add(new CommandToken(CollapseSpaces(word.ToString()), Quoted: true));
        }
        else
        {
            Flush(tokens, word);
        }

        tokens.RemoveAll(t => t.Quoted && t.Text.Length == 0);
        if (tokens.Count > 0 && !tokens[0].Quoted && tokens[0].Text.Equals("/policy", StringComparison.OrdinalIgnoreCase))
        {
            tokens.RemoveAt(0);
        }

        return tokens;
    }

    /// <summary>A word for comparison: NFKC (full-width letters become ASCII), lower case, surrounding punctuation trimmed.</summary>
    public static string Fold(string text)
    {
        var folded = Clean(text).Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        return CollapseSpaces(folded.Trim(' ', '.', ',', ';', ':', '!', '?', '"', '“', '”', '\'', '’', '(', ')', '[', ']', '`'));
    }

    /// <summary>The text with lone surrogates replaced, control and invisible formatting characters removed, NFC-normalised.</summary>
    public static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                builder.Append('\uFFFD');
            }
            else if (c is '\t' or '\n' or '\r')
            {
                builder.Append(' ');
            }
            else if (!char.IsControl(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private static char? OpeningQuote(char c) => c switch
    {
        '"' => '"',
        '“' => '”',
        '„' => '“',
        '«' => '»',
        _ => null,
    };

    private static void Flush(List<CommandToken> tokens, StringBuilder word)
    {
        if (word.Length > 0)
        {
            tokens.Add(new CommandToken(word.ToString(), Quoted: false));
            word.Clear();
        }
    }

    private static string CollapseSpaces(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
