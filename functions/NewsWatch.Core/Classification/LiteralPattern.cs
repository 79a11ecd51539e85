using static NewsWatch.Classification.RegexSyntax;

namespace NewsWatch.Classification;

/// <summary>
/// A pattern that only ever matches one of a short list of character sequences, "(?-i:Kabul|KABUL)",
/// "helicopters?", "(?-i:Mi|MI)[-‐‑– ]?8", matched without the regex engine: a regex call costs a few hundred
/// nanoseconds, comparing a few characters a few. The hits are the same as the matcher's bounded regex
/// <c>\G(?&lt;!\w)(?:body)(?!\w)</c>, because the alternatives are listed in the order a backtracking engine
/// tries them and every step is deterministic:
/// <list type="bullet">
/// <item>alternation, optional parts and small counted repeats are expanded into alternatives, in the
/// engine's order (a greedy "s?" tries "s" first; a lazy one last);</item>
/// <item>each element matches one character of a set (case-insensitively where the pattern is), a decimal
/// digit (\d), or a run of
/// whitespace (\s, \s+, \s*) that must be followed by a character that is not whitespace, so the run is
/// taken whole or the alternative fails, as the engine's backtracking would conclude.</item>
/// </list>
/// Anything else (lookarounds, \b, \w, ".", unbounded repeats of other things, lazy whitespace) is left to the
/// regex: <see cref="TryCreate"/> returns null.
/// </summary>

internal sealed class LiteralPattern
{
    private const int MaxAlternatives = 64;
    private const int MaxElements = 96;

    // Flat, so that a pattern is a few arrays however many alternatives it has: the matcher holds thousands of
    // patterns, and chasing one object per character would cost more than comparing the characters. What a
    // match attempt reads is in one array, alternative after alternative: its shape and length, then for a
    // plain word its characters and their folds, or for the general shape its number in _alternatives. An
    // article's candidates are rarely in the processor's cache, so a name's spellings cost one or two reads of
    // memory rather than one per array.
    private readonly char[] _attempts;
    private readonly Alternative[] _alternatives; // the general ones: their elements
    private readonly Element[] _elements;
    private readonly char[] _chars;               // their sets' members

    private LiteralPattern(List<List<Element>> alternatives)
    {
        // Sized first: thousands of patterns are built at start-up, and growing lists would double the garbage.
        int general = 0, elementCount = 0, charCount = 0, attemptCount = 0;
        foreach (var items in alternatives)
        {
            if (ShapeOf(items) != Shape.General)
            {
                attemptCount += 2 + (2 * items.Count);
                continue;
            }

            general++;
            elementCount += items.Count;
            attemptCount += 3;
            foreach (var item in items)
            {
                charCount += item.Members.Length;
            }
        }

        _alternatives = new Alternative[general];
        _elements = new Element[elementCount];
        _chars = new char[charCount];
        _attempts = new char[attemptCount];
        int g = 0, e = 0, c = 0, at = 0;
        foreach (var items in alternatives)
        {
            var shape = ShapeOf(items);
            _attempts[at++] = (char)shape;
            _attempts[at++] = (char)items.Count;
            if (shape != Shape.General)
            {
                // A plain word: its characters, then folded, to compare in one go.
                foreach (var item in items)
                {
                    _attempts[at++] = item.Members[0];
                }

                foreach (var item in items)
                {
                    _attempts[at++] = TextChars.Fold(item.Members[0]);
                }

                continue;
            }

            _attempts[at++] = (char)g;
            _alternatives[g++] = new Alternative(e, items.Count);
            foreach (var item in items)
            {
                _elements[e++] = item with { Members = string.Empty, MembersStart = c, MembersLength = item.Members.Length };
                item.Members.CopyTo(_chars.AsSpan(c));
                c += item.Members.Length;
            }
        }
    }

    private static Shape ShapeOf(List<Element> items)
    {
        bool exact = true, ignoreCase = true;
        foreach (var item in items)
        {
            if (!item.IsSingleChar)
            {
                return Shape.General;
            }

            exact &= !item.IgnoreCase;
            ignoreCase &= item.IgnoreCase;
        }

        return exact ? Shape.Exact : ignoreCase ? Shape.IgnoreCase : Shape.General;
    }

