using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace NewsWatch.Classification;

/// <summary>
/// Finds the phrases of one lexicon in a text, left to right and without overlaps. At each position where a
/// match may start, the patterns are tried longest first ("negotiating the sale" and "Guinea-Bissau" win over
/// their prefixes) and the first that matches, bounded by non-word characters, is the hit.
/// </summary>
/// <remarks>
/// Trying thousands of regexes at every word would cost milliseconds an article, so four things keep the work
/// down without changing the hits (<see cref="FindAllUnfiltered"/>, which tries every pattern's regex
/// everywhere, is kept as the reference the tests hold this to):
/// <list type="number">
/// <item>each pattern is indexed by the literal text its matches start with (<see cref="RegexPrefixes"/>,
/// <see cref="PrefixIndex"/>), so at a position only the patterns whose prefix the text has are tried, and a
/// one-read check of the first character's case (<see cref="FirstCharGate"/>) turns most of those away;</item>
/// <item>patterns that only match a short list of character sequences, most of them ("(?-i:Kabul|KABUL)",
/// "helicopters?"), are compared character by character (<see cref="LiteralPattern"/>) instead of by a regex;</item>
/// <item>a regex that must run is skipped when none of the words its matches require (<see cref="RequiredText"/>)
/// occurs in the rest of the text, or when the next word is not the one it needs (<see cref="NextWord"/>);</item>
/// <item>only the prefixes are worked out when the lexicon loads; how to confirm a pattern (literal, regex, gate,
/// required words) is worked out the first time it is a candidate, which most of a multilingual lexicon's
/// thousands of patterns never are in a given article stream.</item>
/// </list>
/// </remarks>
internal sealed class PhraseMatcher<T> : PhraseMatcher where T : class
{
    /// <summary>Required-word lookups a scan remembers per lexicon; patterns beyond look their words up each time.</summary>
    private const int MaxRequiredSlots = 64;

    // Patterns are ours and bounded, but article text is not: a runaway match must fail, not hang a worker.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    private readonly Alternative[] _alternatives;

    // Each pattern's confirmer, null until first needed (ConfirmerOf). An array of its own rather than a field
    // of the pattern's object: the scan reaches it in one read, and an article's few candidates out of thousands
    // of patterns are rarely in the processor's cache.
    private readonly Confirmer?[] _confirmers;

    // Likewise for what the scan reads most: the literal comparer of the patterns that have one (most of those
    // that are candidates), set with the confirmer, and what each pattern's hit means.
    private readonly LiteralPattern?[] _literals;
    private readonly T?[] _items;
    private readonly IReadOnlyList<string>[] _prefixes;
    private readonly bool _skipAfterHyphen;

    private int _requiredSlotsTaken;
    private PhraseScanner? _alone;

    /// <param name="patterns">The lexicon's patterns and what each means.</param>
    /// <param name="skipAfterHyphen">Ignore words glued to a preceding hyphen ("US-supplied").</param>
    public PhraseMatcher(IEnumerable<PhrasePattern<T>> patterns, bool skipAfterHyphen = false)
        : this(Ordered(patterns), skipAfterHyphen)
    {
    }

    private PhraseMatcher(PhrasePattern<T>[] ordered, bool skipAfterHyphen)
        : base(ordered.Length)
    {
        _skipAfterHyphen = skipAfterHyphen;
        _alternatives = new Alternative[ordered.Length];
        _confirmers = new Confirmer?[ordered.Length];
        _literals = new LiteralPattern?[ordered.Length];
        _items = new T?[ordered.Length];
        _prefixes = new IReadOnlyList<string>[ordered.Length];
        for (var i = 0; i < ordered.Length; i++)
        {
            _alternatives[i] = new Alternative(ordered[i].Body, ordered[i].Item);
            _items[i] = ordered[i].Item;
            _prefixes[i] = RegexPrefixes.Of(ordered[i].Body);
        }
    }

    public override int Count => _alternatives.Length;

    /// <summary>Longest first, so that at one position "Guinea-Bissau" is tried before "Guinea".</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // thousands of patterns at start-up: compiled fully at once
    private static PhrasePattern<T>[] Ordered(IEnumerable<PhrasePattern<T>> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        PhrasePattern<T>[] given = [.. patterns];
        if (given.Length == 0)
        {
            throw new ArgumentException("A matcher needs at least one pattern.", nameof(patterns));
        }

        // A stable sort (equals keep their order) by a small number: counting the lengths is enough.
        var longest = 0;
        foreach (var pattern in given)
        {
            longest = Math.Max(longest, pattern.Body.Length);
        }

        var starts = new int[longest + 2]; // by longest - length: where the patterns of each length go
        foreach (var pattern in given)
        {
            starts[longest - pattern.Body.Length + 1]++;
        }

        for (var k = 1; k < starts.Length; k++)
        {
            starts[k] += starts[k - 1];
        }

        var ordered = new PhrasePattern<T>[given.Length];
        foreach (var pattern in given)
        {
            ordered[starts[longest - pattern.Body.Length]++] = pattern;
        }

        return ordered;
    }

