using System.Net;
using System.Text.RegularExpressions;
using PolicyBot.Extraction;
using PolicyBot.Sources.Feeds;

namespace PolicyBot.Tests.Sources.Feeds;

/// <summary>
/// Evaluates feedparser "Expect:" expressions against a PolicyBot <see cref="FeedParseResult"/>, translating
/// feedparser keys onto PolicyBot's model. Keys PolicyBot does not model (cloud, image, tags, itunes, geo,
/// *_detail metadata, contributors, source, ...) make a clause not applicable. Translations:
/// titles are plain text in PolicyBot, so expected titles are compared after stripping markup and decoding
/// entities; dates are compared as instants; entry "updated" falls back to published as in feedparser;
/// "description"/"summary" fall back to the content as in feedparser.
/// </summary>
public static partial class FeedparserExpectationEvaluator
{
    private sealed record Na(string Why);

    private sealed record Missing;

    private sealed record Plain(string Value);

    private sealed record Html(string Value);

    private sealed record Date(DateTimeOffset Value);

    private sealed record EncodingName(string Value);

    private sealed record Detail(object? Value);

    private sealed record AuthorDetail(string? Author);

    private sealed record FeedView(ParsedFeed Feed);

    private sealed record EntryView(FeedEntry Entry);

    private sealed record Method(string Name, object? Target);

    private static readonly Missing Absent = new();

    public static ExpectationOutcome Evaluate(FeedCorpusCase corpusCase, FeedParseResult result, DecodedText decoded)
    {
        if (corpusCase.Category == "wellformed/sanitize")
        {
            return ExpectationOutcome.NotApplicable("sanitizer-specific HTML output (PolicyBot keeps feed HTML as is)");
        }

        if (corpusCase.Expected.Trim() == "1")
        {
            return ExpectationOutcome.NotApplicable("'must not crash' only (covered by the crash/hang theory)");
        }

        PythonExpression expression;
        try
        {
            expression = PythonExpression.Parse(corpusCase.Expected);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentOutOfRangeException)
        {
            return ExpectationOutcome.NotApplicable("expression not understood: " + ex.Message);
        }

        var clauses = expression is PythonExpression.Logical { Operator: "and" } and ? and.Operands : [expression];
        var context = new Context(result, decoded);
        var applicable = new List<(PythonExpression Clause, bool Passed)>();
        var skipped = new List<string>();
        foreach (var clause in clauses)
        {
            switch (context.Truth(clause))
            {
                case Na na:
                    skipped.Add(na.Why);
                    break;
                case bool passed:
                    applicable.Add((clause, passed));
                    break;
            }
        }

        var substantive = applicable.Any(c => !IsBozoClause(c.Clause)) || (applicable.Count > 0 && skipped.Count == 0);
        if (!substantive)
        {
            return ExpectationOutcome.NotApplicable(string.Join("; ", skipped.Distinct()));
        }

        var failed = applicable.Count(c => !c.Passed);
        return new ExpectationOutcome(true, failed == 0, failed == 0 ? "ok" : $"expected {corpusCase.Expected} / got {Describe(result)}");
    }

    private static string Describe(FeedParseResult result) =>
        result.Feed is { } f
            ? $"[format={f.Format} wellformed={f.IsWellFormed} title={f.Title} link={f.Link} entries={f.Entries.Count} e0={(f.Entries.Count > 0 ? f.Entries[0].ToString() : "-")} problem={f.Problem}]"
            : $"[error={result.Error}]";

    private static bool IsBozoClause(PythonExpression clause) =>
        clause is PythonExpression.Name { Identifier: "bozo" } or PythonExpression.Not { Operand: PythonExpression.Name { Identifier: "bozo" } };

    private sealed class Context(FeedParseResult result, DecodedText decoded)
    {
        public object? Truth(PythonExpression e) => Eval(e) switch
        {
            Na na => na,
            bool b => b,
            null or Missing => false,
            string s => s.Length > 0,
            long l => l != 0,
            var other => new Na($"truthiness of {other.GetType().Name}"),
        };