    public static LiteralPattern? TryCreate(Node? pattern)
    {
        var alternatives = pattern is null ? null : Expand(pattern);
        return alternatives is not null && alternatives.All(IsDeterministic) ? new LiteralPattern(alternatives) : null;
    }

    /// <summary>The length of the match that starts exactly at <paramref name="position"/>, or -1; same as the bounded regex.</summary>
    public int MatchLengthAt(ReadOnlySpan<char> text, ReadOnlySpan<char> folded, int position)
    {
        if (position > 0 && TextChars.IsWordChar(text[position - 1]))
        {
            return -1;
        }

        var first = folded[position];
        var attempts = _attempts;
        for (var at = 0; at < attempts.Length;)
        {
            var shape = (Shape)attempts[at];
            var length = (int)attempts[at + 1];
            int end;
            if (shape == Shape.General)
            {
                var alternative = _alternatives[attempts[at + 2]];
                at += 3;
                end = MatchEnd(_elements.AsSpan(alternative.ElementStart, alternative.Length), text, position);
            }
            else
            {
                var word = attempts.AsSpan(at + 2, length);
                var foldedWord = attempts.AsSpan(at + 2 + length, length);
                at += 2 + (2 * length);

                // A country's dozens of spellings rarely share a first letter: one read turns most of them away.
                if (length > 0 && foldedWord[0] != first)
                {
                    continue;
                }

                var matches = shape == Shape.Exact
                    ? text[position..].StartsWith(word)
                    : MatchesIgnoringCase(word, foldedWord, text, folded, position);
                end = matches ? position + length : -1;
            }

            if (end >= 0 && (end == text.Length || !TextChars.IsWordChar(text[end])))
            {
                return end - position;
            }
        }

        return -1;
    }

    /// <summary>Folded text equal is necessary; each character that differs as written must also be a case variant.</summary>
    private static bool MatchesIgnoringCase(ReadOnlySpan<char> expected, ReadOnlySpan<char> expectedFolded, ReadOnlySpan<char> text, ReadOnlySpan<char> folded, int position)
    {
        if (!folded[position..].StartsWith(expectedFolded))
        {
            return false;
        }

        var actual = text.Slice(position, expected.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            if (actual[i] != expected[i] && !TextChars.IgnoreCaseEquals(expected[i], actual[i]))
            {
                return false;
            }
        }

        return true;
    }

    private int MatchEnd(ReadOnlySpan<Element> elements, ReadOnlySpan<char> text, int i)
    {
        foreach (var element in elements)
        {
            if (element.Kind == ElementKind.SpaceRun)
            {
                var run = 0;
                while (i + run < text.Length && TextChars.IsSpace(text[i + run]))
                {
                    run++;
                }

                if (run < element.Min || run > element.Max)
                {
                    return -1;
                }

                i += run;
            }
            else if (i >= text.Length || !Matches(element, text[i++]))
            {
                return -1;
            }
        }

        return i;
    }

