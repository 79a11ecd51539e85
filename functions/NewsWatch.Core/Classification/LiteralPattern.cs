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

    // Flat, so that a pattern is three arrays however many alternatives it has: the matcher holds thousands of
    // patterns, and chasing one object per character would cost more than comparing the characters.
    private readonly Alternative[] _alternatives;
    private readonly Element[] _elements;
    private readonly char[] _chars;

    private LiteralPattern(List<List<Element>> alternatives)
    {
        // Sized first: thousands of patterns are built at start-up, and growing lists would double the garbage.
        int elementCount = 0, charCount = 0;
        foreach (var items in alternatives)
        {
            elementCount += items.Count;
            charCount += ShapeOf(items) == Shape.General ? 0 : 2 * items.Count;
            foreach (var item in items)
            {
                charCount += item.Members.Length;
            }
        }

        _alternatives = new Alternative[alternatives.Count];
        _elements = new Element[elementCount];
        _chars = new char[charCount];
        int e = 0, c = 0;
        for (var a = 0; a < alternatives.Count; a++)
        {
            var items = alternatives[a];
            var shape = ShapeOf(items);
            var textStart = c;
            if (shape != Shape.General)
            {
                // A plain word: its characters, then folded, to compare in one go.
                foreach (var item in items)
                {
                    _chars[c++] = item.Members[0];
                }

                foreach (var item in items)
                {
                    _chars[c++] = TextChars.Fold(item.Members[0]);
                }
            }

            _alternatives[a] = new Alternative(e, items.Count, shape, textStart);
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
        foreach (var alternative in _alternatives)
        {
            // A country's dozens of spellings rarely share a first letter: one read turns most of them away.
            if (alternative.Shape != Shape.General && _chars[alternative.TextStart + alternative.Length] != first)
            {
                continue;
            }

            var end = alternative.Shape switch
            {
                Shape.Exact => text[position..].StartsWith(Text(alternative)) ? position + alternative.Length : -1,
                Shape.IgnoreCase => MatchesIgnoringCase(alternative, text, folded, position) ? position + alternative.Length : -1,
                _ => MatchEnd(_elements.AsSpan(alternative.ElementStart, alternative.Length), text, position),
            };
            if (end >= 0 && (end == text.Length || !TextChars.IsWordChar(text[end])))
            {
                return end - position;
            }
        }

        return -1;
    }

    private ReadOnlySpan<char> Text(Alternative alternative) => _chars.AsSpan(alternative.TextStart, alternative.Length);

    private ReadOnlySpan<char> Folded(Alternative alternative) => _chars.AsSpan(alternative.TextStart + alternative.Length, alternative.Length);

    /// <summary>Folded text equal is necessary; each character that differs as written must also be a case variant.</summary>
    private bool MatchesIgnoringCase(Alternative alternative, ReadOnlySpan<char> text, ReadOnlySpan<char> folded, int position)
    {
        if (!folded[position..].StartsWith(Folded(alternative)))
        {
            return false;
        }

        var expected = Text(alternative);
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

    /// <param name="ElementStart">Where its elements start in the pattern's elements.</param>
    /// <param name="Length">How many elements; for a plain word, also how many characters.</param>
    /// <param name="TextStart">For a plain word, where its characters start in the pattern's characters, then folded.</param>
    private readonly record struct Alternative(int ElementStart, int Length, Shape Shape, int TextStart);

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
