using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PolicyBot.History;

/// <summary>
/// Turns a sentence into a comparison key that ignores noise: case, whitespace, punctuation variants, dates,
/// times, relative times ("3 hours ago"), engagement counters ("1.2K views") and URL tracking parameters.
/// A sentence made only of noise has the empty key. All patterns are bounded, so the cost is linear; see
/// <see cref="MaxPatternLength"/> for text that is too long to be a sentence.
/// </summary>
public sealed partial class NoiseNormalizer(UrlCanonicalizer urls)
{
    private const char Marker = '\u0001';

    /// <summary>
    /// Longer "sentences" are not prose (tables, dumps, hostile input): their key ignores case, whitespace and
    /// punctuation only, which keeps the cost of a 5 MB line to one cheap pass.
    /// </summary>
    public const int MaxPatternLength = 20_000;

    /// <summary>Words that carry no content once the dates and counters around them are gone.</summary>
    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal)
    {
        "updated", "update", "published", "posted", "modified", "edited", "last", "on", "at", "and", "ago", "read",
        "am", "pm", "today", "yesterday", "just", "now",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FillerLookup = Fillers.GetAlternateLookup<ReadOnlySpan<char>>();

    public NoiseNormalizer()
        : this(new UrlCanonicalizer())
    {
    }

    /// <summary>The noise-free comparison key of <paramref name="sentence"/>; empty when it is all noise.</summary>
    public string Key(string sentence)
    {
        if (string.IsNullOrWhiteSpace(sentence))
        {
            return "";
        }

        var text = Clean(sentence);
        if (text.Length > MaxPatternLength)
        {
            return Tokens(text);
        }

        if (text.Contains("://", StringComparison.Ordinal))
        {
            text = UrlPattern().Replace(text, m => CanonicalUrl(m.Value));
        }

        if (text.AsSpan().ContainsAnyInRange('0', '9'))
        {
            text = IsoDatePattern().Replace(text, MarkerText);
            text = NamedDatePattern().Replace(text, MarkerText);
            text = NumericDatePattern().Replace(text, MarkerText);
            text = ClockTimePattern().Replace(text, MarkerText);
            text = HourTimePattern().Replace(text, MarkerText);
            text = CounterPattern().Replace(text, MarkerText);
            text = RelativeTimePattern().Replace(text, MarkerText);
        }
        else if (text.Contains(" ago", StringComparison.OrdinalIgnoreCase) || text.Contains(" now", StringComparison.OrdinalIgnoreCase))
        {
            text = RelativeTimePattern().Replace(text, MarkerText);
        }

        return Tokens(text);
    }

    /// <summary>Removes invisible characters, unifies quotes, dashes and whitespace, and applies NFKC.</summary>
    private static string Clean(string value)
    {
        var builder = new StringBuilder(value.Length);
        var lastWasSpace = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsAsciiLetterOrDigit(c) || (c > ' ' && c < '\u007f' && c != '`'))
            {
                builder.Append(c);
                lastWasSpace = false;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    builder.Append(c).Append(value[++i]);
                    lastWasSpace = false;
                    continue;
                }

                c = ' ';
            }

            c = c switch
            {
                '‘' or '’' or '‚' or '‛' or '′' or '`' or '´' => '\'',
                '“' or '”' or '„' or '‟' or '″' or '«' or '»' => '"',
                '‐' or '‑' or '‒' or '–' or '—' or '―' or '−' or '﹘' => '-',
                Marker => ' ',
                _ => c,
            };
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                    lastWasSpace = true;
                }

                continue;
            }

            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                continue;
            }

            builder.Append(c);
            lastWasSpace = false;
        }

        var cleaned = builder.ToString();
        try
        {
            return cleaned.IsNormalized(NormalizationForm.FormKC) ? cleaned : cleaned.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return cleaned;
        }
    }

    private string CanonicalUrl(string match)
    {
        var url = match.TrimEnd('.', ',', ';', ':', '!', '?', ')', ']', '\'', '"');
        return urls.Canonicalize(url) + match[url.Length..];
    }

    /// <summary>
    /// Lowercases and keeps letters, digits and marks as words, currency signs and % as their own tokens,
    /// all separated by single spaces; empty when every token is a filler or a bare count.
    /// </summary>
    private static string Tokens(string text)
    {
        var buffer = new char[(text.Length * 2) + 2];
        var length = 0;
        var wordStart = -1;
        var onlyNoise = true;
        foreach (var raw in text)
        {
            var isWordChar = char.IsAsciiLetterOrDigit(raw)
                || (raw >= '\u0080' && (char.IsLetterOrDigit(raw) || char.IsSurrogate(raw) || IsMark(raw)));
            if (isWordChar)
            {
                if (wordStart < 0)
                {
                    if (length > 0)
                    {
                        buffer[length++] = ' ';
                    }

                    wordStart = length;
                }

                buffer[length++] = char.IsAsciiLetterUpper(raw) ? (char)(raw | 0x20) : raw >= '\u0080' ? char.ToLowerInvariant(raw) : raw;
                continue;
            }

            if (wordStart >= 0)
            {
                onlyNoise &= IsNoiseWord(buffer.AsSpan(wordStart, length - wordStart));
                wordStart = -1;
            }

            if (raw == '%' || (raw >= '\u0080' && CharUnicodeInfo.GetUnicodeCategory(raw) == UnicodeCategory.CurrencySymbol) || raw == '$')
            {
                if (length > 0)
                {
                    buffer[length++] = ' ';
                }

                buffer[length++] = raw;
                onlyNoise = false;
            }
        }

        if (wordStart >= 0)
        {
            onlyNoise &= IsNoiseWord(buffer.AsSpan(wordStart, length - wordStart));
        }

        return onlyNoise ? "" : new string(buffer, 0, length);
    }

    private static bool IsMark(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    /// <summary>A filler word, a bare number, or a bare abbreviated count ("12k", "3m").</summary>
    private static bool IsNoiseWord(ReadOnlySpan<char> word)
    {
        if (word.Length <= 9 && FillerLookup.Contains(word))
        {
            return true;
        }

        var digits = word;
        if (digits.Length > 1 && digits[^1] is 'k' or 'm' or 'b')
        {
            digits = digits[..^1];
        }

        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private const string MarkerText = " \u0001 ";

    [GeneratedRegex(@"\bhttps?://[^\s<>""]{1,2048}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDatePattern();

    private const string Month =
        @"(?:(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)|May|MAY)\.?";

    private const string Weekday =
        @"(?:(?i:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?,?\s)?";

    [GeneratedRegex(@"\b" + Weekday + @"(?:" + Month + @"\s\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s\d{4}\b)?|\d{1,2}(?:st|nd|rd|th)?\s(?:of\s)?" + Month + @"(?:,?\s\d{4}\b)?)", RegexOptions.CultureInvariant)]
    private static partial Regex NamedDatePattern();

    [GeneratedRegex(@"\b(?:\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})|\d{1,2}\.\d{1,2}\.\d{4}|\d{1,2}-\d{1,2}-\d{4}|\d{4}/\d{1,2}/\d{1,2})\b", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDatePattern();

    private const string Zone = @"(?:\s?(?:ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|UTC|GMT|BST|CET|CEST|EET|EEST|IST|JST|KST|HKT|SGT|AEST|AEDT|Z)\b)?";

    [GeneratedRegex(@"\b(?:\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\b\.?)?|\d{1,2}\.\d{2}\s?[AaPp]\.?[Mm]\b\.?)" + Zone, RegexOptions.CultureInvariant)]
    private static partial Regex ClockTimePattern();

    [GeneratedRegex(@"\b\d{1,2}\s?[AaPp]\.?[Mm]\b\.?" + Zone, RegexOptions.CultureInvariant)]
    private static partial Regex HourTimePattern();

    [GeneratedRegex(
        @"\b(?:(?:last\s)?(?:updated|posted|published|edited|modified)\s)?(?:(?:\d{1,4}|an?|one|a\sfew|few)\s?(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mos?|months?|y|yrs?|years?)\sago|just\snow|moments\sago)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RelativeTimePattern();

    [GeneratedRegex(
        @"(?<![\p{L}\p{N}$€£¥])\d[\d,.]{0,15}\s?[KkMmBb]?\+?\s?(?:views?|comments?|shares?|likes?|followers?|following|reactions?|replies|reply|retweets?|reposts?|subscribers?|reads?|upvotes?|votes?|claps?|bookmarks?|saves?|downloads?|visits?|visitors?|readers?|stars?|plays?|min(?:ute)?s?\sread)\b" +
        @"|\b(?:viewed|read|seen|visited|downloaded|played|shared|liked)\s\d[\d,.]{0,15}\s?[KkMm]?\+?\stimes\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CounterPattern();
}