        private object? Eval(PythonExpression e)
        {
            switch (e)
            {
                case PythonExpression.Literal literal:
                    return literal.Value;
                case PythonExpression.Name name:
                    return Resolve(name.Identifier);
                case PythonExpression.Not not:
                    return Truth(not.Operand) is bool b ? !b : new Na("not over n/a");
                case PythonExpression.Logical logical:
                    var values = logical.Operands.Select(Truth).ToList();
                    if (values.OfType<Na>().FirstOrDefault() is { } na)
                    {
                        return na;
                    }

                    return logical.Operator == "and" ? values.All(v => (bool)v!) : values.Any(v => (bool)v!);
                case PythonExpression.Compare compare:
                    for (var i = 0; i < compare.Operators.Count; i++)
                    {
                        var verdict = Compare(Eval(compare.Operands[i]), Eval(compare.Operands[i + 1]), compare.Operators[i]);
                        if (verdict is not true)
                        {
                            return verdict;
                        }
                    }

                    return true;
                case PythonExpression.Subscript subscript:
                    return Index(Eval(subscript.Target), Eval(subscript.Key));
                case PythonExpression.Attribute attribute:
                    return Member(Eval(attribute.Target), attribute.Member);
                case PythonExpression.Call call:
                    return Invoke(Eval(call.Function), call.Arguments.Select(Eval).ToList());
                case PythonExpression.Tuple tuple:
                    return tuple.Items.Select(Eval).ToList();
                default:
                    return new Na($"expression {e.GetType().Name}");
            }
        }

        private object? Resolve(string identifier) => identifier switch
        {
            "bozo" => result.Feed is null || !result.Feed.IsWellFormed,
            "encoding" => new EncodingName(decoded.EncodingName),
            "version" => result.Feed is null ? Absent : FeedparserVersion(result.Feed.Format),
            "feed" => result.Feed is null ? Absent : new FeedView(result.Feed),
            "entries" => result.Feed is null ? Absent : result.Feed.Entries.Select(x => (object?)new EntryView(x)).ToList(),
            "ord" => new Method("ord", null),
            _ => new Na($"'{identifier}' is not modelled"),
        };

        private static object? Member(object? target, string member) => target switch
        {
            Na na => na,
            EntryView when member is "has_key" or "get" => new Method(member, target),
            FeedView or EntryView => Index(target, member),
            _ => new Na($"attribute {member}"),
        };

        private static object? Invoke(object? function, List<object?> arguments)
        {
            if (arguments.OfType<Na>().FirstOrDefault() is { } na)
            {
                return na;
            }

            return function switch
            {
                Na n => n,
                Method { Name: "ord" } when arguments is [Html { Value.Length: 1 } h] => (long)h.Value[0],
                Method { Name: "ord" } when arguments is [string { Length: 1 } s] => (long)s[0],
                Method { Name: "ord" } => false,
                Method { Name: "has_key", Target: var t } when arguments is [string key] => Index(t, key) switch
                {
                    Na inner => inner,
                    Missing => false,
                    _ => true,
                },
                _ => new Na("call"),
            };
        }

        private static object? Index(object? target, object? key)
        {
            switch (target)
            {
                case Na na:
                    return na;
                case Missing:
                    return Absent;
                case List<object?> list when key is long index:
                    return index < list.Count ? list[(int)index] : Absent;
                case FeedView feed when key is string k:
                    return FeedKey(feed.Feed, k);
                case EntryView entry when key is string k:
                    return EntryKey(entry.Entry, k);
                case Detail detail when key is "value":
                    return detail.Value;
                case Detail:
                    return new Na($"{key} metadata is not modelled");
                case AuthorDetail author when key is "name" or "email":
                    return AuthorPart(author.Author, (string)key);
                default:
                    return new Na($"key {key}");
            }
        }

        private static object? FeedKey(ParsedFeed f, string key) => key switch
        {
            "title" => OrAbsent(f.Title, v => new Plain(v)),
            "title_detail" => new Detail(OrAbsent(f.Title, v => new Plain(v))),
            "link" => OrAbsent(f.Link, v => v),
            "description" or "subtitle" or "tagline" => OrAbsent(f.Description, v => new Html(v)),
            "subtitle_detail" or "tagline_detail" => new Detail(OrAbsent(f.Description, v => new Html(v))),
            "language" => OrAbsent(f.Language, v => v),
            "updated" or "updated_parsed" or "modified" or "modified_parsed" => f.Updated is { } d ? new Date(d) : Absent,
            _ => new Na($"feed['{key}'] is not modelled"),
        };

