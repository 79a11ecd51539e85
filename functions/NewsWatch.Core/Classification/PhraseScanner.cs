using System.Buffers;

namespace NewsWatch.Classification;

/// <summary>
/// Scans a text for several lexicons at once: their patterns share one <see cref="PrefixIndex"/>, so each
/// position costs one walk of it rather than one per lexicon, and each lexicon then tries its own candidates
/// there. The lexicons stay independent: each finds its matches left to right without overlaps, as if it
/// scanned alone.
/// </summary>
internal sealed class PhraseScanner
{
    /// <summary>A scan's note that a pattern's required words have not been looked for in this text yet.</summary>
    internal const int NotLookedUp = -2;

    /// <summary>A scan's note that none of a pattern's required words occurs from the last position asked on.</summary>
    internal const int NoneLeft = -1;

    private readonly PhraseMatcher[] _lexicons;
    private readonly int[] _offsets;          // lexicon k's patterns are numbered _offsets[k] to _offsets[k + 1] - 1
    private readonly int[] _requiredOffsets;  // and its required-word slots, likewise
    private readonly PrefixIndex _index;

    // Patterns whose match may start with any letter or digit ("(?-i:[A-Z][a-z]+\s+Airways)", "\d+ troops"):
    // candidates at most words, though the words they need are absent from most texts. They have an index of
    // their own, walked only in a text that has the words one of them needs; in the others (most) they cost
    // one check per scan, not a few per word.
    private readonly int[] _wide;            // their numbers, ascending
    private readonly int[] _wideLexicon;     // and the lexicon of each
    private readonly PrefixIndex _wideIndex;
    private WideWords? _wideWords;           // worked out on the first scan

    public PhraseScanner(params PhraseMatcher[] lexicons)
    {
        ArgumentNullException.ThrowIfNull(lexicons);
        _lexicons = lexicons;
        _offsets = new int[lexicons.Length + 1];
        _requiredOffsets = new int[lexicons.Length + 1];
        for (var k = 0; k < lexicons.Length; k++)
        {
            _offsets[k + 1] = _offsets[k] + lexicons[k].Count;
            _requiredOffsets[k + 1] = _requiredOffsets[k] + lexicons[k].RequiredSlots;
        }

        // Each pattern is in one of the two indexes, and has no prefix in the other.
        var prefixes = new IReadOnlyList<string>[_offsets[^1]];
        var widePrefixes = new IReadOnlyList<string>[_offsets[^1]];
        var wide = new List<int>();
        var wideLexicon = new List<int>();
        for (var k = 0; k < lexicons.Length; k++)
        {
            var lexiconPrefixes = lexicons[k].Prefixes;
            for (var i = 0; i < lexiconPrefixes.Count; i++)
            {
                var id = _offsets[k] + i;
                (prefixes[id], widePrefixes[id]) = (lexiconPrefixes[i], []);
                if (wide.Count < 64 && IsWide(lexiconPrefixes[i])) // a bit each in a scan's mask
                {
                    (prefixes[id], widePrefixes[id]) = ([], lexiconPrefixes[i]);
                    wide.Add(id);
                    wideLexicon.Add(k);
                }
            }
        }

        _index = new PrefixIndex(prefixes);
        _wideIndex = new PrefixIndex(widePrefixes);
        _wide = [.. wide];
        _wideLexicon = [.. wideLexicon];
    }

