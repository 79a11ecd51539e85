using System.Globalization;
using System.Text;

namespace NewsWatch.Conformance;

/// <summary>
/// Evaluates the small subset of Python that feedparser's <c>Expect:</c> lines use (and/or/not,
/// comparisons, <c>in</c>, subscripts, attribute access, <c>.get()</c>, literals) over a view of our
/// model shaped like feedparser's result. Anything else is "left out", never guessed.
/// </summary>
internal sealed class PyExpression
{
    private readonly List<PyToken> _tokens;
    private readonly Func<string, object?> _names;
    private int _at;

    private PyExpression(string text, Func<string, object?> names)
    {
        _tokens = Tokenize(text);
        _names = names;
    }

    public static bool Evaluate(string text, Func<string, object?> names)
    {
        var expression = new PyExpression(text, names);
        var value = expression.Or();
        if (expression.Peek.Kind != PyTokenKind.End)
        {
            throw new LeftOutException("syntax: " + expression.Peek.Text);
        }

        return Truthy(value);
    }

    private PyToken Peek => _tokens[_at];

    private PyToken Next() => _tokens[_at++];

    private bool Accept(string op)
    {
        if (Peek.Kind is PyTokenKind.Op or PyTokenKind.Name && Peek.Text == op)
        {
            _at++;
            return true;
        }

        return false;
    }

    private void Expect(string op)
    {
        if (!Accept(op))
        {
            throw new LeftOutException($"syntax: expected {op} at {Peek.Text}");
        }
    }

    // Python evaluates "and"/"or" lazily; a missing key on the right of a false "and" is never read.
    private object? Or()
    {
        var left = And();
        while (Accept("or"))
        {
            var right = And();
            left = Truthy(left) ? left : right;
        }

        return left;
    }

    private object? And()
    {
        var left = Not();
        while (Accept("and"))
        {
            var right = Not();
            left = Truthy(left) ? right : left;
        }

        return left;
    }

    private object? Not() => Accept("not") ? !Truthy(Not()) : Comparison();

    private object? Comparison()
    {
        // Python chains comparisons: a == b == c means a == b and b == c.
        var left = Primary();
        object? result = null;
        while (true)
        {
            if (Accept("=="))
            {
                var right = Primary();
                result = (result is null || Truthy(result)) && PyValues.Equal(left, right);
                left = right;
            }
            else if (Accept("!="))
            {
                var right = Primary();
                result = (result is null || Truthy(result)) && !PyValues.Equal(left, right);
                left = right;
            }
            else if (Accept("in"))
            {
                result = PyValues.Contains(Primary(), left);
            }
            else if (Peek.Text == "not" && _tokens[_at + 1].Text == "in")
            {
                _at += 2;
                result = !PyValues.Contains(Primary(), left);
            }
            else if (Peek.Text is "<" or ">" or "<=" or ">=" or "is")
            {
                throw new LeftOutException("operator " + Peek.Text);
            }
            else
            {
                return result ?? left;
            }
        }
    }

    private object? Primary()
    {
        var value = Atom();
        while (true)
        {
            if (Accept("["))
            {
                var key = Or();
                if (Peek.Text == ":")
                {
                    throw new LeftOutException("slice");
                }

                Expect("]");
                value = PyValues.Index(value, key);
            }
            else if (Accept("."))
            {
                var name = Next().Text;
                if (Accept("("))
                {
                    var arguments = Arguments();
                    value = name == "get" ? PyValues.Get(value, arguments) : throw new LeftOutException("method " + name);
                }
                else
                {
                    value = PyValues.Index(value, name);
                }
            }
            else
            {
                return value;
            }
        }
    }

    private List<object?> Arguments()
    {
        var arguments = new List<object?>();
        while (!Accept(")"))
        {
            arguments.Add(Or());
            Accept(",");
        }

        return arguments;
    }

    private object? Atom()
    {
        var token = Next();
        switch (token.Kind)
        {
            case PyTokenKind.String:
                var text = (string)token.Value!;
                while (Peek.Kind == PyTokenKind.String)
                {
                    text += (string)Next().Value!; // adjacent literals concatenate
                }

                return text;
            case PyTokenKind.Number:
                return token.Value;
            case PyTokenKind.Name:
                return token.Text switch
                {
                    "True" => true,
                    "False" => false,
                    "None" => null,
                    _ when Peek.Text == "(" => throw new LeftOutException("function " + token.Text),
                    _ => _names(token.Text),
                };
            case PyTokenKind.Op when token.Text == "(":
                return Sequence(")", tuple: true);
            case PyTokenKind.Op when token.Text == "[":
                return Sequence("]", tuple: false);
            case PyTokenKind.Op when token.Text == "{":
                return Dictionary();
            case PyTokenKind.Op when token.Text == "-" && Peek.Kind == PyTokenKind.Number:
                return -(long)Next().Value!;
            default:
                throw new LeftOutException("syntax: " + token.Text);
        }
    }

