namespace NewsWatch.Classification;

/// <summary>
/// Works out which characters (lower-cased) a lexicon pattern can start with, so that a matcher only tries the
/// patterns that can match at a given word. Understands the regex subset the lexicons use: literals, escapes,
/// character classes, groups, alternation, lookarounds and quantifiers. Anything it cannot see through is
/// reported as unknown, and such a pattern is simply tried everywhere.
/// </summary>
internal static class RegexFirstChars
{
    public static bool TryGet(string pattern, out HashSet<char> chars)
    {
        var parser = new Parser(pattern);
        var first = parser.Alternation();
        chars = first.Chars;
        return !first.Unknown && !first.Nullable && parser.AtEnd && chars.Count > 0;
    }

    private sealed record First(HashSet<char> Chars, bool Nullable, bool Unknown);

    private sealed class Parser(string pattern)
    {
        private int _i;

        public bool AtEnd => _i >= pattern.Length;

        public First Alternation()
        {
            var chars = new HashSet<char>();
            bool nullable = false, unknown = false;
            while (true)
            {
                var branch = Sequence();
                chars.UnionWith(branch.Chars);
                nullable |= branch.Nullable;
                unknown |= branch.Unknown;
                if (_i < pattern.Length && pattern[_i] == '|')
                {
                    _i++;
                    continue;
                }

                return new First(chars, nullable, unknown);
            }
        }

        private First Sequence()
        {
            var chars = new HashSet<char>();
            bool nullableSoFar = true, unknown = false;
            while (_i < pattern.Length && pattern[_i] is not ('|' or ')'))
            {
                var atom = Quantified(Atom());
                if (nullableSoFar)
                {
                    chars.UnionWith(atom.Chars);
                    unknown |= atom.Unknown;
                    nullableSoFar = atom.Nullable;
                }
            }

            return new First(chars, nullableSoFar, unknown);
        }

        private First Quantified(First atom)
        {
            if (_i >= pattern.Length)
            {
                return atom;
            }

            var nullable = atom.Nullable;
            switch (pattern[_i])
            {
                case '?' or '*':
                    _i++;
                    nullable = true;
                    break;
                case '+':
                    _i++;
                    break;
                case '{':
                    var close = pattern.IndexOf('}', _i);
                    if (close < 0)
                    {
                        return atom with { Unknown = true };
                    }

                    nullable |= pattern[_i + 1] == '0';
                    _i = close + 1;
                    break;
                default:
                    return atom;
            }

            if (_i < pattern.Length && pattern[_i] == '?')
            {
                _i++; // lazy
            }

            return atom with { Nullable = nullable };
        }

        private First Atom()
        {
            var c = pattern[_i];
            switch (c)
            {
                case '(':
                    return Group();
                case '[':
                    return Class();
                case '\\':
                    return Escape();
                case '.':
                    _i++;
                    return new First([], false, true);
                case '^' or '$':
                    _i++;
                    return new First([], true, false);
                default:
                    _i++;
                    return new First([char.ToLowerInvariant(c)], false, false);
            }
        }

        private First Group()
        {
            _i++; // (
            var lookaround = false;
            if (_i < pattern.Length && pattern[_i] == '?')
            {
                var rest = pattern.AsSpan(_i);
                if (rest.StartsWith("?=") || rest.StartsWith("?!"))
                {
                    lookaround = true;
                    _i += 2;
                }
                else if (rest.StartsWith("?<=") || rest.StartsWith("?<!"))
                {
                    lookaround = true;
                    _i += 3;
                }
                else
                {
                    // (?: (?-i: (?i: (?<name> …: skip to the group's body.
                    var colon = pattern.IndexOfAny([':', '>'], _i);
                    if (colon < 0)
                    {
                        return new First([], false, true);
                    }

                    _i = colon + 1;
                }
            }

            var inner = Alternation();
            if (_i < pattern.Length && pattern[_i] == ')')
            {
                _i++;
            }

            return lookaround ? new First([], true, false) : inner;
        }

        private First Class()
        {
            _i++; // [
            var chars = new HashSet<char>();
            var unknown = false;
            if (_i < pattern.Length && pattern[_i] == '^')
            {
                unknown = true;
                _i++;
            }

            var firstInClass = true;
            while (_i < pattern.Length && (pattern[_i] != ']' || firstInClass))
            {
                firstInClass = false;
                var c = pattern[_i];
                if (c == '\\' && _i + 1 < pattern.Length)
                {
                    var e = pattern[_i + 1];
                    _i += 2;
                    if (e is 'd')
                    {
                        chars.UnionWith("0123456789");
                    }
                    else if (e is 's')
                    {
                        chars.UnionWith(" \t\n\r");
                    }
                    else if (char.IsLetter(e))
                    {
                        unknown = true;
                    }
                    else
                    {
                        chars.Add(e);
                    }

                    continue;
                }

                if (_i + 2 < pattern.Length && pattern[_i + 1] == '-' && pattern[_i + 2] != ']')
                {
                    for (var x = c; x <= pattern[_i + 2]; x++)
                    {
                        chars.Add(char.ToLowerInvariant(x));
                    }

                    _i += 3;
                    continue;
                }

                chars.Add(char.ToLowerInvariant(c));
                _i++;
            }

            _i++; // ]
            return new First(chars, false, unknown);
        }

        private First Escape()
        {
            var e = pattern[_i + 1];
            _i += 2;
            return e switch
            {
                'b' or 'B' or 'G' or 'A' or 'z' or 'Z' => new First([], true, false),
                'd' => new First([.. "0123456789"], false, false),
                's' => new First([.. " \t\n\r"], false, false),
                'w' or 'W' or 'S' or 'D' or 'p' or 'P' => new First([], false, true),
                _ => new First([char.ToLowerInvariant(e)], false, false),
            };
        }
    }
}
