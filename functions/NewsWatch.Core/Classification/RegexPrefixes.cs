using System.Runtime.CompilerServices;
using static NewsWatch.Classification.RegexSyntax;

namespace NewsWatch.Classification;

/// <summary>
/// Works out the literal text (folded, see <see cref="TextChars.Fold"/>) that every match of a lexicon pattern
/// starts with: "sales?\s+of" → {"sale of", "sales of"}, "(?-i:Mi|MI)[-‐‑– ]?8" → {"mi-8", "mi‐8", "mi‑8",
/// "mi–8", "mi 8", "mi8"}, "(?:attack|combat)\s+helicopters?" → {"attack helic", "combat helic"} (cut at
/// <see cref="MaxLength"/>). The matcher looks these up to try a pattern only where the text starts with one
/// of them, so the answer must never leave a real match out; it may be shorter or coarser than it could be.
/// </summary>
/// <remarks>
/// Whitespace (\s, \s+, a space) is one folded space: the prefilter reads a run of whitespace as one; \d is
/// 0-9, since every script's digits fold to those. A prefix stops at whatever cannot be spelled out in a few
/// strings (\w, ".", a negated or large class, a repeated group), and sets that grow past
/// <see cref="MaxStrings"/> are cut shorter: the optional Arabic clitics of "[وف]?(?:بال|لل|ال|[بل])?نظام"
/// give dozens of spellings of a word's start. A pattern that can start with anything, can match empty text,
/// or is not understood (<see cref="RegexSyntax.Parse"/> gave null) gets the empty prefix: it is tried at
/// every position where a match may start.
/// </remarks>
// Start-up code marked AggressiveOptimization runs once per pattern, thousands of times, before tiered
// compilation would have optimised it: compiled fully at once, the lexicon loads faster.
internal static class RegexPrefixes
{
    /// <summary>Longer prefixes are more selective, but are walked character by character.</summary>
    internal const int MaxLength = 12;

    /// <summary>More strings than this are cut shorter until they fit: "[A-Z]{2}" is better as its 26 first letters.</summary>
    internal const int MaxStrings = 64;

    /// <summary>A class with more members than this ends a prefix: "[-‐‑– ]" is spelled out, "[A-Z]" ends it.</summary>
    internal const int MaxSetMembers = 8;

    // How much larger than MaxStrings a concatenation may grow before its right side is cut shorter.
    private const int ProductFactor = 4;

    private static readonly string SpaceText = TextChars.Space.ToString();

    private static readonly List<Piece> EmptyText = [new(string.Empty, Open: false)];

    private static readonly List<Piece> Digits = [.. "0123456789".Select(d => new Piece(d.ToString(), Open: false))];

    private static readonly List<Piece> Anything = [new(string.Empty, Open: true)];

    /// <summary>The folded prefixes of <paramref name="pattern"/>, none a prefix of another; [""] when a match can start with anything.</summary>
    public static IReadOnlyList<string> Of(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return PlainPrefixes(pattern) ?? Of(RegexSyntax.Parse(pattern));
    }

    /// <inheritdoc cref="Of(string)"/>
    public static IReadOnlyList<string> Of(Node? pattern)
    {
        if (pattern is null)
        {
            return [string.Empty];
        }

        // Most patterns are words or names, or alternatives of them ("(?-i:Kabul|KABUL)"): each branch's run.
        var branches = pattern is Alternation alternation ? alternation.Branches : [pattern];
        var runs = new List<string>(branches.Count);
        foreach (var branch in branches)
        {
            var items = branch is Sequence sequence ? sequence.Items : [branch];
            var i = 0;
            var run = Run(items, ref i);
            if (i < items.Count && run.Length <= MaxLength)
            {
                return Minimal(Fit(Prefixes(pattern)).Select(p => p.Text)); // not that simple
            }

            runs.Add(run.Length > MaxLength ? run[..MaxLength] : run);
        }

        return Minimal(runs);
    }