    private bool Matches(Element element, char c)
    {
        if (element.Kind == ElementKind.Digit)
        {
            return TextChars.IsDigit(c);
        }

        var members = _chars.AsSpan(element.MembersStart, element.MembersLength);
        if (members.Contains(c))
        {
            return true;
        }

        if (element.IgnoreCase)
        {
            foreach (var member in members)
            {
                if (TextChars.IgnoreCaseEquals(member, c))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The alternatives of <paramref name="node"/> in the order the engine tries them, or null when it is not that simple.</summary>
    private static List<List<Element>>? Expand(Node node)
    {
        switch (node)
        {
            case Set set:
                return [[Element.Of(set)]];
            case Space:
                return [[Element.SpaceRun(1, 1)]];
            case Digit:
                return [[Element.AnyDigit]];
            case Empty:
                return [[]];
            case Repeat { Inner: Space, Lazy: false } spaces:
                return [[Element.SpaceRun(spaces.Min, spaces.Max)]];
            case Repeat { Max: <= 4 } repeat:
                // Greedy tries the most repetitions first, lazy the fewest.
                var counts = Enumerable.Range(repeat.Min, repeat.Max - repeat.Min + 1);
                return Alternatives(repeat.Lazy ? counts : counts.Reverse(), count => Enumerable.Repeat(repeat.Inner, count).ToList());
            case Sequence sequence:
                return Product(sequence.Items);
            case Alternation alternation:
                return Alternatives(alternation.Branches, branch => [branch]);
            default:
                return null; // Any, Assertion, Atomic, unbounded repeats
        }
    }

    private static List<List<Element>>? Alternatives<TItem>(IEnumerable<TItem> items, Func<TItem, IReadOnlyList<Node>> sequence)
    {
        var result = new List<List<Element>>();
        foreach (var item in items)
        {
            var expanded = Product(sequence(item));
            if (expanded is null)
            {
                return null;
            }

            result.AddRange(expanded);
            if (result.Count > MaxAlternatives)
            {
                return null;
            }
        }

        return result;
    }

    /// <summary>Every alternative of the first item followed by every alternative of the rest: depth-first order.</summary>
    private static List<List<Element>>? Product(IReadOnlyList<Node> items)
    {
        List<List<Element>> result = [[]];
        foreach (var item in items)
        {
            // Most items are one element (a name is spelled out one character at a time): no lists for those.
            if (Single(item) is { } element)
            {
                foreach (var head in result)
                {
                    head.Add(element);
                }

                continue;
            }

            var expanded = Expand(item);
            if (expanded is null || result.Count * expanded.Count > MaxAlternatives)
            {
                return null;
            }

            if (expanded.Count == 1)
            {
                foreach (var head in result)
                {
                    head.AddRange(expanded[0]); // one way on: extend every alternative in place
                }
            }
            else
            {
                result = [.. result.SelectMany(head => expanded.Select(tail => (List<Element>)[.. head, .. tail]))];
            }

            if (result.Exists(a => a.Count > MaxElements))
            {
                return null;
            }
        }

        return result;
    }

    private static Element? Single(Node item) => item switch
    {
        Set set => Element.Of(set),
        Space => Element.SpaceRun(1, 1),
        Digit => Element.AnyDigit,
        Repeat { Inner: Space, Lazy: false } spaces => Element.SpaceRun(spaces.Min, spaces.Max),
        _ => null,
    };

    /// <summary>A whitespace run must be followed by a character that cannot be whitespace, so it is taken whole.</summary>
    private static bool IsDeterministic(List<Element> elements)
    {
        for (var i = 0; i < elements.Count; i++)
        {
            if (elements[i].Kind == ElementKind.SpaceRun && (i + 1 == elements.Count || elements[i + 1].CanBeSpace))
            {
                return false;
            }
        }

        return true;
    }

    private enum Shape
    {
        /// <summary>Element by element.</summary>
        General,

        /// <summary>Single characters, all case-sensitive: the text must start with them.</summary>
        Exact,

        /// <summary>Single characters, all case-insensitive: the folded text must start with them, then each is checked.</summary>
        IgnoreCase,
    }

    private enum ElementKind
    {
        /// <summary>One character of a set.</summary>
        Set,

        /// <summary>A run of whitespace.</summary>
        SpaceRun,

        /// <summary>One decimal digit (\d) of any script.</summary>
        Digit,
    }

    /// <summary>An alternative of the general shape: where its elements start in the pattern's elements, and how many.</summary>
    private readonly record struct Alternative(int ElementStart, int Length);

    /// <summary>
    /// One character of <see cref="Members"/> (ordinal order; once the pattern is built, they are kept at
    /// <see cref="MembersStart"/> in its characters instead), a decimal digit, or a whitespace run of
    /// <see cref="Min"/> to <see cref="Max"/>.
    /// </summary>
    private readonly record struct Element(ElementKind Kind, string Members, bool IgnoreCase, int Min, int Max, int MembersStart = 0, int MembersLength = 0)
    {
        public static Element AnyDigit { get; } = new(ElementKind.Digit, string.Empty, IgnoreCase: false, 1, 1);

        public bool IsSingleChar => Kind == ElementKind.Set && Members.Length == 1;

        // Whitespace has no case variants, so only a set's members themselves can be whitespace.
        public bool CanBeSpace => Kind == ElementKind.SpaceRun || Members.Any(TextChars.IsSpace);

        public static Element Of(Set set) => new(ElementKind.Set, set.Members, set.IgnoreCase, 1, 1);

        public static Element SpaceRun(int min, int max) => new(ElementKind.SpaceRun, string.Empty, IgnoreCase: false, min, max);
    }
}
