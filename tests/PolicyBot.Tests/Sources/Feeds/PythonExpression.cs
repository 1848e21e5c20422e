using System.Globalization;
using System.Text;

namespace PolicyBot.Tests.Sources.Feeds;

/// <summary>
/// A tiny parser for the Python expressions in feedparser's "Expect:" lines: and/or/not, ==, !=, is,
/// subscripts, attribute access, calls, string/number/tuple/dict literals.
/// </summary>
public abstract record PythonExpression
{
    public sealed record Literal(object? Value) : PythonExpression;

    public sealed record Name(string Identifier) : PythonExpression;

    public sealed record Subscript(PythonExpression Target, PythonExpression Key) : PythonExpression;

    public sealed record Attribute(PythonExpression Target, string Member) : PythonExpression;

    public sealed record Call(PythonExpression Function, IReadOnlyList<PythonExpression> Arguments) : PythonExpression;

    public sealed record Tuple(IReadOnlyList<PythonExpression> Items) : PythonExpression;

    public sealed record Dict(IReadOnlyList<(PythonExpression Key, PythonExpression Value)> Entries) : PythonExpression;

    public sealed record Not(PythonExpression Operand) : PythonExpression;

    public sealed record Logical(string Operator, IReadOnlyList<PythonExpression> Operands) : PythonExpression;

    /// <summary>A comparison chain: a == b == c.</summary>
    public sealed record Compare(IReadOnlyList<PythonExpression> Operands, IReadOnlyList<string> Operators) : PythonExpression;

    public static PythonExpression Parse(string source)
    {
        var parser = new Parser(Tokenize(source));
        var expression = parser.ParseOr();
        parser.ExpectEnd();
        return expression;
    }

    private static List<string> Tokenize(string s)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '\'' or '"' || (c is 'u' or 'r' or 'b' && i + 1 < s.Length && s[i + 1] is '\'' or '"'))
            {
                var raw = c == 'r';
                if (c is 'u' or 'r' or 'b')
                {
                    i++;
                }

                var quote = s[i];
                var triple = i + 2 < s.Length && s[i + 1] == quote && s[i + 2] == quote;
                var delimiter = triple ? new string(quote, 3) : quote.ToString();
                i += delimiter.Length;
                var sb = new StringBuilder();
                while (i < s.Length && string.CompareOrdinal(s, i, delimiter, 0, delimiter.Length) != 0)
                {
                    if (s[i] == '\\' && !raw && i + 1 < s.Length)
                    {
                        i = Escape(s, i + 1, sb);
                    }
                    else
                    {
                        sb.Append(s[i++]);
                    }
                }

                i += delimiter.Length;
                tokens.Add("\u0001" + sb);
            }
            else if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1]) && (tokens.Count == 0 || tokens[^1] is "(" or "," or "==" or "[" or ":")))
            {
                var start = i++;
                while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
                {
                    i++;
                }

                tokens.Add(s[start..i]);
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] == '_'))
                {
                    i++;
                }

                tokens.Add(s[start..i]);
            }
            else if (i + 1 < s.Length && s.Substring(i, 2) is "==" or "!=")
            {
                tokens.Add(s.Substring(i, 2));
                i += 2;
            }
            else
            {
                tokens.Add(c.ToString());
                i++;
            }
        }

        return tokens;
    }

    private static int Escape(string s, int i, StringBuilder sb)
    {
        var e = s[i];
        switch (e)
        {
            case 'n': sb.Append('\n'); return i + 1;
            case 't': sb.Append('\t'); return i + 1;
            case 'r': sb.Append('\r'); return i + 1;
            case 'x': sb.Append((char)int.Parse(s.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)); return i + 3;
            case 'u': sb.Append((char)int.Parse(s.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture)); return i + 5;
            case 'U': sb.Append(char.ConvertFromUtf32(int.Parse(s.AsSpan(i + 1, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture))); return i + 9;
            default: sb.Append(e); return i + 1;
        }
    }

    private sealed class Parser(List<string> tokens)
    {
        private int _position;

        private string? Peek => _position < tokens.Count ? tokens[_position] : null;

        public void ExpectEnd()
        {
            if (Peek is not null)
            {
                throw new FormatException($"unexpected token '{Peek}'");
            }
        }

        public PythonExpression ParseOr() => ParseLogical("or", ParseAnd);

        private PythonExpression ParseAnd() => ParseLogical("and", ParseNot);

        private PythonExpression ParseLogical(string op, Func<PythonExpression> next)
        {
            var operands = new List<PythonExpression> { next() };
            while (Peek == op)
            {
                _position++;
                operands.Add(next());
            }

            return operands.Count == 1 ? operands[0] : new Logical(op, operands);
        }

        private PythonExpression ParseNot()
        {
            if (Peek == "not")
            {
                _position++;
                return new Not(ParseNot());
            }

            var operands = new List<PythonExpression> { ParsePostfix() };
            var operators = new List<string>();
            while (Peek is "==" or "!=" or "is")
            {
                var op = tokens[_position++];
                if (op == "is" && Peek == "not")
                {
                    _position++;
                    op = "is not";
                }

                operators.Add(op);
                operands.Add(ParsePostfix());
            }

            return operators.Count == 0 ? operands[0] : new Compare(operands, operators);
        }

        private PythonExpression ParsePostfix()
        {
            var expression = ParseAtom();
            while (true)
            {
                switch (Peek)
                {
                    case "[":
                        _position++;
                        var key = ParseOr();
                        Expect("]");
                        expression = new Subscript(expression, key);
                        break;
                    case ".":
                        _position++;
                        expression = new Attribute(expression, tokens[_position++]);
                        break;
                    case "(":
                        _position++;
                        var arguments = ParseList(")");
                        expression = new Call(expression, arguments);
                        break;
                    default:
                        return expression;
                }
            }
        }

        private PythonExpression ParseAtom()
        {
            var token = tokens[_position++];
            if (token.StartsWith('\u0001'))
            {
                return new Literal(token[1..]);
            }

            if (char.IsAsciiDigit(token[0]) || token[0] == '-')
            {
                return token.Contains('.')
                    ? new Literal(double.Parse(token, CultureInfo.InvariantCulture))
                    : new Literal(long.Parse(token, CultureInfo.InvariantCulture));
            }

            switch (token)
            {
                case "None": return new Literal(null);
                case "True": return new Literal(true);
                case "False": return new Literal(false);
                case "(":
                    var items = ParseList(")");
                    return items.Count == 1 ? items[0] : new Tuple(items);
                case "{":
                    var entries = new List<(PythonExpression, PythonExpression)>();
                    while (Peek != "}")
                    {
                        var k = ParseOr();
                        Expect(":");
                        entries.Add((k, ParseOr()));
                        if (Peek == ",")
                        {
                            _position++;
                        }
                    }

                    _position++;
                    return new Dict(entries);
                default:
                    return new Name(token);
            }
        }

        private List<PythonExpression> ParseList(string close)
        {
            var items = new List<PythonExpression>();
            while (Peek != close)
            {
                items.Add(ParseOr());
                if (Peek == ",")
                {
                    _position++;
                }
                else if (Peek != close)
                {
                    throw new FormatException($"expected ',' or '{close}', got '{Peek}'");
                }
            }

            _position++;
            return items;
        }

        private void Expect(string token)
        {
            if (Peek != token)
            {
                throw new FormatException($"expected '{token}', got '{Peek}'");
            }

            _position++;
        }
    }
}