    /// <summary>How many patterns have no literal prefix, so are candidates at every position (ideally none).</summary>
    internal int UnindexedCount => _prefixes.Count(p => p.Contains(string.Empty));

    internal override IReadOnlyList<IReadOnlyList<string>> Prefixes => _prefixes;

    internal override int RequiredSlots => MaxRequiredSlots;

    /// <summary>Appends every match in <paramref name="text"/>, left to right and without overlaps, to <paramref name="hits"/>.</summary>
    public void FindAll(string text, List<Hit<T>> hits)
    {
        using var input = MatchInput.Rent(text);
        FindAll(input, hits);
    }

    /// <inheritdoc cref="FindAll(string, List{Hit{T}})"/>
    public void FindAll(in MatchInput input, List<Hit<T>> hits)
    {
        // On its own, a matcher is a scanner of one lexicon; a Lexicon scans its four together (PhraseScanner).
        var alone = Volatile.Read(ref _alone);
        if (alone is null)
        {
            Interlocked.CompareExchange(ref _alone, new PhraseScanner(this), null);
            alone = _alone!;
        }

        alone.FindAll(input, hits);
    }

    /// <summary>The same hits as <see cref="FindAll(string, List{Hit{T}})"/>, by trying every pattern's regex at every position: the reference.</summary>
    internal void FindAllUnfiltered(string text, List<Hit<T>> hits)
    {
        var position = 0;
        while (position < text.Length)
        {
            var length = -1;
            if ((position == 0 || !TextChars.IsWordChar(text[position - 1])) && MayStartAt(text, position))
            {
                foreach (var alternative in _alternatives)
                {
                    length = alternative.RegexMatchLengthAt(text, position);
                    if (length >= 0)
                    {
                        Add(hits, alternative, position, length);
                        break;
                    }
                }
            }

            position += Math.Max(1, length);
        }
    }

    /// <summary>Words glued to a hyphen are skipped when asked ("US-supplied" supplies nothing).</summary>
    internal override bool MayStartAt(string text, int position) =>
        !_skipAfterHyphen || position == 0 || text[position - 1] is not ('-' or '‐' or '‑');

    /// <inheritdoc/>
    internal override int MatchAt(in MatchInput input, int position, ReadOnlySpan<int> candidates, int offset, Span<int> required, object hits)
    {
        var text = input.Text;
        var first = text[position];
        foreach (var id in candidates)
        {
            var i = id - offset;
            if (!Gates[i].Admits(first))
            {
                continue;
            }

            int length;
            if ((Volatile.Read(ref _literals[i]) ?? ConfirmerOf(i).Literal) is { } literal)
            {
                length = literal.MatchLengthAt(text, input.Folded, position);
            }
            else if (ConfirmerOf(i) is var confirmer && confirmer.NextWord is { } next && !NextWord.Admits(next, text, input.Folded, position))
            {
                continue; // "[A-Z][a-z]+\s+Airways" at a word not followed by "Airways": a look at the next word only
            }
            else if (confirmer.Required is { } words && !OccursFrom(words, confirmer.RequiredSlot, input.Folded, position, required))
            {
                continue; // none of the words a match needs occurs from here on
            }
            else
            {
                length = _alternatives[i].RegexMatchLengthAt(text, position);
            }

            if (length >= 0)
            {
                if (_items[i] is { } item)
                {
                    ((List<Hit<T>>)hits).Add(new Hit<T>(position, length, item));
                }

                return length;
            }
        }

        return -1;
    }

    /// <inheritdoc/>
    internal override WideAnchor? AnchorOf(int pattern) => WideAnchor.Of(RegexSyntax.Parse(_alternatives[pattern].Body));

    /// <summary>How pattern <paramref name="i"/> is confirmed, worked out on first use; its gate is set then too.</summary>
    private Confirmer ConfirmerOf(int i) => Volatile.Read(ref _confirmers[i]) ?? CreateConfirmer(i);

