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

    // Patterns whose match may start with any letter or digit ("(?-i:[A-Z][a-z]+\s+Airways)", "\d+ troops") would
    // be candidates at most words, though the words they need are absent from most texts. They are kept out of
    // the index: each is tried only at the few words just before an occurrence of a word it needs (its anchor).
    // The anchors are worked out on the first scan: that needs the regex parser, which the load does without.
    private readonly int[] _wide;              // their numbers, ascending
    private WideAnchors? _anchors;

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

        // Each pattern is in the index or in _wide.
        var prefixes = new IReadOnlyList<string>[_offsets[^1]];
        var wide = new List<int>();
        for (var k = 0; k < lexicons.Length; k++)
        {
            var lexiconPrefixes = lexicons[k].Prefixes;
            for (var i = 0; i < lexiconPrefixes.Count; i++)
            {
                var id = _offsets[k] + i;
                prefixes[id] = lexiconPrefixes[i];
                if (IsWide(lexiconPrefixes[i]))
                {
                    prefixes[id] = [];
                    wide.Add(id);
                }
            }
        }

        _index = new PrefixIndex(prefixes);
        _wide = [.. wide];
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
        long[]? wide = null;
        var wideCount = FindWideStarts(input, ref wide);
        var cursor = 0;
        try
        {
            if (_index.CanStartOnSpace)
            {
                // Some pattern may start on whitespace (or anywhere): visit every position not after a word character.
                for (var position = 0; position < input.Text.Length; position++)
                {
                    if (position == 0 || !TextChars.IsWordChar(input.Text[position - 1]))
                    {
                        MatchAt(input, position, candidates, required, next, WideAt(wide, wideCount, ref cursor, position), hits);
                    }
                }
            }
            else
            {
                foreach (var position in input.Starts)
                {
                    MatchAt(input, position, candidates, required, next, WideAt(wide, wideCount, ref cursor, position), hits);
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(required);
            ArrayPool<int>.Shared.Return(candidates);
            if (wide is not null)
            {
                ArrayPool<long>.Shared.Return(wide);
            }
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

    /// <summary>
    /// Where the wide patterns may start in this text, as (position &lt;&lt; 32 | pattern) in ascending order, into
    /// <paramref name="found"/> (rented when there is any); returns how many. Usually none: most texts have none of
    /// their words.
    /// </summary>
    private int FindWideStarts(in MatchInput input, ref long[]? found)
    {
        if (_wide.Length == 0)
        {
            return 0;
        }

        var anchors = Volatile.Read(ref _anchors) ?? CreateAnchors();
        var count = 0;
        var folded = input.Folded;
        var starts = input.Starts;
        foreach (var w in anchors.Unanchored)
        {
            // No anchor: a candidate at every start, a few more than its one-character prefixes would have given.
            for (var s = 0; s < starts.Length; s++)
            {
                Add(ref found, ref count, starts[s], _wide[w]);
            }
        }

        Span<int> owners = stackalloc int[anchors.Words.Count];
        foreach (var occurrence in starts)
        {
            if (!anchors.Words.MayHaveAt(folded, occurrence))
            {
                continue;
            }

            var owned = anchors.Words.OwnersAt(folded, occurrence, owners);
            foreach (var w in owners[..owned])
            {
                // A match holding this word starts at a word no more runs of whitespace before it than the pattern holds.
                var low = MatchStartFloor(folded, occurrence, anchors.Of[w]!.SpaceRuns);
                for (var s = FirstAtOrAfter(starts, low); s < starts.Length && starts[s] <= occurrence; s++)
                {
                    Add(ref found, ref count, starts[s], _wide[w]);
                }
            }
        }

        if (found is null)
        {
            return 0;
        }

        // In order, each (position, pattern) once: occurrences close together give the same starts.
        var entries = found.AsSpan(0, count);
        entries.Sort();
        var distinct = 0;
        foreach (var entry in entries)
        {
            if (distinct == 0 || found[distinct - 1] != entry)
            {
                found[distinct++] = entry;
            }
        }

        return distinct;
    }

    private static void Add(ref long[]? found, ref int count, int position, int pattern)
    {
        if (found is null || count == found.Length)
        {
            var larger = ArrayPool<long>.Shared.Rent(Math.Max(16, 2 * count));
            found?.AsSpan(0, count).CopyTo(larger);
            if (found is not null)
            {
                ArrayPool<long>.Shared.Return(found);
            }

            found = larger;
        }

        found[count++] = ((long)position << 32) | (uint)pattern;
    }

    private WideAnchors CreateAnchors()
    {
        var of = new WideAnchor?[_wide.Length];
        var unanchored = new List<int>();
        var words = new List<(string, int)>();
        for (var w = 0; w < _wide.Length; w++)
        {
            var k = Array.FindLastIndex(_offsets, offset => offset <= _wide[w]);
            of[w] = _lexicons[k].AnchorOf(_wide[w] - _offsets[k]);
            if (of[w] is { } anchor)
            {
                foreach (var word in anchor.Words)
                {
                    words.Add((word, w));
                }
            }
            else
            {
                unanchored.Add(w);
            }
        }

        var created = new WideAnchors(of, new StartWords(words), [.. unanchored]);
        return Interlocked.CompareExchange(ref _anchors, created, null) ?? created;
    }

    /// <summary>The lowest position a match that holds <paramref name="occurrence"/> can start at: back across at most <paramref name="runs"/> runs of whitespace.</summary>
    private static int MatchStartFloor(ReadOnlySpan<char> folded, int occurrence, int runs)
    {
        var i = occurrence;
        while (i > 0)
        {
            if (folded[i - 1] != TextChars.Space)
            {
                i--;
                continue;
            }

            if (runs-- == 0)
            {
                break;
            }

            while (i > 0 && folded[i - 1] == TextChars.Space)
            {
                i--;
            }
        }

        return i;
    }

    /// <summary>The index of the first of the ascending <paramref name="starts"/> at or after <paramref name="position"/>.</summary>
    private static int FirstAtOrAfter(ReadOnlySpan<int> starts, int position)
    {
        var at = starts.BinarySearch(position);
        return at >= 0 ? at : ~at;
    }

    /// <summary>The wide patterns that may start at <paramref name="position"/>; <paramref name="cursor"/> moves along the list as the scan does.</summary>
    private static ReadOnlySpan<long> WideAt(long[]? wide, int count, ref int cursor, int position)
    {
        while (cursor < count && (int)(wide![cursor] >> 32) < position)
        {
            cursor++;
        }

        var end = cursor;
        while (end < count && (int)(wide![end] >> 32) == position)
        {
            end++;
        }

        var here = wide.AsSpan(cursor, end - cursor);
        cursor = end;
        return here;
    }

    /// <summary>
    /// Adds to the <paramref name="count"/> candidates in <paramref name="buffer"/> the wide patterns of
    /// <paramref name="wide"/>, keeping them ascending; returns the new count.
    /// </summary>
    private static int AddWide(ReadOnlySpan<long> wide, int[] buffer, int count)
    {
        foreach (var entry in wide)
        {
            // Insert in order: the index's candidates are ascending, and a position has few.
            var id = (int)entry;
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

    private void MatchAt(in MatchInput input, int position, int[] buffer, int[] required, Span<int> next, ReadOnlySpan<long> wide, ReadOnlySpan<object> hits)
    {
        var count = _index.Collect(input.Folded, position, buffer);
        if (!wide.IsEmpty)
        {
            count = AddWide(wide, buffer, count);
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

    /// <summary>The wide patterns' anchors (by place in _wide; null for a pattern without one), their words, and the patterns without one.</summary>
    private sealed record WideAnchors(WideAnchor?[] Of, StartWords Words, int[] Unanchored);
}