    /// <summary>
    /// The prefixes of a pattern that starts with plain text, read straight from the pattern without parsing
    /// it: "(?-i:Kabul|KABUL)", "Foreign\s+Military\s+Financing", "(?-i:U\.S\.)", "(?-i:People['’]s…|…)".
    /// Thousands of names are spelled like that, and this is most of a lexicon's load time saved. Each branch's
    /// text runs until a character class (the prefix stops before it) or the end; null when the pattern is
    /// anything else, for <see cref="RegexSyntax"/> to parse.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string[]? PlainPrefixes(string pattern)
    {
        var i = 0;
        var grouped = pattern.StartsWith("(?-i:", StringComparison.Ordinal) || pattern.StartsWith("(?i:", StringComparison.Ordinal) || pattern.StartsWith("(?:", StringComparison.Ordinal);
        if (grouped)
        {
            i = pattern.IndexOf(':', StringComparison.Ordinal) + 1;
        }

        var runs = new List<string>(2);
        var run = new System.Text.StringBuilder(MaxLength + 1);
        var stopped = false; // a class ended this branch's prefix; skip to the branch's end
        for (; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c is '|' or ')')
            {
                if (run.Length == 0 || (c == ')' && !grouped))
                {
                    return null;
                }

                runs.Add(run.Length > MaxLength ? run.ToString(0, MaxLength) : run.ToString());
                (run.Length, stopped) = (0, false);
                if (c == ')')
                {
                    // What follows may only be optional groups ("(?-i:s|S)?") or lookarounds, which add no
                    // prefix of their own; anything else could extend the prefixes, so the parser decides.
                    return OnlyOptional(pattern, i + 1) ? Minimal(runs) : null;
                }

                continue;
            }

            if (c == '[')
            {
                // A class past the prefix's length does not matter; before it, the parser spells it out.
                var close = pattern.IndexOf(']', i + 2);
                if (close < 0 || run.Length <= MaxLength || pattern.AsSpan(i + 1, close - i - 1).ContainsAny('\\', '['))
                {
                    return null;
                }

                stopped = true;
                i = close;
                continue;
            }

            if (c is '(' or '.' or '*' or '+' or '?' or '{' or '^' or '$' or '#' || char.IsWhiteSpace(c))
            {
                return null;
            }

            if (c == '\\')
            {
                if (++i >= pattern.Length)
                {
                    return null;
                }

                c = pattern[i];
                if (c == 's' && i + 1 < pattern.Length && pattern[i + 1] == '+')
                {
                    i++;
                    c = TextChars.Space;
                }
                else if (char.IsLetterOrDigit(c) || (i + 1 < pattern.Length && pattern[i + 1] is '?' or '*' or '{' or '+'))
                {
                    return null; // \d, \w, \b, \u…; or a quantified character
                }
            }
            else if (i + 1 < pattern.Length && pattern[i + 1] is '?' or '*' or '{' or '+')
            {
                return null;
            }

            if (!stopped && run.Length <= MaxLength)
            {
                var folded = TextChars.Fold(c);
                if (!(folded == TextChars.Space && run.Length > 0 && run[^1] == TextChars.Space))
                {
                    run.Append(folded);
                }
            }
        }

        if (grouped || run.Length == 0)
        {
            return null;
        }

