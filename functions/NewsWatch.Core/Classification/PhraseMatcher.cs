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
        _prefixes = new IReadOnlyList<string>[ordered.Length];
        for (var i = 0; i < ordered.Length; i++)
        {
            _alternatives[i] = new Alternative(ordered[i].Body, ordered[i].Item);
            _prefixes[i] = RegexPrefixes.Of(ordered[i].Body);
        }
    }

    public override int Count => _alternatives.Length;

    /// <summary>Longest first, so that at one position "Guinea-Bissau" is tried before "Guinea".</summary>
    private static PhrasePattern<T>[] Ordered(IEnumerable<PhrasePattern<T>> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var ordered = patterns.OrderByDescending(p => p.Body.Length).ToArray();
        return ordered.Length > 0 ? ordered : throw new ArgumentException("A matcher needs at least one pattern.", nameof(patterns));
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

            var confirmer = ConfirmerOf(i);
            int length;
            if (confirmer.Literal is { } literal)
            {
                length = literal.MatchLengthAt(text, input.Folded, position);
            }
            else if (confirmer.NextWord is { } next && !NextWord.Admits(next, text, input.Folded, position))
            {
                continue; // "[A-Z][a-z]+\s+Airways" at a word not followed by "Airways": a look at the next word only
            }
            else if (confirmer.Required is { } words && LastRequired(words, confirmer.RequiredSlot, input.Folded, required) < position)
            {
                continue; // none of the words a match needs occurs from here on
            }
            else
            {
                length = _alternatives[i].RegexMatchLengthAt(text, position);
            }

            if (length >= 0)
            {
                Add((List<Hit<T>>)hits, _alternatives[i], position, length);
                return length;
            }
        }

        return -1;
    }

    /// <summary>How pattern <paramref name="i"/> is confirmed, worked out on first use; its gate is set then too.</summary>
    private Confirmer ConfirmerOf(int i)
    {
        var alternative = _alternatives[i];
        var confirmer = Volatile.Read(ref alternative.Confirmer);
        if (confirmer is not null)
        {
            return confirmer;
        }

        var syntax = RegexSyntax.Parse(alternative.Body);
        var literal = LiteralPattern.TryCreate(syntax);

        // Literal patterns are cheap to compare anywhere; only regexes are worth a look for required words.
        var required = literal is null ? RequiredText.Of(syntax)?.ToArray() : null;
        var next = literal is null ? NextWord.Of(syntax)?.ToArray() : null;
        var slot = required is null ? -1 : Interlocked.Increment(ref _requiredSlotsTaken) - 1;
        Interlocked.CompareExchange(ref alternative.Confirmer, new Confirmer(literal, required, slot < MaxRequiredSlots ? slot : -1, next), null);
        Gates[i] = FirstCharGate.Of(syntax);
        return alternative.Confirmer!;
    }

    /// <summary>Where the last of <paramref name="words"/> starts in the text; remembered for the scan when the pattern has a slot.</summary>
    private static int LastRequired(ReadOnlySpan<string> words, int slot, ReadOnlySpan<char> folded, Span<int> required)
    {
        if (slot >= 0 && required[slot] != PhraseScanner.NotLookedUp)
        {
            return required[slot];
        }

        var last = -1;
        foreach (var word in words)
        {
            last = Math.Max(last, folded.LastIndexOf(word, StringComparison.Ordinal));
        }

        if (slot >= 0)
        {
            required[slot] = last;
        }

        return last;
    }

    private static void Add(List<Hit<T>> hits, Alternative alternative, int position, int length)
    {
        if (alternative.Item is { } item)
        {
            hits.Add(new Hit<T>(position, length, item));
        }
    }

    /// <param name="Literal">Set when the pattern is compared character by character instead of by its regex.</param>
    /// <param name="Required">Words (folded) one of which every match contains, or null; see <see cref="RequiredText"/>.</param>
    /// <param name="RequiredSlot">Where a scan remembers the lookup of <paramref name="Required"/>, or -1.</param>
    /// <param name="NextWord">For a regex of the shape word, whitespace, text: how the next word starts; see <see cref="NextWord"/>.</param>
    // Arrays, not lists: they are read at most positions of every article, and a list's enumerator is an allocation.
    private sealed record Confirmer(LiteralPattern? Literal, string[]? Required, int RequiredSlot, string[]? NextWord);

    /// <summary>One pattern, what it means, and (built on first use) how it is confirmed at a position.</summary>
    private sealed class Alternative(string body, T? item)
    {
        private Regex? _anchored;

        public string Body => body;

        public T? Item => item;

        /// <summary>Null until first needed; see <see cref="ConfirmerOf"/>.</summary>
        internal Confirmer? Confirmer;

        /// <summary>The length of the bounded regex's match that starts exactly at <paramref name="position"/>, or -1.</summary>
        /// <remarks>
        /// Interpreted, not compiled: compiling thousands of patterns would take seconds at start-up, and in a scan
        /// that calls a hundred different ones in turn, compiled regexes measured several times slower per call.
        /// </remarks>
        public int RegexMatchLengthAt(string text, int position)
        {
            foreach (var match in Anchored.EnumerateMatches(text.AsSpan(), position))
            {
                return match.Index == position ? match.Length : -1;
            }

            return -1;
        }

        // Built on first use: most patterns of a large lexicon are literal or never reach their regex.
        private Regex Anchored => Volatile.Read(ref _anchored) ?? CreateOnce();

        private Regex CreateOnce()
        {
            Interlocked.CompareExchange(ref _anchored, new Regex(@"\G(?<!\w)(?:" + body + @")(?!\w)", TextChars.MatcherOptions, MatchTimeout), null);
            return _anchored!;
        }
    }
}
