using System.Text.RegularExpressions;

namespace PolicyBot.Extraction;

/// <summary>
/// Drops rendered paragraphs that are furniture rather than prose even when the markup gives no hint:
/// byline-only and dateline-only lines, "Read more"/"Related" pointers, newsletter and cookie prompts,
/// share prompts, photo credits, tag lists and "Advertisement" labels. Only short paragraphs are judged.
/// </summary>
internal static partial class ArticleParagraphFilter
{
    private const int ShortParagraph = 220;

    private static readonly HashSet<string> DateWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july", "aug",
        "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december",
        "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs", "thursday", "fri", "friday",
        "sat", "saturday", "sun", "sunday", "am", "pm", "a.m", "p.m", "at", "on", "of", "the", "published", "updated",
        "posted", "last", "modified", "first", "date", "time", "min", "mins", "minute", "minutes", "read", "reading",
        "ago", "hour", "hours", "day", "days", "gmt", "utc", "bst", "cet", "cest", "et", "est", "edt", "pt", "pst", "pdt",
        "ct", "cst", "cdt", "mt", "ist", "aest", "jst", "st", "nd", "rd", "th", "yesterday", "today", "and", "just", "now",
        "januar", "jänner", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember", "uhr", "um", "stand",
        "aktualisiert", "veröffentlicht", "janvier", "février", "mars", "avril", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre", "le", "à", "h", "publié", "mis", "jour", "enero", "febrero", "marzo", "abril",
        "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre", "de", "actualizado",
    };

    /// <summary>Words that make a short paragraph a subscription prompt wherever they appear.</summary>
    private static readonly string[] PromptWords =
    [
        "newsletter", " inbox", "subscribe for free", "subscribe now", "subscribe today", "paid subscriber", "free subscriber",
    ];

    /// <summary>Picture agencies whose name ends a photo credit.</summary>
    private static readonly string[] AgencyCredits =
    [
        "getty images", "shutterstock", "alamy", "alamy stock photo", "ap photo", "pa media", "pa wire", "epa-efe", "/reuters", "/afp", "/bloomberg",
    ];

    /// <summary>
    /// Drops furniture paragraphs, and paragraphs that merely repeat <paramref name="echoes"/> (the page title
    /// set in non-heading markup, the site's name).
    /// </summary>
    public static string Filter(string text, IReadOnlyCollection<string?> echoes)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var repeated = echoes.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => Normalize(e!)).ToHashSet(StringComparer.Ordinal);
        var paragraphs = text.Split("\n\n");
        var kept = paragraphs.Where(p => !IsFurniture(p) && !(p.Length <= 300 && repeated.Contains(Normalize(p)))).ToList();
        return kept.Count == paragraphs.Length ? text : string.Join("\n\n", kept);
    }

    public static bool IsFurniture(string paragraph)
    {
        if (paragraph.Length > ShortParagraph)
        {
            return false;
        }

        return !paragraph.Any(char.IsLetterOrDigit)
            || Pointer().IsMatch(paragraph)
            || Prompt().IsMatch(paragraph)
            || PromptWords.Any(w => paragraph.Contains(w, StringComparison.OrdinalIgnoreCase))
            || Credit().IsMatch(paragraph)
            || AgencyCredits.Any(a => paragraph.TrimEnd(' ', '.', ')', ']').EndsWith(a, StringComparison.OrdinalIgnoreCase))
            || AuthorNote().IsMatch(paragraph)
            || Copyright().IsMatch(paragraph)
            || IsSlug(paragraph)
            || (paragraph.Length <= 90 && IsBylineOrDateline(paragraph))
            || SocialOnly().IsMatch(paragraph);
    }

    /// <summary>A line made only of a dateline and/or a byline, e.g. "5 May 2020 — by Ingrid Solheim".</summary>
    private static bool IsBylineOrDateline(string paragraph)
    {
        if (Byline().IsMatch(paragraph) || IsDateline(paragraph))
        {
            return true;
        }

        var parts = paragraph.Split(['—', '–', '|', '·', '•'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return parts.Length > 1 && parts.All(p => Byline().IsMatch(p) || IsDateline(p));
    }

    /// <summary>A wire slug such as "AI/DIFFUSION/RULE": one upper-case token joined by slashes or underscores.</summary>
    private static bool IsSlug(string paragraph) =>
        paragraph.Length <= 80 && !paragraph.Any(char.IsWhiteSpace) && !paragraph.Any(char.IsLower) && paragraph.IndexOfAny(['/', '_']) > 0;

    private static string Normalize(string text) => string.Join(' ', NonWord().Split(text.ToLowerInvariant()).Where(w => w.Length > 0));

    /// <summary>True when every word is a date, time or reading-time word and at least one is a number.</summary>
    private static bool IsDateline(string paragraph)
    {
        if (!paragraph.Any(char.IsAsciiDigit))
        {
            return false;
        }

        var words = DateToken().Matches(paragraph).Select(m => m.Value.TrimEnd('.', ':', '/', '-')).ToList();
        return words.Count > 0
            && words.Any(w => char.IsAsciiDigit(w[0]))
            && words.All(w => char.IsAsciiDigit(w[0]) || DateWords.Contains(w));
    }

    [GeneratedRegex(@"^\W*(read more|read also|also read|more reading|read next|related( (coverage|content|articles?|stories|story|reading|links?|topics?))?|see also|recommended( for you| reading)?|more on this( story| topic)?|more from|you may also like|you might also like|further reading|what to read next|watch|listen|explore more|editor'?s picks?|most read|trending|lesen sie (auch|mehr)|mehr zum thema|auch interessant|weiterlesen|lire aussi|à lire aussi|voir aussi|lee también|leer más|te puede interesar)\s*[:\-–—|»>]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pointer();

    [GeneratedRegex(@"^\W*(sign up\b|subscribe\b|thanks? (you )?for reading|get (our|the) .{0,40}newsletter|join \d|enjoy(ed|ing) (this|reading)|want more|don'?t miss|never miss|continue reading|story continues|article continues|advertisement|sponsored( content)?|skip (ad|advert)|we use cookies|this (site|website) uses cookies|by (clicking|continuing to (use|browse))|(tags?|topics?|filed under|categories|category)\s*:|our standards\s*:|(\d+\s+)?comments?\s*(\(\d+\))?$|leave a (comment|reply)|share (this|on|via)|follow us|print (this|article)|copy link)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Prompt();

    [GeneratedRegex(@"^\W*(photo(graph)?|image|picture|illustration|credit|video|graphic|source)s?\s*(:|by\b|credit)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Credit();

    [GeneratedRegex(@"^\W*(?i:(written |words |reporting |reported |additional reporting |editing |edited |writing |compiled )?(by|von|par|por|door))\s+\p{Lu}[\p{L}\p{M}.'’\-]*(\s+(and|&|und|et|y)?\s*\p{Lu}[\p{L}\p{M}.'’\-]*){0,8}([,;|·•]\s*[^.!?]{0,60})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Byline();

    [GeneratedRegex(@"^\p{Lu}[\p{L}\p{M}.'’\-]+(\s+\p{Lu}[\p{L}\p{M}.'’\-]+){0,3}\s+(is|was)\s+(an?|the)\s+([\p{L}\-]+\s+){0,4}(writer|reporter|correspondent|editor|journalist|columnist|contributor|freelancer|producer)\b|^\W*contact\s*:|\bcontact\s*:\s*\S+@\S+", RegexOptions.CultureInvariant)]
    private static partial Regex AuthorNote();

    [GeneratedRegex(@"^\s*(©|\(c\)\s*\d{4}|copyright\s+(©|\d{4}))|all rights reserved", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Copyright();

    [GeneratedRegex(@"[^\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex NonWord();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}.:/\-]*", RegexOptions.CultureInvariant)]
    private static partial Regex DateToken();

    [GeneratedRegex(@"^\W*((share|tweet|email|e-mail|print|copy|link|facebook|twitter|x|linkedin|whatsapp|reddit|bluesky|threads|mastodon|telegram|pinterest|flipboard|save|this|article|story|page|on|via|the|copied|url)\W*)+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SocialOnly();
}
