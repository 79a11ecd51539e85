using System.Globalization;
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
/// or is not understood (<see cref="RegexSyntax.Parse"/> gives null) gets the empty prefix: it is tried at
/// every position where a match may start.
/// <para>
/// A pattern is read in one pass over its text (<see cref="Reader"/>), which works the prefixes out as it goes
/// and only checks the syntax of what comes after them: a lexicon loads thousands of patterns, and building
/// each one's tree (<see cref="RegexSyntax"/>) to use its first dozen characters was most of the load's time.
/// The answer is the same as from the tree (<see cref="Of(Node?)"/>), which a unit test holds it to.
/// </para>
/// </remarks>
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

    [ThreadStatic]
    private static Reader? threadReader;

    /// <summary>
    /// Orders strings as <see cref="StringComparer.Ordinal"/> does, for sorting prefixes: a dozen characters at
    /// most, compared one by one. At start-up <see cref="StringComparer.Ordinal"/> compares through vectorised
    /// code that is compiled, unoptimised, on first use, and a lexicon's prefixes are sorted with it hundreds of
    /// thousands of times.
    /// </summary>
    internal sealed class OrdinalComparer : IComparer<string>
    {
        public static readonly OrdinalComparer Instance = new();

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public int Compare(string? x, string? y)
        {
            if (x is null || y is null)
            {
                return x is null ? (y is null ? 0 : -1) : 1;
            }

            var length = Math.Min(x.Length, y.Length);
            for (var i = 0; i < length; i++)
            {
                if (x[i] != y[i])
                {
                    return x[i] - y[i];
                }
            }

            return x.Length - y.Length;
        }
    }

    /// <summary>The folded prefixes of <paramref name="pattern"/>, none a prefix of another; [""] when a match can start with anything.</summary>
    public static IReadOnlyList<string> Of(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        // One reader a thread, used again: the lexicons' thousands of patterns are read one after the other.
        return (threadReader ??= new Reader()).Prefixes(pattern);
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
        var runs = new Pieces(branches.Count);
        foreach (var branch in branches)
        {
            var items = branch is Sequence sequence ? sequence.Items : [branch];
            var i = 0;
            var run = Run(items, ref i);
            if (i < items.Count && run.Length <= MaxLength)
            {
                return Prefixes(pattern).Fit().Minimal(); // not that simple
            }

            runs.Add(run.Length > MaxLength ? run[..MaxLength] : run, open: false);
        }

        return runs.Complete().Minimal();
    }

    /// <summary>The prefixes of a sub-expression, from its tree.</summary>
    private static Pieces Prefixes(Node node)
    {
        switch (node)
        {
            case Set set:
                return Pieces.OfSet(set.Members);
            case Space:
                return Pieces.SpaceText;
            case Digit:
                return Pieces.Digits;
            case Empty or Assertion:
                return Pieces.EmptyText; // zero-width: adds no text (lookarounds look, they do not consume)
            case Atomic atomic:
                return Prefixes(atomic.Inner); // matches a subset of what its body matches
            case Repeat repeat:
                return Prefixes(repeat.Inner).Repeated(repeat.Min, repeat.Max);
            case Sequence sequence:
                var current = Pieces.EmptyText;
                for (var i = 0; i < sequence.Items.Count && current.AnyClosed;)
                {
                    // A run of plain characters and whitespace (a name, "military\s+equipment") is appended in one go.
                    var run = Run(sequence.Items, ref i);
                    if (run.Length > 0)
                    {
                        current = current.Concatenate(Pieces.Of(run, open: false));
                    }
                    else if (i < sequence.Items.Count)
                    {
                        current = current.Concatenate(Prefixes(sequence.Items[i++])).Fit();
                    }
                }

                return current;
            case Alternation alternation:
                var union = new Pieces(alternation.Branches.Count);
                foreach (var branch in alternation.Branches)
                {
                    union.AddAll(Prefixes(branch));
                }

                return union.Complete().Fit();
            default:
                return Pieces.Anything; // Any
        }
    }

    /// <summary>
    /// Reads the plain characters, whitespace and zero-width items from <paramref name="i"/> on, as one folded
    /// string (at most <see cref="MaxLength"/> + 1 long: nothing past that is used); empty when there are none.
    /// </summary>
    private static string Run(IReadOnlyList<Node> items, ref int i)
    {
        Span<char> run = stackalloc char[MaxLength + 1];
        var length = 0;
        for (; i < items.Count && length <= MaxLength; i++)
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

            if (c != '\0' && !(c == TextChars.Space && length > 0 && run[length - 1] == TextChars.Space))
            {
                run[length++] = c.Value;
            }
        }

        return new string(run[..length]);
    }

    /// <summary>
    /// A set of strings some match of a sub-expression starts with, each once. Closed: the sub-expression can
    /// match exactly this text, so what follows it in the pattern extends it. Open: a match may go on in ways
    /// not spelled out. Only ever added to while it is being made; the shared ones below are never changed.
    /// </summary>
    private sealed class Pieces
    {
        // (First: the sets below use it.) One string per folded ASCII character, shared: patterns spell thousands
        // of names out character by character.
        private static readonly string[] AsciiStrings = CreateAsciiStrings();

        public static readonly Pieces EmptyText = Of(string.Empty, open: false);
        public static readonly Pieces Anything = Of(string.Empty, open: true);
        public static readonly Pieces SpaceText = Of(TextChars.Space.ToString(), open: false);
        public static readonly Pieces Digits = CreateDigits(); // every decimal digit folds to 0-9

        // Scratch for sorting, one per thread (a lexicon may be built on several at once).
        [ThreadStatic]
        private static string[]? sortBuffer;

        // Tables of slots that sets no longer need (see Complete), for the next sets to use: a few sets are built
        // at a time (an alternation's union while its branches are), thousands one after the other.
        [ThreadStatic]
        private static int[]?[]? spareSlots;

        public int Count; // (a field: its accessor would be compiled at start-up, and this is read everywhere)

        private string[] _texts;
        private ulong _open;        // bit k: string k is open (for the first 64; most sets have fewer)
        private bool[]? _openMore;  // from the 65th on

        // Past a few strings, where each is: an open-addressing table of indexes + 1 (0: free), by hash code.
        // Concatenations make hundreds of strings, most of them again and again once cut to MaxLength; looked
        // up before they are made, the repeats are never allocated.
        private int[]? _slots;

        public Pieces(int capacity) => _texts = new string[Math.Max(capacity, 1)];

        public bool AnyClosed
        {
            get
            {
                for (var k = 0; k < Count; k++)
                {
                    if (!IsOpen(k))
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>Whether no string is longer than <see cref="MaxLength"/> (only a run being appended is).</summary>
        private bool AllFit
        {
            get
            {
                for (var k = 0; k < Count; k++)
                {
                    if (_texts[k].Length > MaxLength)
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        public static Pieces Of(string text, bool open)
        {
            var pieces = new Pieces(1);
            pieces.Add(text, open);
            return pieces;
        }

        /// <summary>A class's members, folded: ends the prefix (open) when it has more than <see cref="MaxSetMembers"/>.</summary>
        public static Pieces OfSet(string members)
        {
            // A large class ("[A-Z]") still says which characters a match starts with, but ends the prefix:
            // spelling out what follows each of its members would multiply the strings for little selectivity.
            if (members.Length > MaxStrings)
            {
                return Anything;
            }

            var pieces = new Pieces(members.Length);
            foreach (var c in members)
            {
                pieces.Add(FoldedString(c), members.Length > MaxSetMembers);
            }

            return pieces.Complete();
        }

        public static string FoldedString(char c)
        {
            var folded = TextChars.Fold(c);
            return folded < 128 ? AsciiStrings[folded] : folded.ToString();
        }

        /// <summary>Adds a string; one already here stays, open if either is (an open and a closed copy merge into the open one).</summary>
        public void Add(string text, bool open) => Add(text, text, open);

        public void AddAll(Pieces other)
        {
            for (var k = 0; k < other.Count; k++)
            {
                Add(other._texts[k], other.IsOpen(k));
            }
        }

        /// <summary>
        /// Every string of these followed by every string of <paramref name="right"/>. When that would be many
        /// strings, <paramref name="right"/> is cut shorter first, down to its first characters; and when even
        /// those would be too many, these are left as they are, complete.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public Pieces Concatenate(Pieces right)
        {
            // The empty text on either side changes nothing (nor is anything cut: no string is longer than MaxLength).
            if (ReferenceEquals(right, EmptyText) || (ReferenceEquals(this, EmptyText) && right.Count <= MaxStrings * ProductFactor && right.AllFit))
            {
                return ReferenceEquals(right, EmptyText) ? this : right;
            }

            var closed = 0;
            for (var k = 0; k < Count; k++)
            {
                closed += IsOpen(k) ? 0 : 1;
            }

            if (closed * right.Count > MaxStrings * ProductFactor)
            {
                var length = right.LongestFitting(Math.Max(1, MaxStrings * ProductFactor / Math.Max(1, closed)));
                if (length == 0)
                {
                    return AllOpen();
                }

                right = right.Truncated(length);
            }

            var result = new Pieces(Count - closed + (closed * right.Count));
            Span<char> text = stackalloc char[MaxLength];
            for (var l = 0; l < Count; l++)
            {
                var left = _texts[l];
                if (IsOpen(l))
                {
                    result.Add(left, open: true);
                    continue;
                }

                for (var r = 0; r < right.Count; r++)
                {
                    // Consecutive whitespace is one run, which the prefilter reads as one space.
                    var tail = right._texts[r].AsSpan();
                    if (left.Length > 0 && left[^1] == TextChars.Space && tail.Length > 0 && tail[0] == TextChars.Space)
                    {
                        tail = tail[1..];
                    }

                    if (tail.Length == 0)
                    {
                        result.Add(left, right.IsOpen(r));
                    }
                    else if (left.Length == 0 && tail.Length <= MaxLength)
                    {
                        result.Add(right._texts[r], right.IsOpen(r));
                    }
                    else
                    {
                        // Longer than MaxLength: cut there, and open.
                        var cut = Math.Min(left.Length + tail.Length, MaxLength);
                        left.AsSpan(0, Math.Min(left.Length, cut)).CopyTo(text);
                        tail[..(cut - Math.Min(left.Length, cut))].CopyTo(text[Math.Min(left.Length, cut)..]);
                        result.Add(text[..cut], null, right.IsOpen(r) || left.Length + tail.Length > MaxLength);
                    }
                }
            }

            return result.Complete();
        }

        /// <summary>One repetition is spelled out; after it anything the repeat allows may follow.</summary>
        public Pieces Repeated(int min, int max)
        {
            // Whitespace is the exception: the prefilter reads any run of it as one space, so \s+ is exactly one space.
            var once = max == 1 || (Count == 1 && !IsOpen(0) && _texts[0] == SpaceText._texts[0]) ? this : AllOpen();
            if (min > 0)
            {
                return once;
            }

            var optional = new Pieces(once.Count + 1);
            optional.Add(string.Empty, open: false);
            optional.AddAll(once);
            return optional.Complete();
        }

        /// <summary>Cuts the strings shorter until there are few enough of them (at worst: the empty prefix).</summary>
        public Pieces Fit() => Count <= MaxStrings ? this : Truncated(LongestFitting(MaxStrings));

        /// <summary>The strings, none a prefix of another: a shorter one already covers those it begins.</summary>
        public string[] Minimal()
        {
            if (Count == 1)
            {
                return [_texts[0]];
            }

            var sorted = _texts[..Count];
            Array.Sort(sorted, OrdinalComparer.Instance);

            // In ordinal order a string's prefixes sort before it, and the last kept one is the only candidate.
            var kept = 0;
            foreach (var s in sorted)
            {
                if (kept == 0 || !s.StartsWith(sorted[kept - 1], StringComparison.Ordinal))
                {
                    sorted[kept++] = s;
                }
            }

            return kept == sorted.Length ? sorted : sorted[..kept];
        }

        private Pieces AllOpen()
        {
            var pieces = new Pieces(Count);
            for (var k = 0; k < Count; k++)
            {
                pieces.Add(_texts[k], open: true);
            }

            return pieces.Complete();
        }

        /// <summary>The longest cut (at most <see cref="MaxLength"/>) that leaves at most <paramref name="limit"/> distinct strings; 0 if none does.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private int LongestFitting(int limit)
        {
            // Sorted, strings with one cut are neighbours: the cut of length L is the same for two neighbours when
            // they share their first min(L, length) characters and are both at least that long, or equally short.
            var texts = sortBuffer is { } buffer && buffer.Length >= Count ? buffer : sortBuffer = new string[Math.Max(Count, 256)];
            Array.Copy(_texts, texts, Count);
            Array.Sort(texts, 0, Count, OrdinalComparer.Instance);
            Span<int> shared = Count <= 512 ? stackalloc int[Count] : new int[Count];
            for (var i = 1; i < Count; i++)
            {
                shared[i] = texts[i].AsSpan().CommonPrefixLength(texts[i - 1]);
            }

            for (var length = MaxLength; length > 0; length--)
            {
                var distinct = 1;
                for (var i = 1; i < Count && distinct <= limit; i++)
                {
                    var cut = Math.Min(length, texts[i].Length);
                    distinct += cut == Math.Min(length, texts[i - 1].Length) && shared[i] >= cut ? 0 : 1;
                }

                if (distinct <= limit)
                {
                    Array.Clear(texts, 0, Count);
                    return length;
                }
            }

            Array.Clear(texts, 0, Count);
            return 0;
        }

        /// <summary>The strings cut to at most <paramref name="length"/> characters (those cut are open), each once.</summary>
        private Pieces Truncated(int length)
        {
            var pieces = new Pieces(Count);
            for (var k = 0; k < Count; k++)
            {
                var text = _texts[k];
                if (text.Length > length)
                {
                    pieces.Add(text.AsSpan(0, length), null, open: true);
                }
                else
                {
                    pieces.Add(text, IsOpen(k));
                }
            }

            return pieces.Complete();
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private bool IsOpen(int k) => k < 64 ? (_open & (1UL << k)) != 0 : _openMore is { } more && k - 64 < more.Length && more[k - 64];

        private void SetOpen(int k)
        {
            if (k < 64)
            {
                _open |= 1UL << k;
                return;
            }

            if (_openMore is null || _openMore.Length <= k - 64)
            {
                var more = new bool[Math.Max(_texts.Length - 64, k - 63)];
                _openMore?.CopyTo(more, 0);
                _openMore = more;
            }

            _openMore[k - 64] = true;
        }

        /// <summary>Adds <paramref name="text"/> (<paramref name="made"/> when the caller has it as a string already) unless it is here.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Add(ReadOnlySpan<char> text, string? made, bool open)
        {
            var slot = -1;
            if (_slots is null)
            {
                for (var k = 0; k < Count; k++)
                {
                    if (text.SequenceEqual(_texts[k]))
                    {
                        if (open)
                        {
                            SetOpen(k);
                        }

                        return;
                    }
                }
            }
            else
            {
                var mask = _slots.Length - 1;
                for (slot = string.GetHashCode(text) & mask; _slots[slot] != 0; slot = (slot + 1) & mask)
                {
                    var k = _slots[slot] - 1;
                    if (text.SequenceEqual(_texts[k]))
                    {
                        if (open)
                        {
                            SetOpen(k);
                        }

                        return;
                    }
                }
            }

            if (Count == _texts.Length)
            {
                // (Array.Copy rather than Array.Resize: a generic method would be compiled at start-up.)
                var texts = new string[Count * 2];
                Array.Copy(_texts, texts, Count);
                _texts = texts;
            }

            _texts[Count] = made ?? new string(text);
            if (open)
            {
                SetOpen(Count);
            }

            Count++;
            if (slot >= 0)
            {
                _slots![slot] = Count;
            }

            if (Count > 16 && (_slots is null || Count * 2 > _slots.Length))
            {
                Index();
            }
        }

        /// <summary>The set is complete, nothing more is added: its table of slots can serve another set.</summary>
        public Pieces Complete()
        {
            if (_slots is { } slots)
            {
                _slots = null;
                var spare = spareSlots ??= new int[]?[4];
                var free = Array.IndexOf(spare, null);
                if (free >= 0)
                {
                    spare[free] = slots;
                }
            }

            return this;
        }

        /// <summary>(Re)builds the table of slots, at least twice as large as the strings.</summary>
        private void Index()
        {
            var size = 64;
            while (size < Count * 2)
            {
                size *= 2;
            }

            Complete(); // the table outgrown, if any, can serve a smaller set
            var spare = spareSlots;
            for (var k = 0; spare is not null && k < spare.Length && _slots is null; k++)
            {
                if (spare[k] is { } table && table.Length >= size && table.Length <= size * 4)
                {
                    (_slots, spare[k]) = (table, null);
                    Array.Clear(table);
                }
            }

            _slots ??= new int[size];
            size = _slots.Length;
            var mask = size - 1;
            for (var k = 0; k < Count; k++)
            {
                var slot = string.GetHashCode(_texts[k]) & mask;
                while (_slots[slot] != 0)
                {
                    slot = (slot + 1) & mask;
                }

                _slots[slot] = k + 1;
            }
        }

        private static Pieces CreateDigits()
        {
            var digits = new Pieces(10);
            for (var d = '0'; d <= '9'; d++)
            {
                digits.Add(AsciiStrings[d], open: false);
            }

            return digits;
        }

        private static string[] CreateAsciiStrings()
        {
            var strings = new string[128];
            for (var c = 0; c < strings.Length; c++)
            {
                strings[c] = ((char)c).ToString();
            }

            return strings;
        }
    }

    /// <summary>What a sub-expression read from a pattern's text is, as far as its prefixes go.</summary>
    private enum Shape : byte
    {
        /// <summary>One character (a literal, an escape, a class of one): part of a run.</summary>
        Char,

        /// <summary>\s: a space in a run.</summary>
        Space,

        /// <summary>\s+ (or \s{1,}…): also one space in a run.</summary>
        Spaces,

        /// <summary>^, $, \b, a lookaround, a comment, an option switch: skipped in a run.</summary>
        ZeroWidth,

        /// <summary>A class of several characters, or none spelled out.</summary>
        Set,

        /// <summary>\d.</summary>
        Digit,

        /// <summary>Any character: ".", \w, \p{…}, a negated or large class.</summary>
        Any,

        /// <summary>Two or more items.</summary>
        Sequence,

        /// <summary>Two or more branches.</summary>
        Alternation,

        /// <summary>A repeated or atomic item.</summary>
        Other,
    }

    /// <summary>A sub-expression as read: its shape, and its prefixes when they were worked out.</summary>
    /// <param name="c">The character, for <see cref="Shape.Char"/>.</param>
    /// <param name="pieces">The prefixes (an alternation's cut to fit), when they were worked out and the shape has no shared ones.</param>
    /// <param name="simple">A sequence that is one run (see <see cref="Of(Node?)"/>); an alternation whose branches all are.</param>
    /// <param name="uncut">An alternation's prefixes before they are cut to fit.</param>
    /// <param name="run">A sequence's one prefix, when that is all it has (its Pieces are then made only if asked for).</param>
    /// <param name="runOpen">Whether <paramref name="run"/> is open.</param>
    // Fields rather than a record's properties: the property accessors would each be compiled at start-up.
    private readonly struct Expr(Shape shape, char c = '\0', Pieces? pieces = null, bool simple = false, Pieces? uncut = null, string? run = null, bool runOpen = false)
    {
        public readonly Shape Shape = shape;
        public readonly char Char = c;
        public readonly Pieces? Pieces = pieces;
        public readonly bool Simple = simple;
        public readonly Pieces? Uncut = uncut;
        public readonly string? Run = run;
        public readonly bool RunOpen = runOpen;

        /// <summary>Whether <see cref="RegexPrefixes.Run"/> takes it into a run of plain text.</summary>
        public bool InRun => Shape is Shape.Char or Shape.Space or Shape.Spaces or Shape.ZeroWidth;

        /// <summary>Whether, as a branch of an alternation, it is one run of plain text (see <see cref="Of(Node?)"/>).</summary>
        public bool SimpleBranch => Shape == Shape.Sequence ? Simple : InRun;

        // (Not inlined into the reading methods, which are compiled fully at start-up: smaller is quicker to compile.)
        public Pieces Prefixes => GetPrefixes();

        [MethodImpl(MethodImplOptions.NoInlining)]
        private Pieces GetPrefixes() => Shape switch
        {
            Shape.Char => Pieces.Of(Pieces.FoldedString(Char), open: false),
            Shape.Space or Shape.Spaces => Pieces.SpaceText,
            Shape.ZeroWidth => Pieces.EmptyText,
            Shape.Digit => Pieces.Digits,
            Shape.Any => Pieces.Anything,
            _ => Pieces ?? (Run!.Length == 0 && !RunOpen ? Pieces.EmptyText : Pieces.Of(Run, RunOpen)),
        };

        /// <summary>Adds the prefixes to <paramref name="union"/>, without making a set of them first when there is one.</summary>
        public void AddTo(Pieces union)
        {
            switch (Shape)
            {
                case Shape.Char:
                    union.Add(Pieces.FoldedString(Char), open: false);
                    break;
                case Shape.Sequence when Pieces is null:
                    union.Add(Run!, RunOpen);
                    break;
                default:
                    union.AddAll(Prefixes);
                    break;
            }
        }
    }

    /// <summary>
    /// Reads a pattern as <see cref="RegexSyntax.Parse"/> does, accepting and rejecting the same texts, but
    /// works out each part's prefixes as it goes instead of building its tree, and only while they may still
    /// grow: the rest of a sequence whose prefixes are complete (all open) is only checked.
    /// </summary>
    private sealed class Reader
    {
        private string _pattern = string.Empty;
        private int _i;
        private char[] _members = [];
        private int _memberCount;

        public string[] Prefixes(string pattern)
        {
            (_pattern, _i) = (pattern, 0);
            Expr top;
            try
            {
                top = Alternation(compute: true);
            }
            catch (NotSupportedException)
            {
                return [string.Empty];
            }

            if (_i < _pattern.Length)
            {
                return [string.Empty]; // an unmatched ")"
            }

            // Words and names, and alternatives of them, are their runs, however many (see Of(Node)).
            return top.Shape == Shape.Alternation
                ? (top.Simple ? top.Uncut! : top.Pieces!).Minimal()
                : (top.SimpleBranch ? top.Prefixes : top.Prefixes.Fit()).Minimal();
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private Expr Alternation(bool compute)
        {
            var first = Sequence(compute);
            if (_i >= _pattern.Length || _pattern[_i] != '|')
            {
                return first;
            }

            var union = compute ? new Pieces(4) : null;
            if (union is not null)
            {
                first.AddTo(union);
            }

            var simple = first.SimpleBranch;
            while (_i < _pattern.Length && _pattern[_i] == '|')
            {
                _i++;
                var branch = Sequence(compute);
                if (union is not null)
                {
                    branch.AddTo(union);
                }

                simple &= branch.SimpleBranch;
            }

            return new Expr(Shape.Alternation, pieces: union?.Complete().Fit(), simple: simple, uncut: union);
        }

        /// <summary>A sequence's prefixes, as <see cref="Prefixes(Node)"/> works them out from the tree, item by item.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private Expr Sequence(bool compute)
        {
            var count = 0;
            Expr first = default;
            Pieces? current = null;     // null while the prefixes are the empty text, or the one string below
            string? single = null;      // the first run, kept as a string until something is appended to it
            var singleOpen = false;
            Span<char> run = stackalloc char[MaxLength + 1];
            var length = 0;
            var simple = true;      // the items begin with a run that is all of them or longer than MaxLength
            var firstRun = true;    // still reading the run the items begin with
            var active = compute;   // the prefixes may still grow: each item is worked out and appended
            while (_i < _pattern.Length && _pattern[_i] is not ('|' or ')'))
            {
                // A plain character (a literal, an escaped punctuation mark, \s, \s+) that no quantifier follows,
                // most of every name, is read here at little cost; anything else is an item for Atom and Quantified.
                var c = _pattern[_i];
                var width = 1;
                var space = false;
                if (c == '\\' && _i + 1 < _pattern.Length && (_pattern[_i + 1] == 's' || !char.IsLetterOrDigit(_pattern[_i + 1])))
                {
                    c = _pattern[_i + 1];
                    space = c == 's';
                    width = space && _i + 2 < _pattern.Length && _pattern[_i + 2] == '+' ? 3 : 2;
                }
                else if (c is '\\' or '(' or '[' or '.' or '^' or '$' or '?' or '*' or '+' or '{')
                {
                    width = 0;
                }

                if (width > 0 && !(_i + width < _pattern.Length && _pattern[_i + width] is '?' or '*' or '+' or '{'))
                {
                    _i += width;
                    if (++count == 1)
                    {
                        first = space ? new Expr(width == 3 ? Shape.Spaces : Shape.Space) : new Expr(Shape.Char, c);
                    }

                    if (active)
                    {
                        c = space ? TextChars.Space : TextChars.Fold(c);
                        if (!(c == TextChars.Space && length > 0 && run[length - 1] == TextChars.Space))
                        {
                            run[length++] = c;
                        }

                        if (length > MaxLength)
                        {
                            active = Append(ref current, ref single, ref singleOpen, run[..length]);
                            (length, firstRun) = (0, false);
                        }
                    }

                    continue;
                }

                var item = Quantified(Atom(active), active);
                if (++count == 1)
                {
                    first = item;
                }

                if (!active)
                {
                    continue;
                }

                if (item.InRun)
                {
                    c = item.Shape == Shape.Char ? TextChars.Fold(item.Char) : item.Shape == Shape.ZeroWidth ? '\0' : TextChars.Space;
                    if (c != '\0' && !(c == TextChars.Space && length > 0 && run[length - 1] == TextChars.Space))
                    {
                        run[length++] = c;
                    }

                    if (length > MaxLength)
                    {
                        active = Append(ref current, ref single, ref singleOpen, run[..length]);
                        (length, firstRun) = (0, false);
                    }

                    continue;
                }

                simple &= !firstRun;
                firstRun = false;
                if (length > 0)
                {
                    active = Append(ref current, ref single, ref singleOpen, run[..length]);
                    length = 0;
                    if (!active)
                    {
                        continue;
                    }
                }

                current = (current ?? (single is null ? Pieces.EmptyText : Pieces.Of(single, singleOpen))).Concatenate(item.Prefixes).Fit();
                single = null;
                active = current.AnyClosed;
            }

            if (count == 1)
            {
                return first; // a sequence of one item is that item
            }

            if (active && length > 0)
            {
                Append(ref current, ref single, ref singleOpen, run[..length]);
            }

            return !compute ? new Expr(Shape.Sequence)
                : current is null ? new Expr(Shape.Sequence, simple: simple, run: single ?? string.Empty, runOpen: singleOpen)
                : new Expr(Shape.Sequence, pieces: current, simple: simple);
        }

        /// <summary>
        /// Appends a run of plain text (as folded) to the prefixes so far: <paramref name="current"/>, or while that
        /// is null the empty text or <paramref name="single"/>. Returns whether a prefix may still grow (one is closed).
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining)] // (see Expr.Prefixes)
        private static bool Append(ref Pieces? current, ref string? single, ref bool singleOpen, ReadOnlySpan<char> run)
        {
            if (current is null && single is null)
            {
                // What Concatenate makes of the empty text and the run.
                (single, singleOpen) = run.Length > MaxLength ? (new string(run[..MaxLength]), true) : (new string(run), false);
                return !singleOpen;
            }

            current = (current ?? Pieces.Of(single!, singleOpen)).Concatenate(Pieces.Of(new string(run), open: false));
            single = null;
            return current.AnyClosed;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private Expr Quantified(Expr atom, bool compute)
        {
            if (!RegexLexer.TryReadQuantifier(_pattern, ref _i, out var min, out var max, out _))
            {
                return atom;
            }

            if (atom.Shape == Shape.Space && min > 0)
            {
                return new Expr(Shape.Spaces);
            }

            return new Expr(Shape.Other, pieces: compute ? atom.Prefixes.Repeated(min, max) : null);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private Expr Atom(bool compute)
        {
            var c = _pattern[_i];
            switch (c)
            {
                case '(':
                    return Group(compute);
                case '[':
                    return Class(compute);
                case '\\':
                    return Escape();
                case '.':
                    _i++;
                    return new Expr(Shape.Any);
                case '^' or '$':
                    _i++;
                    return new Expr(Shape.ZeroWidth);
                default:
                    _i++;
                    return new Expr(Shape.Char, c);
            }
        }

        private Expr Group(bool compute)
        {
            _i++; // (
            var zeroWidth = false;
            var atomic = false;
            var next = _i + 1 < _pattern.Length ? _pattern[_i + 1] : '\0'; // after a "?"
            if (_i < _pattern.Length && _pattern[_i] == '?')
            {
                // (Characters compared one by one: a chain of StartsWith calls was slow in unoptimised code.)
                var third = _i + 2 < _pattern.Length ? _pattern[_i + 2] : '\0';
                switch (next)
                {
                    case '=' or '!':
                        (_i, zeroWidth) = (_i + 2, true);
                        break;
                    case '<' when third is '=' or '!':
                        (_i, zeroWidth) = (_i + 3, true);
                        break;
                    case ':':
                        _i += 2;
                        break;
                    case '>':
                        (_i, atomic) = (_i + 2, true);
                        break;
                    case '<' or '\'':
                        var close = _pattern.IndexOf(next == '<' ? '>' : '\'', _i + 2);
                        _i = close < 0 ? throw new NotSupportedException() : close + 1;
                        break;
                    case '#':
                        var end = _pattern.IndexOf(')', _i);
                        _i = end < 0 ? throw new NotSupportedException() : end + 1;
                        return new Expr(Shape.ZeroWidth);
                    default:
                        if (Options())
                        {
                            return new Expr(Shape.ZeroWidth); // "(?-i)": the rest of the enclosing group
                        }

                        break;
                }
            }

            // A lookaround's body adds no text: it is only checked.
            var body = Alternation(compute && !zeroWidth);
            if (_i >= _pattern.Length || _pattern[_i] != ')')
            {
                throw new NotSupportedException();
            }

            _i++;
            if (zeroWidth)
            {
                return new Expr(Shape.ZeroWidth);
            }

            // (?>…) matches a subset of what its body matches.
            return atomic ? new Expr(Shape.Other, pieces: compute ? body.Prefixes : null) : body;
        }

        /// <summary>
        /// Reads options after "(?" ("(?-i:", "(?i)"): case does not change a folded prefix, but the syntax is checked.
        /// True for a switch ("(?-i)"), which is all there is; false for a group ("(?-i:"), whose body follows.
        /// </summary>
        private bool Options()
        {
            var end = _i + 1;
            while (end < _pattern.Length && _pattern[end] is 'i' or 'm' or 'n' or 's' or 'x' or '-')
            {
                end++;
            }

            var options = _pattern.AsSpan(_i + 1, end - _i - 1);
            var minus = options.IndexOf('-');
            if ((minus < 0 ? options : options[..minus]).Contains('x') || end >= _pattern.Length || _pattern[end] is not (':' or ')'))
            {
                throw new NotSupportedException(); // x mode reads spaces and # differently; "(?(" is a conditional
            }

            _i = end + 1;
            return _pattern[end] == ')';
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private Expr Class(bool compute)
        {
            _i++; // [
            var negated = _i < _pattern.Length && _pattern[_i] == '^';
            if (negated)
            {
                _i++;
            }

            _memberCount = 0;
            var spelledOut = !negated;
            var first = true;
            while (_i < _pattern.Length && (_pattern[_i] != ']' || first))
            {
                first = false;
                if (_pattern[_i] == '-' && _i + 1 < _pattern.Length && _pattern[_i + 1] == '[')
                {
                    throw new NotSupportedException(); // class subtraction
                }

                var low = ClassMember(ref spelledOut);
                if (low < 0 || _i + 1 >= _pattern.Length || _pattern[_i] != '-' || _pattern[_i + 1] == ']')
                {
                    continue;
                }

                _i++; // -
                var high = ClassMember(ref spelledOut);
                if (high < 0)
                {
                    throw new NotSupportedException();
                }

                for (var x = low; x <= high && spelledOut; x++)
                {
                    AddMember((char)x);
                    spelledOut = _memberCount <= RegexSyntax.MaxSetMembers;
                }
            }

            if (_i >= _pattern.Length)
            {
                throw new NotSupportedException();
            }

            _i++; // ]
            if (!spelledOut || _memberCount is 0 or > RegexSyntax.MaxSetMembers)
            {
                return new Expr(Shape.Any);
            }

            return _memberCount == 1
                ? new Expr(Shape.Char, _members[0])
                : new Expr(Shape.Set, pieces: compute ? Pieces.OfSet(new string(_members, 0, _memberCount)) : null);
        }

        /// <summary>Reads one member of a class; returns it when it can start a range, else -1.</summary>
        private int ClassMember(ref bool spelledOut)
        {
            if (!RegexLexer.TryReadClassMember(_pattern, ref _i, out var member, ref spelledOut))
            {
                return -1;
            }

            AddMember(member);
            return member;
        }

        /// <summary>Adds a class member, kept in ordinal order and without repeats.</summary>
        private void AddMember(char c)
        {
            var i = _memberCount;
            while (i > 0 && _members[i - 1] > c)
            {
                i--;
            }

            if (i > 0 && _members[i - 1] == c)
            {
                return;
            }

            if (_memberCount == _members.Length)
            {
                var members = new char[Math.Max(16, _memberCount * 2)];
                Array.Copy(_members, members, _memberCount);
                _members = members;
            }

            Array.Copy(_members, i, _members, i + 1, _memberCount - i);
            _members[i] = c;
            _memberCount++;
        }

        private Expr Escape()
        {
            _i++; // \
            if (_i >= _pattern.Length)
            {
                throw new NotSupportedException();
            }

            var e = _pattern[_i++];
            switch (e)
            {
                case 'b' or 'B' or 'G' or 'A' or 'z' or 'Z':
                    return new Expr(Shape.ZeroWidth);
                case 's':
                    return new Expr(Shape.Space);
                case 'p' or 'P':
                    SkipBraces();
                    return new Expr(Shape.Any);
                case 'd':
                    return new Expr(Shape.Digit);
                case 'D' or 'w' or 'W' or 'S':
                    return new Expr(Shape.Any);
                case 'k' or (>= '1' and <= '9'):
                    throw new NotSupportedException(); // backreference
                default:
                    return new Expr(Shape.Char, EscapedChar(e));
            }
        }

        /// <summary>The character an escape such as \. \- \t \x41 \u00E9 stands for.</summary>
        private char EscapedChar(char e) => RegexLexer.EscapedChar(_pattern, ref _i, e);

        private void SkipBraces() => RegexLexer.SkipBraces(_pattern, ref _i);
    }
}
