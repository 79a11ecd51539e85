using static NewsWatch.Classification.RegexSyntax;

namespace NewsWatch.Classification;

/// <summary>
/// For a pattern that is one word of some shape, whitespace, then something literal, such as
/// "(?-i:[A-Z][a-z]+\s+(?:Airways|Airlines))": the folded prefixes of what follows the whitespace ({"airways",
/// "airlines"}). Such a pattern is a candidate at every capitalised word; with these, a scan looks at the next
/// word and runs the regex only when it starts right (<see cref="Admits"/>). Null for any other pattern.
/// </summary>
/// <remarks>
/// Sound because the first part cannot match whitespace, so it must end exactly where the text's first
/// whitespace after the position is; and what follows cannot start with whitespace (no prefix starts with one),
/// so it must start where that whitespace run ends.
/// </remarks>
internal static class NextWord
{
    public static IReadOnlyList<string>? Of(Node? pattern)
    {
        // "(?-i:[A-Z][a-z]+\s+Arms)(?=…)" is a sequence whose first item is the group's own sequence: one level.
        var items = pattern is Sequence sequence ? Flattened(sequence.Items) : [];

        var space = 0;
        while (space < items.Count && IsWordPart(items[space]))
        {
            space++;
        }

        if (space == 0 || space + 1 >= items.Count || items[space] is not (Space or Repeat { Inner: Space, Min: > 0 }))
        {
            return null;
        }

        var rest = RegexPrefixes.Of(new Sequence([.. items.Skip(space + 1)]));
        return rest.Any(p => p.Length == 0 || p[0] == TextChars.Space) ? null : rest;
    }

    /// <summary>Whether the word after the one at <paramref name="position"/> starts with one of <paramref name="prefixes"/>.</summary>
    public static bool Admits(ReadOnlySpan<string> prefixes, string text, ReadOnlySpan<char> folded, int position)
    {
        var next = position;
        while (next < text.Length && !TextChars.IsSpace(text[next]))
        {
            next++;
        }

        if (next == text.Length)
        {
            return false; // no whitespace: no match
        }

        while (next < text.Length && TextChars.IsSpace(text[next]))
        {
            next++;
        }

        foreach (var prefix in prefixes)
        {
            if (StartsWith(folded, next, prefix))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the folded text at <paramref name="start"/> starts with <paramref name="prefix"/>, whose spaces stand for whitespace runs.</summary>
    private static bool StartsWith(ReadOnlySpan<char> folded, int start, string prefix)
    {
        var i = start;
        foreach (var c in prefix)
        {
            if (i >= folded.Length || folded[i] != c)
            {
                return false;
            }

            i++;
            while (c == TextChars.Space && i < folded.Length && folded[i] == TextChars.Space)
            {
                i++;
            }
        }

        return true;
    }

    private static List<Node> Flattened(IReadOnlyList<Node> items)
    {
        var flat = new List<Node>();
        foreach (var item in items)
        {
            if (item is Sequence inner)
            {
                flat.AddRange(Flattened(inner.Items));
            }
            else
            {
                flat.Add(item);
            }
        }

        return flat;
    }

    /// <summary>An item that matches characters none of which can be whitespace (or nothing at all).</summary>
    private static bool IsWordPart(Node node) => node switch
    {
        Set set => !set.Members.Any(TextChars.IsSpace),
        Digit or Empty or Assertion => true,
        Repeat repeat => IsWordPart(repeat.Inner),
        _ => false,
    };
}