        runs.Add(run.Length > MaxLength ? run.ToString(0, MaxLength) : run.ToString());
        return Minimal(runs);
    }

    /// <summary>Whether the pattern from <paramref name="start"/> on is only groups made optional by ? or *, or lookarounds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool OnlyOptional(string pattern, int start)
    {
        for (var i = start; i < pattern.Length; i++)
        {
            if (pattern[i] != '(' || ClosingParenthesis(pattern, i) is not (> 0 and var close))
            {
                return false;
            }

            var lookaround = pattern.AsSpan(i).StartsWith("(?=") || pattern.AsSpan(i).StartsWith("(?!") ||
                             pattern.AsSpan(i).StartsWith("(?<=") || pattern.AsSpan(i).StartsWith("(?<!");
            var optional = close + 1 < pattern.Length && pattern[close + 1] is '?' or '*';
            if (!lookaround && !optional)
            {
                return false;
            }

            i = optional ? close + 1 : close;
        }

        return true;
    }

    /// <summary>Where the group opened at <paramref name="open"/> closes, skipping escapes and classes; -1 if it does not.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int ClosingParenthesis(string pattern, int open)
    {
        var depth = 0;
        for (var i = open; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '\\':
                    i++;
                    break;
                case '[':
                    // A class ends at the first "]" that is not its first character or escaped.
                    for (i += 2; i < pattern.Length && pattern[i] != ']'; i++)
                    {
                        i += pattern[i] == '\\' ? 1 : 0;
                    }

                    break;
                case '(':
                    depth++;
                    break;
                case ')' when --depth == 0:
                    return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// A string some match of a sub-expression starts with. Closed: the sub-expression can match exactly this
    /// text, so what follows it in the pattern extends it. Open: a match may go on in ways not spelled out.
    /// </summary>
    /// <remarks>A class, not a struct: generic collections of a class share code the runtime has already
    /// compiled, and every new instantiation over a struct costs start-up time to compile.</remarks>
    private sealed record Piece(string Text, bool Open);

    private static List<Piece> Prefixes(Node node)
    {
        switch (node)
        {
            case Set set when set.Members.Length <= MaxStrings:
                // A large class ("[A-Z]") still says which characters a match starts with, but ends the prefix:
                // spelling out what follows each of its members would multiply the strings for little selectivity.
                var open = set.Members.Length > MaxSetMembers;
                return Distinct(set.Members.Select(c => new Piece(TextChars.Fold(c).ToString(), open)));
            case Space:
                return [new(SpaceText, Open: false)];
            case Digit:
                return Digits; // every decimal digit folds to 0-9
            case Empty or Assertion:
                return EmptyText; // zero-width: adds no text (lookarounds look, they do not consume)
            case Atomic atomic:
                return Prefixes(atomic.Inner); // matches a subset of what its body matches
            case Repeat repeat:
                return Repeated(repeat);
            case Sequence sequence:
                return Concatenated(sequence.Items);
            case Alternation alternation:
                return Fit(Distinct(alternation.Branches.SelectMany(Prefixes)));
            default:
                return Anything; // Any, large sets
        }
    }

    private static List<Piece> Repeated(Repeat repeat)
    {
        var inner = Prefixes(repeat.Inner);

        // One repetition is spelled out; after it anything the repeat allows may follow. Whitespace is the
        // exception: the prefilter reads any run of it as one space, so \s+ is exactly one space.
        var once = repeat.Max == 1 || inner is [{ Text: " ", Open: false }] ? inner : AllOpen(inner);
        if (repeat.Min > 0)
        {
            return once;
        }

        return Distinct(EmptyText.Concat(once));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<Piece> Concatenated(IReadOnlyList<Node> items)
    {
        var current = EmptyText;
        for (var i = 0; i < items.Count && current.Exists(p => !p.Open);)
        {
            // A run of plain characters and whitespace (a name, "military\s+equipment") is appended in one go.
            var run = Run(items, ref i);
            if (run.Length > 0)
            {
                current = Append(current, run);
            }
            else if (i < items.Count)
            {
                current = Fit(Concatenate(current, Prefixes(items[i++])));
            }
        }

        return current;
    }

    /// <summary>
    /// Reads the plain characters, whitespace and zero-width items from <paramref name="i"/> on, as one folded
    /// string (at most <see cref="MaxLength"/> long: nothing past that is used); empty when there are none.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string Run(IReadOnlyList<Node> items, ref int i)
    {
        var run = new System.Text.StringBuilder();
        for (; i < items.Count && run.Length <= MaxLength; i++)
        {
            var c = items[i] switch
            {
                Set { Members.Length: 1 } set => TextChars.Fold(set.Members[0]),
                Space or Repeat { Inner: Space, Min: > 0 } => TextChars.Space,
                Empty or Assertion => '\0',
                _ => (char?)null,
            };
            if (c is null)
            {
                break;
            }

            if (c != '\0' && !(c == TextChars.Space && run.Length > 0 && run[^1] == TextChars.Space))
            {
                run.Append(c.Value);
            }
        }

        return run.ToString();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<Piece> Append(List<Piece> pieces, string run) => Concatenate(pieces, [new Piece(run, Open: false)]);

    /// <summary>
    /// Every string of <paramref name="left"/> followed by every string of <paramref name="right"/>. When that
    /// would be many strings, <paramref name="right"/> is cut shorter first, down to its first characters; and
    /// when even those would be too many, <paramref name="left"/> is left as it is, complete.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<Piece> Concatenate(List<Piece> left, List<Piece> right)
    {
        var closed = left.Count(p => !p.Open);
        if (closed * right.Count > MaxStrings * ProductFactor)
        {
            var length = LongestFitting(right, Math.Max(1, MaxStrings * ProductFactor / Math.Max(1, closed)));
            if (length == 0)
            {
                return AllOpen(left);
            }

            right = Truncated(right, length);
        }

        var result = new List<Piece>(left.Count - closed + (closed * right.Count));
        foreach (var l in left)
        {
            if (l.Open)
            {
                result.Add(l);
                continue;
            }

            foreach (var r in right)
            {
                // Consecutive whitespace is one run, which the prefilter reads as one space.
                var text = l.Text.EndsWith(TextChars.Space) && r.Text.StartsWith(TextChars.Space) ? l.Text + r.Text[1..] : l.Text + r.Text;
                result.Add(text.Length > MaxLength ? new Piece(text[..MaxLength], Open: true) : r with { Text = text });
            }
        }

        return Distinct(result);
    }

    private static List<Piece> AllOpen(List<Piece> pieces) => pieces.ConvertAll(p => p with { Open = true });

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int IndexOf(List<Piece> pieces, string text)
    {
        for (var i = 0; i < pieces.Count; i++)
        {
            if (pieces[i].Text == text)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Each text once; an open and a closed copy of the same text merge into the open one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<Piece> Distinct(IEnumerable<Piece> pieces)
    {
        var result = new List<Piece>();
        Dictionary<string, int>? index = null; // only for the rare large sets
        foreach (var piece in pieces)
        {
            var at = index is not null ? index.GetValueOrDefault(piece.Text, -1) : IndexOf(result, piece.Text);
            if (at >= 0)
            {
                result[at] = result[at] with { Open = result[at].Open || piece.Open };
                continue;
            }

            result.Add(piece);
            if (index is not null)
            {
                index[piece.Text] = result.Count - 1;
            }
            else if (result.Count > 16)
            {
                index = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var k = 0; k < result.Count; k++)
                {
                    index[result[k].Text] = k;
                }
            }
        }

        return result;
    }

    /// <summary>Cuts the strings shorter until there are few enough of them (at worst: the empty prefix).</summary>
    private static List<Piece> Fit(List<Piece> pieces) =>
        pieces.Count <= MaxStrings ? pieces : Truncated(pieces, LongestFitting(pieces, MaxStrings));

    /// <summary>The longest cut (at most <see cref="MaxLength"/>) that leaves at most <paramref name="limit"/> distinct strings; 0 if none does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int LongestFitting(List<Piece> pieces, int limit)
    {
        // Sorted, strings with one cut are neighbours: count the changes, without cutting anything.
        var texts = pieces.Select(p => p.Text).Order(StringComparer.Ordinal).ToArray();
        for (var length = MaxLength; length > 0; length--)
        {
            var distinct = 1;
            for (var i = 1; i < texts.Length && distinct <= limit; i++)
            {
                distinct += Cut(texts[i], length).SequenceEqual(Cut(texts[i - 1], length)) ? 0 : 1;
            }

            if (distinct <= limit)
            {
                return length;
            }
        }

        return 0;

        static ReadOnlySpan<char> Cut(string text, int length) => text.AsSpan(0, Math.Min(length, text.Length));
    }

    /// <summary>The strings cut to at most <paramref name="length"/> characters (those cut are open), each once.</summary>
    private static List<Piece> Truncated(List<Piece> pieces, int length) =>
        Distinct(pieces.Select(p => p.Text.Length > length ? new Piece(p.Text[..length], Open: true) : p));

    /// <summary>Drops every string that has a shorter one of the set as its prefix: the shorter one already covers it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string[] Minimal(IEnumerable<string> strings)
    {
        var sorted = strings.ToArray();
        if (sorted.Length == 1)
        {
            return sorted;
        }

        Array.Sort(sorted, StringComparer.Ordinal);
        var kept = new List<string>(sorted.Length);
        foreach (var s in sorted)
        {
            // In ordinal order a string's prefixes sort before it, and the last kept one is the only candidate.
            if (kept.Count == 0 || !s.StartsWith(kept[^1], StringComparison.Ordinal))
            {
                kept.Add(s);
            }
        }

        return [.. kept];
    }
}
