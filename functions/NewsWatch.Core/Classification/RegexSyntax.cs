using System.Globalization;
using System.Runtime.CompilerServices;

namespace NewsWatch.Classification;

/// <summary>
/// A parse of the regex subset the lexicons use, for the matcher's analyses (<see cref="RegexPrefixes"/>,
/// <see cref="LiteralPattern"/>, <see cref="RequiredText"/>): literals, escapes, character classes, groups
/// (inline options, named, atomic), alternation, lookarounds, anchors and quantifiers. It only has to be
/// right about what it accepts: anything else (backreferences, conditionals, x mode, class subtraction)
/// makes <see cref="Parse"/> return null, and the pattern is then left entirely to the regex engine.
/// </summary>
// The lexicon load no longer parses patterns (RegexPrefixes reads their text, IsPlainlyValid checks it): a pattern
// is parsed when it is first a candidate, a few hundred in a process, so the parser is compiled the quick way.
// The checker, which runs over every lexicon pattern at load, is compiled fully at once.
internal static class RegexSyntax
{
    /// <summary>Explicit members of a class beyond this make it an <see cref="Any"/>: it is not worth spelling out.</summary>
    internal const int MaxSetMembers = 128;

    /// <summary>The tree of <paramref name="pattern"/> as the matcher compiles it (case-insensitive unless (?-i:…)), or null.</summary>
    public static Node? Parse(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        try
        {
            var parser = new Parser(pattern);
            var node = parser.Alternation(ignoreCase: true);
            return parser.AtEnd ? node : null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether the regex engine certainly accepts <paramref name="pattern"/>: true for a plain subset of the
    /// syntax (literals, escaped punctuation, \s \d \w \b and their negations, ".", "^", "$", classes of those
    /// and of ascending ranges, groups "(", "(?:", "(?i:", "(?-i:", lookarounds, and ?, *, +, {n}, {n,}, {n,m}
    /// after what they can repeat), which is most lexicon patterns. False is no verdict: the engine decides.
    /// </summary>
    /// <remarks>
    /// Constructing a <see cref="System.Text.RegularExpressions.Regex"/> only to see whether it throws costs some
    /// ten microseconds a pattern; a lexicon load checks thousands. Anything this does not know, or where the
    /// engine's rules are subtle (a "]" first in a class, a "-" after a range, "{" that is not a quantifier, an
    /// escaped letter other than \s \d \w \b), is left to the engine. A unit test holds every true answer to the
    /// engine's own, over the lexicons and over random patterns.
    /// </remarks>
    public static bool IsPlainlyValid(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var check = new Checker(pattern);
        return check.Alternation(depth: 0) && check.AtEnd;
    }

    private sealed class Checker(string pattern)
    {
        private const int MaxDepth = 32;

        private int _i;

        public bool AtEnd => _i == pattern.Length;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool Alternation(int depth)
        {
            while (true)
            {
                while (_i < pattern.Length && pattern[_i] is not ('|' or ')'))
                {
                    if (!Item(depth))
                    {
                        return false;
                    }
                }

                if (_i == pattern.Length || pattern[_i] != '|')
                {
                    return true;
                }

                _i++;
            }
        }

        /// <summary>One atom and its quantifier, if any.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private bool Item(int depth)
        {
            var c = pattern[_i++];
            bool repeatable;
            switch (c)
            {
                case '(':
                    if (!Group(depth, out repeatable))
                    {
                        return false;
                    }

                    break;
                case '[':
                    if (!Class())
                    {
                        return false;
                    }

                    repeatable = true;
                    break;
                case '\\':
                    if (_i == pattern.Length)
                    {
                        return false;
                    }

                    var e = pattern[_i++];
                    if (e is 'b' or 'B')
                    {
                        repeatable = false;
                    }
                    else if (e is 's' or 'S' or 'd' or 'D' or 'w' or 'W' || IsEscapablePunctuation(e))
                    {
                        repeatable = true;
                    }
                    else
                    {
                        return false;
                    }

                    break;
                case '^' or '$':
                    repeatable = false;
                    break;
                case '?' or '*' or '+' or '{' or '}' or ']':
                    return false; // a quantifier after nothing, or a brace or bracket the engine may read either way
                default:
                    repeatable = true; // a literal, or "."
                    break;
            }

            if (_i == pattern.Length || pattern[_i] is not ('?' or '*' or '+' or '{'))
            {
                return true;
            }

            if (!repeatable || !Quantifier())
            {
                return false;
            }

            if (_i < pattern.Length && pattern[_i] == '?')
            {
                _i++; // lazy
            }

            return _i == pattern.Length || pattern[_i] is not ('?' or '*' or '+' or '{'); // nested quantifiers are errors
        }

        private bool Group(int depth, out bool repeatable)
        {
            repeatable = true;
            if (_i < pattern.Length && pattern[_i] == '?')
            {
                // After "(?": the groups known here, compared character by character (StartsWith chains are slow unoptimised).
                var length = At(1) switch
                {
                    ':' => 2,
                    'i' when At(2) == ':' => 3,
                    '-' when At(2) == 'i' && At(3) == ':' => 4,
                    '=' or '!' => 2,
                    '<' when At(2) is '=' or '!' => 3,
                    _ => 0, // named groups, options, comments, conditionals, atomic groups: the engine decides
                };
                if (length == 0)
                {
                    return false;
                }

                repeatable = At(1) is ':' or 'i' or '-';
                _i += length;
            }

            if (depth >= MaxDepth || !Alternation(depth + 1) || _i == pattern.Length)
            {
                return false;
            }

            _i++; // )
            return true;
        }

        /// <summary>A class after its "[": plain members and ascending ranges of plain members, then "]".</summary>
        private bool Class()
        {
            if (_i < pattern.Length && pattern[_i] == '^')
            {
                _i++;
            }

            if (_i < pattern.Length && pattern[_i] == ']')
            {
                return false; // "[]…]": a literal "]" first
            }

            var first = true;
            while (_i < pattern.Length && pattern[_i] != ']')
            {
                // A bare "-" is a literal first or last; anywhere else it belongs to a range or a subtraction.
                if (!first && Dash(_i) && !(_i + 1 < pattern.Length && pattern[_i + 1] == ']'))
                {
                    return false;
                }

                first = false;
                var low = Member(out var single);
                if (low < 0)
                {
                    return false;
                }

                if (!(Dash(_i) && _i + 1 < pattern.Length && pattern[_i + 1] != ']'))
                {
                    continue;
                }

                _i++; // -
                if (!single || Dash(_i))
                {
                    return false; // "[\d-x]", "[!--]"
                }

                var high = Member(out single);
                if (high < low || !single)
                {
                    return false; // reversed, or "[a-\d]"
                }
            }

            if (_i == pattern.Length)
            {
                return false; // unterminated
            }

            _i++; // ]
            return true;
        }

        private bool Dash(int i) => i < pattern.Length && pattern[i] == '-';

        /// <summary>Reads one class member: the character (single) or 0 for \s \d \w and their negations; -1 when not plain.</summary>
        private int Member(out bool single)
        {
            single = true;
            var c = pattern[_i++];
            if (c == '[')
            {
                return -1;
            }

            if (c != '\\')
            {
                return c;
            }

            if (_i == pattern.Length)
            {
                return -1;
            }

            var e = pattern[_i++];
            if (e is 's' or 'S' or 'd' or 'D' or 'w' or 'W')
            {
                single = false;
                return 0;
            }

            return IsEscapablePunctuation(e) ? e : -1;
        }

        /// <summary>?, *, + or {n}, {n,}, {n,m} with n ≤ m; false for a "{" that is anything else.</summary>
        private bool Quantifier()
        {
            if (pattern[_i] != '{')
            {
                _i++;
                return true;
            }

            _i++;
            var min = Number();
            if (min < 0)
            {
                return false;
            }

            var max = min;
            if (_i < pattern.Length && pattern[_i] == ',')
            {
                _i++;
                max = _i < pattern.Length && pattern[_i] == '}' ? int.MaxValue : Number();
            }

            if (max < min || _i == pattern.Length || pattern[_i] != '}')
            {
                return false;
            }

            _i++;
            return true;
        }

        /// <summary>The character <paramref name="offset"/> on from the current one, or \0 past the end.</summary>
        private char At(int offset) => _i + offset < pattern.Length ? pattern[_i + offset] : '\0';

        /// <summary>One to six ASCII digits, or -1.</summary>
        private int Number()
        {
            var start = _i;
            var value = 0;
            while (_i < pattern.Length && char.IsAsciiDigit(pattern[_i]) && _i - start < 6)
            {
                value = (value * 10) + (pattern[_i++] - '0');
            }

            return _i > start ? value : -1;
        }

        /// <summary>
        /// ASCII punctuation, escaped, is itself; but not "_" (a word character: "\_" is an unknown escape), nor
        /// "&lt;" and "'", which can open a named backreference ("\&lt;name&gt;").
        /// </summary>
        private static bool IsEscapablePunctuation(char c) => c is > ' ' and < '\u007F' and not ('_' or '<' or '\'') && !char.IsAsciiLetterOrDigit(c);
    }

    // One string per ASCII character, shared: lexicons spell thousands of names out character by character.
    private static readonly string[] AsciiStrings = [.. Enumerable.Range(0, 128).Select(c => ((char)c).ToString())];

    internal abstract record Node;

    /// <summary>One character out of <paramref name="Members"/> (in ordinal order), or a case variant of one when <paramref name="IgnoreCase"/>.</summary>
    internal sealed record Set(string Members, bool IgnoreCase) : Node;

    /// <summary>One whitespace character (\s).</summary>
    internal sealed record Space : Node;

    /// <summary>One decimal digit (\d) of any script: "٣" as well as "3".</summary>
    internal sealed record Digit : Node;

    /// <summary>One character of a class not spelled out here: ".", \w, \S, \p{…}, a negated or large class.</summary>
    /// <param name="MayBeSpace">False when it cannot be whitespace (\w, \S, "[\d,]"); true when it can or may.</param>
    internal sealed record Any(bool MayBeSpace = true) : Node;

    /// <summary>Matches empty text wherever it is: ^, $, a comment, an option switch.</summary>
    internal sealed record Empty : Node;

    /// <summary>Matches empty text depending on what surrounds it: \b, \B, \A, \z, \G, lookarounds.</summary>
    internal sealed record Assertion : Node;

    internal sealed record Sequence(IReadOnlyList<Node> Items) : Node;

    internal sealed record Alternation(IReadOnlyList<Node> Branches) : Node;

    internal sealed record Repeat(Node Inner, int Min, int Max, bool Lazy) : Node;

    /// <summary>(?>…): matches what its body matches, but never backtracks into it.</summary>
    internal sealed record Atomic(Node Inner) : Node;

    private static string CharString(char c) => c < 128 ? AsciiStrings[c] : c.ToString();

    private sealed class Parser(string pattern)
    {
        private int _i;

        public bool AtEnd => _i >= pattern.Length;

        public Node Alternation(bool ignoreCase)
        {
            var branches = new List<Node>();
            while (true)
            {
                // An option switch such as "(?-i)" lasts to the end of the enclosing group, across branches.
                branches.Add(Sequence(ref ignoreCase));
                if (_i < pattern.Length && pattern[_i] == '|')
                {
                    _i++;
                    continue;
                }

                return branches.Count == 1 ? branches[0] : new Alternation(branches);
            }
        }

        private Node Sequence(ref bool ignoreCase)
        {
            var items = new List<Node>();
            while (_i < pattern.Length && pattern[_i] is not ('|' or ')'))
            {
                items.Add(Quantified(Atom(ref ignoreCase)));
            }

            return items.Count == 1 ? items[0] : new Sequence(items);
        }

        private Node Quantified(Node atom) =>
            RegexLexer.TryReadQuantifier(pattern, ref _i, out var min, out var max, out var lazy) ? new Repeat(atom, min, max, lazy) : atom;

        private Node Atom(ref bool ignoreCase)
        {
            var c = pattern[_i];
            switch (c)
            {
                case '(':
                    return Group(ref ignoreCase);
                case '[':
                    return Class(ignoreCase);
                case '\\':
                    return Escape(ignoreCase);
                case '.':
                    _i++;
                    return new Any();
                case '^' or '$':
                    _i++;
                    return new Empty();
                default:
                    _i++;
                    return new Set(CharString(c), ignoreCase);
            }
        }

        private Node Group(ref bool ignoreCase)
        {
            _i++; // (
            var rest = pattern.AsSpan(_i);
            Func<Node, Node> wrap = inner => inner;
            var innerCase = ignoreCase;
            if (rest.StartsWith("?=") || rest.StartsWith("?!"))
            {
                _i += 2;
                wrap = _ => new Assertion();
            }
            else if (rest.StartsWith("?<=") || rest.StartsWith("?<!"))
            {
                _i += 3;
                wrap = _ => new Assertion();
            }
            else if (rest.StartsWith("?:"))
            {
                _i += 2;
            }
            else if (rest.StartsWith("?>"))
            {
                _i += 2;
                wrap = inner => new Atomic(inner);
            }
            else if (rest.StartsWith("?<") || rest.StartsWith("?'"))
            {
                var close = pattern.IndexOf(rest[1] == '<' ? '>' : '\'', _i + 2);
                _i = close < 0 ? throw new NotSupportedException() : close + 1;
            }
            else if (rest.StartsWith("?#"))
            {
                var close = pattern.IndexOf(')', _i);
                _i = close < 0 ? throw new NotSupportedException() : close + 1;
                return new Empty();
            }
            else if (rest.StartsWith("?"))
            {
                var (on, off, end) = ReadOptions();
                if (on.Contains('x') || end >= pattern.Length || pattern[end] is not (':' or ')'))
                {
                    throw new NotSupportedException(); // x mode reads spaces and # differently; "(?(" is a conditional
                }

                var caseAfter = off.Contains('i') ? false : on.Contains('i') || ignoreCase;
                _i = end + 1;
                if (pattern[end] == ')')
                {
                    ignoreCase = caseAfter; // "(?-i)": the rest of the enclosing group
                    return new Empty();
                }

                innerCase = caseAfter;
            }

            var body = Alternation(innerCase);
            if (_i >= pattern.Length || pattern[_i] != ')')
            {
                throw new NotSupportedException();
            }

            _i++;
            return wrap(body);
        }

        /// <summary>Reads "?ims-x" after "(": the options switched on, those switched off, and where they end.</summary>
        private (string On, string Off, int End) ReadOptions()
        {
            var end = _i + 1;
            while (end < pattern.Length && pattern[end] is 'i' or 'm' or 'n' or 's' or 'x' or '-')
            {
                end++;
            }

            var options = pattern[(_i + 1)..end];
            var minus = options.IndexOf('-', StringComparison.Ordinal);
            return minus < 0 ? (options, string.Empty, end) : (options[..minus], options[(minus + 1)..], end);
        }

        private Node Class(bool ignoreCase)
        {
            _i++; // [
            var negated = _i < pattern.Length && pattern[_i] == '^';
            if (negated)
            {
                _i++;
            }

            var members = new List<char>();
            var spelledOut = !negated;
            var mayBeSpace = negated;
            var first = true;
            while (_i < pattern.Length && (pattern[_i] != ']' || first))
            {
                first = false;
                if (pattern[_i] == '-' && _i + 1 < pattern.Length && pattern[_i + 1] == '[')
                {
                    throw new NotSupportedException(); // class subtraction
                }

                // \s, \W, \D and \p{…} can be whitespace; \w, \d and \S cannot.
                mayBeSpace |= pattern[_i] == '\\' && _i + 1 < pattern.Length && pattern[_i + 1] is 's' or 'W' or 'D' or 'p' or 'P';
                var low = ClassMember(members, ref spelledOut);
                mayBeSpace |= low is { } single && TextChars.IsSpace(single);
                if (low is null || _i + 1 >= pattern.Length || pattern[_i] != '-' || pattern[_i + 1] == ']')
                {
                    continue;
                }

                _i++; // -
                var high = ClassMember(members, ref spelledOut) ?? throw new NotSupportedException();
                mayBeSpace |= high > low.Value + 1 && HasSpaceBetween(low.Value, high);
                for (var x = (int)low.Value; x <= high && spelledOut; x++)
                {
                    Add(members, (char)x);
                    spelledOut = members.Count <= MaxSetMembers;
                }
            }

            if (_i >= pattern.Length)
            {
                throw new NotSupportedException();
            }

            _i++; // ]
            return spelledOut && members.Count is > 0 and <= MaxSetMembers ? new Set(new string([.. members]), ignoreCase) : new Any(mayBeSpace);
        }

        /// <summary>Whether a class range holds whitespace strictly inside it (its ends are checked as members).</summary>
        private static bool HasSpaceBetween(char low, char high)
        {
            for (var c = low + 1; c < high && c <= '\u3000'; c++) // the highest whitespace character
            {
                if (TextChars.IsSpace((char)c))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Reads one member of a class into <paramref name="members"/>; returns it when it can start a range.</summary>
        private char? ClassMember(List<char> members, ref bool spelledOut)
        {
            if (!RegexLexer.TryReadClassMember(pattern, ref _i, out var member, ref spelledOut))
            {
                return null;
            }

            Add(members, member);
            return member;
        }

        private Node Escape(bool ignoreCase)
        {
            _i++; // \
            if (_i >= pattern.Length)
            {
                throw new NotSupportedException();
            }

            var e = pattern[_i++];
            switch (e)
            {
                case 'b' or 'B' or 'G' or 'A' or 'z' or 'Z':
                    return new Assertion();
                case 's':
                    return new Space();
                case 'p' or 'P':
                    SkipBraces();
                    return new Any();
                case 'd':
                    return new Digit();
                case 'w' or 'S':
                    return new Any(MayBeSpace: false);
                case 'D' or 'W':
                    return new Any();
                case 'k' or (>= '1' and <= '9'):
                    throw new NotSupportedException(); // backreference
                default:
                    return new Set(CharString(EscapedChar(e)), ignoreCase);
            }
        }

        /// <summary>The character an escape such as \. \- \t \x41 \u00E9 stands for.</summary>
        private char EscapedChar(char e) => RegexLexer.EscapedChar(pattern, ref _i, e);

        /// <summary>Adds <paramref name="c"/> to <paramref name="members"/>, kept in ordinal order and without repeats.</summary>
        private static void Add(List<char> members, char c)
        {
            var i = members.Count;
            while (i > 0 && members[i - 1] > c)
            {
                i--;
            }

            if (i == 0 || members[i - 1] != c)
            {
                members.Insert(i, c);
            }
        }

        private void SkipBraces() => RegexLexer.SkipBraces(pattern, ref _i);
    }
}