    private Confirmer CreateConfirmer(int i)
    {
        var alternative = _alternatives[i];
        var syntax = RegexSyntax.Parse(alternative.Body);
        var literal = LiteralPattern.TryCreate(syntax);

        // Literal patterns are cheap to compare anywhere; only regexes are worth a look for required words.
        var required = literal is null && RequiredText.Of(syntax) is { } words ? SearchValues.Create([.. words], StringComparison.Ordinal) : null;
        var next = literal is null ? NextWord.Of(syntax)?.ToArray() : null;
        var slot = required is null ? -1 : Interlocked.Increment(ref _requiredSlotsTaken) - 1;
        Gates[i] = FirstCharGate.Of(syntax);
        Volatile.Write(ref _literals[i], literal);
        Interlocked.CompareExchange(ref _confirmers[i], new Confirmer(literal, required, slot < MaxRequiredSlots ? slot : -1, next), null);
        return _confirmers[i]!;
    }

    /// <summary>
    /// Whether one of <paramref name="words"/> starts at or after <paramref name="position"/>. A scan asks at
    /// ascending positions, so the slot remembers where the next occurrence is (or that none is left) and the
    /// text is searched again only once a scan has passed it.
    /// </summary>
    private static bool OccursFrom(SearchValues<string> words, int slot, ReadOnlySpan<char> folded, int position, Span<int> required)
    {
        if (slot >= 0 && required[slot] != PhraseScanner.NotLookedUp && (required[slot] == PhraseScanner.NoneLeft || required[slot] >= position))
        {
            return required[slot] != PhraseScanner.NoneLeft;
        }

        var found = folded[position..].IndexOfAny(words);
        if (slot >= 0)
        {
            required[slot] = found < 0 ? PhraseScanner.NoneLeft : position + found;
        }

        return found >= 0;
    }

    private static void Add(List<Hit<T>> hits, Alternative alternative, int position, int length)
    {
        if (alternative.Item is { } item)
        {
            hits.Add(new Hit<T>(position, length, item));
        }
    }

    /// <param name="Literal">Set when the pattern is compared character by character instead of by its regex.</param>
    /// <param name="Required">Words (folded) one of which every match contains, or null; see <see cref="RequiredText"/>. Searched for
    /// all at once: a pattern may need any of thirty words, and one pass over the text beats thirty.</param>
    /// <param name="RequiredSlot">Where a scan remembers the lookup of <paramref name="Required"/>, or -1.</param>
    /// <param name="NextWord">For a regex of the shape word, whitespace, text: how the next word starts; see <see cref="NextWord"/>.</param>
    // Arrays, not lists: they are read at most positions of every article, and a list's enumerator is an allocation.
    private sealed record Confirmer(LiteralPattern? Literal, SearchValues<string>? Required, int RequiredSlot, string[]? NextWord);

    /// <summary>One pattern, what it means, and (built on first use) its regex.</summary>
    private sealed class Alternative(string body, T? item)
    {
        /// <summary>Tries after which a pattern's regex is compiled.</summary>
        private const int CompileAfter = 64;

        private Regex? _anchored;
        private int _tries;

        public string Body => body;

        public T? Item => item;

        /// <summary>The length of the bounded regex's match that starts exactly at <paramref name="position"/>, or -1.</summary>
        /// <remarks>
        /// Interpreted at first: compiling thousands of patterns would take seconds at start-up, and most are tried
        /// rarely or never. A pattern tried often is compiled once (a few milliseconds, on the thread that tries
        /// it for the 64th time): in a worker that classifies all day, the dev set's articles took about 4 % less
        /// time with the often-tried regexes compiled.
        /// </remarks>
        public int RegexMatchLengthAt(string text, int position)
        {
            var regex = Volatile.Read(ref _anchored) ?? Create(TextChars.MatcherOptions);
            if (_tries < CompileAfter && Interlocked.Increment(ref _tries) == CompileAfter)
            {
                regex = Create(TextChars.MatcherOptions | RegexOptions.Compiled);
            }

            foreach (var match in regex.EnumerateMatches(text.AsSpan(), position))
            {
                return match.Index == position ? match.Length : -1;
            }

            return -1;
        }

        // Built on first use: most patterns of a large lexicon are literal or never reach their regex. The compiled
        // one replaces the interpreted one; a thread still holding the latter gets the same answers from it.
        private Regex Create(RegexOptions options)
        {
            var regex = new Regex(@"\G(?<!\w)(?:" + body + @")(?!\w)", options, MatchTimeout);
            if (options.HasFlag(RegexOptions.Compiled))
            {
                Volatile.Write(ref _anchored, regex);
                return regex;
            }

            return Interlocked.CompareExchange(ref _anchored, regex, null) ?? regex;
        }
    }
}