    /// <summary>
    /// Appends each lexicon's matches in the text to its hit list: <paramref name="hits"/>[k] is the
    /// List&lt;Hit&lt;T&gt;&gt; of the k-th lexicon given to the constructor.
    /// </summary>
    public void FindAll(in MatchInput input, params ReadOnlySpan<object> hits)
    {
        if (hits.Length != _lexicons.Length)
        {
            throw new ArgumentException($"One hit list per lexicon: {_lexicons.Length}.", nameof(hits));
        }

        var candidates = ArrayPool<int>.Shared.Rent(_offsets[^1]);
        var required = ArrayPool<int>.Shared.Rent(Math.Max(1, _requiredOffsets[^1]));
        required.AsSpan(0, _requiredOffsets[^1]).Fill(NotLookedUp);
        Span<int> next = stackalloc int[_lexicons.Length]; // per lexicon: nothing starts inside its last match
        next.Clear();
        var live = LiveWide(input);
        try
        {
            if (_index.CanStartOnSpace)
            {
                // Some pattern may start on whitespace (or anywhere): visit every position not after a word character.
                for (var position = 0; position < input.Text.Length; position++)
                {
                    if (position == 0 || !TextChars.IsWordChar(input.Text[position - 1]))
                    {
                        MatchAt(input, position, candidates, required, next, live, hits);
                    }
                }
            }
            else
            {
                foreach (var position in input.Starts)
                {
                    MatchAt(input, position, candidates, required, next, live, hits);
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(required);
            ArrayPool<int>.Shared.Return(candidates);
        }
    }

    /// <summary>
    /// Whether a pattern may start at almost any word: one of its prefixes is a single letter or digit. (Not one
    /// that may start on whitespace or anywhere: the main index decides which positions a scan visits.)
    /// </summary>
    private static bool IsWide(IReadOnlyList<string> prefixes)
    {
        var wide = false;
        foreach (var prefix in prefixes)
        {
            if (prefix.Length == 0 || prefix[0] == TextChars.Space)
            {
                return false;
            }

            wide |= prefix.Length == 1;
        }

        return wide;
    }

    /// <summary>The wide patterns that may match in this text, as a bit per <see cref="_wide"/> entry; usually none.</summary>
    private ulong LiveWide(in MatchInput input)
    {
        var wideWords = Volatile.Read(ref _wideWords) ?? FindWideWords();
        if (wideWords.Any is { } any && !input.Folded.ContainsAny(any))
        {
            return 0;
        }

        var live = 0UL;
        for (var w = 0; w < _wide.Length; w++)
        {
            var k = _wideLexicon[w];
            if (_lexicons[k].MayOccurIn(_wide[w] - _offsets[k], input))
            {
                live |= 1UL << w;
            }
        }

        return live;
    }

    /// <summary>Every word some wide pattern needs, or none when one of them needs no word.</summary>
    private WideWords FindWideWords()
    {
        var words = new List<string>();
        for (var w = 0; w < _wide.Length && words is not null; w++)
        {
            var k = _wideLexicon[w];
            if (_lexicons[k].RequiredWords(_wide[w] - _offsets[k]) is { } needed)
            {
                words.AddRange(needed);
            }
            else
            {
                words = null;
            }
        }

        var found = new WideWords(words is { Count: > 0 } ? SearchValues.Create([.. words.Distinct()], StringComparison.Ordinal) : null);
        return Interlocked.CompareExchange(ref _wideWords, found, null) ?? found;
    }

    /// <summary>
    /// Adds to the <paramref name="count"/> candidates in <paramref name="buffer"/> the live wide patterns whose
    /// prefix the text has at <paramref name="position"/>, keeping them ascending; returns the new count.
    /// </summary>
    private int AddLiveWide(in MatchInput input, int position, int[] buffer, int count, ulong live)
    {
        Span<int> found = stackalloc int[_wide.Length];
        var added = _wideIndex.Collect(input.Folded, position, found);
        foreach (var id in found[..added])
        {
            if ((live & (1UL << Array.IndexOf(_wide, id))) == 0)
            {
                continue;
            }

            // Insert in order: the main index's candidates are ascending, and a position has few.
            var at = count++;
            for (; at > 0 && buffer[at - 1] > id; at--)
            {
                buffer[at] = buffer[at - 1];
            }

            buffer[at] = id;
        }

        return count;
    }

    /// <summary>Whether any candidate's gate admits <paramref name="first"/>: most of those that do not are turned away here.</summary>
    private static bool AnyAdmitted(FirstCharGate[] gates, ReadOnlySpan<int> candidates, int offset, char first)
    {
        foreach (var id in candidates)
        {
            if (gates[id - offset].Admits(first))
            {
                return true;
            }
        }

        return false;
    }

    private void MatchAt(in MatchInput input, int position, int[] buffer, int[] required, Span<int> next, ulong live, ReadOnlySpan<object> hits)
    {
        var count = _index.Collect(input.Folded, position, buffer);
        if (live != 0)
        {
            count = AddLiveWide(input, position, buffer, count, live);
        }

        var candidates = buffer.AsSpan(0, count);
        var from = 0;
        for (var k = 0; k < _lexicons.Length && from < count; k++)
        {
            // Candidates are ascending, so each lexicon's are a run.
            var to = from;
            while (to < count && candidates[to] < _offsets[k + 1])
            {
                to++;
            }

            var lexicon = _lexicons[k];
            if (to > from && position >= next[k] && AnyAdmitted(lexicon.Gates, candidates[from..to], _offsets[k], input.Text[position]) &&
                lexicon.MayStartAt(input.Text, position))
            {
                var slots = required.AsSpan(_requiredOffsets[k], _requiredOffsets[k + 1] - _requiredOffsets[k]);
                var length = lexicon.MatchAt(input, position, candidates[from..to], _offsets[k], slots, hits[k]);
                if (length >= 0)
                {
                    next[k] = position + Math.Max(1, length);
                }
            }

            from = to;
        }
    }

    /// <summary>The words of all the wide patterns, searched for at once: most texts have none, and one pass then rules them all out.</summary>
    /// <param name="Any">Null when some wide pattern needs no particular word (it is live in every text).</param>
    private sealed record WideWords(SearchValues<string>? Any);
}