    private object? Sequence(string close, bool tuple)
    {
        var items = new List<object?>();
        var sawComma = false;
        while (!Accept(close))
        {
            items.Add(Or());
            sawComma |= Accept(",");
        }

        // "(x)" is a parenthesised expression, "(x,)" a tuple.
        return tuple && items.Count == 1 && !sawComma ? items[0] : items;
    }

    private Dictionary<string, object?> Dictionary()
    {
        var dictionary = new Dictionary<string, object?>();
        while (!Accept("}"))
        {
            var key = Or() as string ?? throw new LeftOutException("non-string dict key");
            Expect(":");
            dictionary[key] = Or();
            Accept(",");
        }

        return dictionary;
    }

    public static bool Truthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        long n => n != 0,
        string s => s.Length > 0,
        System.Collections.ICollection c => c.Count > 0,
        _ => true,
    };

    private static List<PyToken> Tokenize(string text)
    {
        var tokens = new List<PyToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '"' or '\'' || (c is 'u' or 'U' or 'r' or 'R' or 'b' or 'B' && i + 1 < text.Length && text[i + 1] is '"' or '\''))
            {
                var raw = c is 'r' or 'R';
                if (char.IsLetter(c))
                {
                    i++;
                }

                var (value, next) = ReadString(text, i, raw);
                tokens.Add(new PyToken(PyTokenKind.String, text[i..next], value));
                i = next;
            }
            else if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == 'L'))
                {
                    i++;
                }

                if (i < text.Length && text[i] == '.')
                {
                    throw new LeftOutException("float literal");
                }

                tokens.Add(new PyToken(PyTokenKind.Number, text[start..i], long.Parse(text[start..i].TrimEnd('L'), CultureInfo.InvariantCulture)));
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new PyToken(PyTokenKind.Name, text[start..i]));
            }
            else
            {
                var two = i + 1 < text.Length ? text.Substring(i, 2) : "";
                if (two is "==" or "!=" or "<=" or ">=")
                {
                    tokens.Add(new PyToken(PyTokenKind.Op, two));
                    i += 2;
                }
                else
                {
                    tokens.Add(new PyToken(PyTokenKind.Op, c.ToString()));
                    i++;
                }
            }
        }

        tokens.Add(new PyToken(PyTokenKind.End, "<end>"));
        return tokens;
    }

    private static (string Value, int Next) ReadString(string text, int i, bool raw)
    {
        var quote = text[i];
        var triple = i + 2 < text.Length && text[i + 1] == quote && text[i + 2] == quote;
        var delimiter = triple ? new string(quote, 3) : quote.ToString();
        i += delimiter.Length;
        var value = new StringBuilder();
        while (i < text.Length)
        {
            if (string.CompareOrdinal(text, i, delimiter, 0, delimiter.Length) == 0)
            {
                return (value.ToString(), i + delimiter.Length);
            }

            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                if (raw)
                {
                    value.Append(c).Append(text[i + 1]);
                    i += 2;
                    continue;
                }

                var e = text[i + 1];
                i += 2;
                switch (e)
                {
                    case 'n': value.Append('\n'); break;
                    case 't': value.Append('\t'); break;
                    case 'r': value.Append('\r'); break;
                    case '0': value.Append('\0'); break;
                    case '\\': value.Append('\\'); break;
                    case '\'': value.Append('\''); break;
                    case '"': value.Append('"'); break;
                    case '\n': break;
                    case 'x':
                        value.Append((char)int.Parse(text.AsSpan(i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                        i += 2;
                        break;
                    case 'u':
                        value.Append((char)int.Parse(text.AsSpan(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                        i += 4;
                        break;
                    case 'U':
                        value.Append(char.ConvertFromUtf32(int.Parse(text.AsSpan(i, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
                        i += 8;
                        break;
                    default:
                        value.Append('\\').Append(e);
                        break;
                }

                continue;
            }

            value.Append(c);
            i++;
        }

        throw new LeftOutException("unterminated string");
    }
}