        private static object? EntryKey(FeedEntry e, string key) => key switch
        {
            "title" => OrAbsent(e.Title, v => new Plain(v)),
            "title_detail" => new Detail(OrAbsent(e.Title, v => new Plain(v))),
            "link" => OrAbsent(e.Link, v => v),
            "id" or "guid" => OrAbsent(e.Id, v => v),
            "description" or "summary" => OrAbsent(e.SummaryHtml ?? e.ContentHtml, v => new Html(v)),
            "summary_detail" => new Detail(OrAbsent(e.SummaryHtml ?? e.ContentHtml, v => new Html(v))),
            "content" => e.ContentHtml is { } c ? new List<object?> { new Detail(new Html(c)) } : Absent,
            "author" => OrAbsent(e.Author, v => v),
            "author_detail" => e.Author is null ? Absent : new AuthorDetail(e.Author),
            "published" or "published_parsed" or "issued" or "issued_parsed" or "created" or "created_parsed"
                => e.Published is { } p ? new Date(p) : Absent,
            "updated" or "updated_parsed" or "modified" or "modified_parsed"
                => (e.Updated ?? e.Published) is { } u ? new Date(u) : Absent,
            _ => new Na($"entries[i]['{key}'] is not modelled"),
        };

        private static object? AuthorPart(string? author, string part)
        {
            var match = author is null ? null : AuthorWithEmail().Match(author);
            return part switch
            {
                "name" when match is { Success: true } => match.Groups["name"].Value,
                "email" when match is { Success: true } => match.Groups["email"].Value,
                "email" when author?.Contains('@') == true => author,
                "name" when author is not null && !author.Contains('@') => author,
                _ => Absent,
            };
        }

        private static object OrAbsent(string? value, Func<string, object> wrap) => value is null ? Absent : wrap(value);

        private static object? Compare(object? left, object? right, string op)
        {
            if (left is Na l)
            {
                return l;
            }

            if (right is Na r)
            {
                return r;
            }

            return op switch
            {
                "==" or "is" => Equal(left, right),
                "!=" or "is not" => Equal(left, right) is bool b ? !b : Equal(left, right),
                _ => new Na(op),
            };
        }

        private static object Equal(object? ours, object? expected) => (ours, expected) switch
        {
            (Missing, _) or (_, Missing) => false,
            (Plain p, string s) => p.Value == PlainText(s),
            (Html h, string s) => NormaliseHtml(h.Value) == NormaliseHtml(s),
            (Date d, string s) => FeedDateParser.TryParse(s, out var parsed) && parsed == d.Value,
            (Date d, List<object?> tuple) => tuple.Count >= 6 && tuple.Take(6).Cast<long>().SequenceEqual(
                [d.Value.UtcDateTime.Year, d.Value.UtcDateTime.Month, d.Value.UtcDateTime.Day, d.Value.UtcDateTime.Hour, d.Value.UtcDateTime.Minute, d.Value.UtcDateTime.Second]),
            (EncodingName n, string s) => SameEncoding(n.Value, s),
            (string a, string b) => a == b,
            (long a, long b) => a == b,
            (bool a, bool b) => a == b,
            (null, null) => true,
            (string a, Plain p) => PlainText(a) == p.Value,
            (Plain a, Plain b) => a.Value == b.Value,
            (Html a, Html b) => a.Value == b.Value,
            _ => new Na($"comparing {ours?.GetType().Name ?? "None"} with {expected?.GetType().Name ?? "None"}"),
        };

        private static bool SameEncoding(string ours, string expected)
        {
            var a = BodyDecoder.FindEncoding(ours)?.WebName ?? ours;
            var b = BodyDecoder.FindEncoding(expected)?.WebName ?? expected;
            return string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
        }

        private static string FeedparserVersion(string format) => format switch
        {
            "rss0.91" => "rss091u",
            "rss2.0" => "rss20",
            "rss1.0" => "rss10",
            "atom1.0" => "atom10",
            "atom0.3" => "atom03",
            _ => format.Replace(".", string.Empty, StringComparison.Ordinal),
        };
    }

    /// <summary>Expected titles may hold markup or entities; PolicyBot titles are plain text.</summary>
    private static string PlainText(string html) =>
        Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]*>", string.Empty)), "[ \t\r\n]+", " ").Trim();

    private static string NormaliseHtml(string html) => SelfClosing().Replace(html.Trim(), " />");

    [GeneratedRegex(@"\s*/>")]
    private static partial Regex SelfClosing();

    [GeneratedRegex(@"^(?<name>.+) \((?<email>[^()]+@[^()]+)\)$")]
    private static partial Regex AuthorWithEmail();
}
