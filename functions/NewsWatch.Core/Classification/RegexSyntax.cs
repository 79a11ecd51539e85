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
// Start-up code marked AggressiveOptimization runs once per pattern, thousands of times, before tiered
// compilation would have optimised it: compiled fully at once, the lexicon loads faster.
internal static class RegexSyntax
{
    /// <summary>Explicit members of a class beyond this make it an <see cref="Any"/>: it is not worth spelling out.</summary>
    private const int MaxSetMembers = 128;

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
    internal sealed record Any : Node;

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

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private Node Sequence(ref bool ignoreCase)
        {
            var items = new List<Node>();
            while (_i < pattern.Length && pattern[_i] is not ('|' or ')'))
            {
                items.Add(Quantified(Atom(ref ignoreCase)));
            }

            return items.Count == 1 ? items[0] : new Sequence(items);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private Node Quantified(Node atom)
        {
            if (_i >= pattern.Length)
            {
                return atom;
            }

            int min, max;
            switch (pattern[_i])
            {
                case '?':
                    (min, max) = (0, 1);
                    _i++;
                    break;
                case '*':
                    (min, max) = (0, int.MaxValue);
                    _i++;
                    break;
                case '+':
                    (min, max) = (1, int.MaxValue);
                    _i++;
                    break;
                case '{' when TryReadBounds(out min, out max):
                    break;
                default:
                    return atom;
            }

            var lazy = _i < pattern.Length && pattern[_i] == '?';
            if (lazy)
            {
                _i++;
            }

            return new Repeat(atom, min, max, lazy);
        }

        private bool TryReadBounds(out int min, out int max)
        {
            (min, max) = (0, 0);
            var close = pattern.IndexOf('}', _i);
            if (close < 0)
            {
                return false; // a literal '{'
            }

            var body = pattern.AsSpan(_i + 1, close - _i - 1);
            var comma = body.IndexOf(',');
            if (!int.TryParse(comma < 0 ? body : body[..comma], NumberStyles.None, CultureInfo.InvariantCulture, out min))
            {
                return false;
            }

            if (comma < 0)
            {
                max = min;
            }
            else if (comma == body.Length - 1)
            {
                max = int.MaxValue;
            }
            else if (!int.TryParse(body[(comma + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out max))
            {
                return false;
            }

            _i = close + 1;
            return true;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
            var first = true;
            while (_i < pattern.Length && (pattern[_i] != ']' || first))
            {
                first = false;
                if (pattern[_i] == '-' && _i + 1 < pattern.Length && pattern[_i + 1] == '[')
                {
                    throw new NotSupportedException(); // class subtraction
                }

                var low = ClassMember(members, ref spelledOut);
                if (low is null || _i + 1 >= pattern.Length || pattern[_i] != '-' || pattern[_i + 1] == ']')
                {
                    continue;
                }

                _i++; // -
                var high = ClassMember(members, ref spelledOut) ?? throw new NotSupportedException();
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
            return spelledOut && members.Count is > 0 and <= MaxSetMembers ? new Set(new string([.. members]), ignoreCase) : new Any();
        }

        /// <summary>Reads one member of a class into <paramref name="members"/>; returns it when it can start a range.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private char? ClassMember(List<char> members, ref bool spelledOut)
        {
            var c = pattern[_i++];
            if (c != '\\')
            {
                Add(members, c);
                return c;
            }

            if (_i >= pattern.Length)
            {
                throw new NotSupportedException();
            }

            var e = pattern[_i++];
            switch (e)
            {
                case 'p' or 'P':
                    SkipBraces();
                    spelledOut = false;
                    return null;
                case 'd' or 'D' or 'w' or 'W' or 's' or 'S':
                    spelledOut = false; // \d is any Unicode digit ("٣"), \s any whitespace: not spelled out
                    return null;
                default:
                    var literal = EscapedChar(e);
                    Add(members, literal);
                    return literal;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
                case 'D' or 'w' or 'W' or 'S':
                    return new Any();
                case 'k' or (>= '1' and <= '9'):
                    throw new NotSupportedException(); // backreference
                default:
                    return new Set(CharString(EscapedChar(e)), ignoreCase);
            }
        }

        /// <summary>The character an escape such as \. \- \t \x41 \u00E9 stands for.</summary>
        private char EscapedChar(char e)
        {
            switch (e)
            {
                case 't': return '\t';
                case 'n': return '\n';
                case 'r': return '\r';
                case 'f': return '\f';
                case 'v': return '\v';
                case 'e': return '\u001B';
                case 'a': return '\a';
                case 'x': return Hex(2);
                case 'u': return Hex(4);
                default:
                    // Other letters and digits (\c, \0, \b in a class) are not plain characters: not understood here.
                    return char.IsLetterOrDigit(e) ? throw new NotSupportedException() : e;
            }
        }

        private char Hex(int digits)
        {
            if (_i + digits > pattern.Length ||
                !int.TryParse(pattern.AsSpan(_i, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
            {
                throw new NotSupportedException();
            }

            _i += digits;
            return (char)value;
        }

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

        private void SkipBraces()
        {
            if (_i < pattern.Length && pattern[_i] == '{')
            {
                var close = pattern.IndexOf('}', _i);
                _i = close < 0 ? throw new NotSupportedException() : close + 1;
            }
        }
    }
}
