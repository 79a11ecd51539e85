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

    private readonly PhraseMatcher[] _lexicons;
    private readonly int[] _offsets;          // lexicon k's patterns are numbered _offsets[k] to _offsets[k + 1] - 1
    private readonly int[] _requiredOffsets;  // and its required-word slots, likewise
    private readonly PrefixIndex _index;

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

        _index = new PrefixIndex([.. lexicons.SelectMany(l => l.Prefixes)]);
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
        try
        {
            if (_index.CanStartOnSpace)
            {
                // Some pattern may start on whitespace (or anywhere): visit every position not after a word character.
                for (var position = 0; position < input.Text.Length; position++)
                {
                    if (position == 0 || !TextChars.IsWordChar(input.Text[position - 1]))
                    {
                        MatchAt(input, position, candidates, required, next, hits);
                    }
                }
            }
            else
            {
                foreach (var position in input.Starts)
                {
                    MatchAt(input, position, candidates, required, next, hits);
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(required);
            ArrayPool<int>.Shared.Return(candidates);
        }
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

    private void MatchAt(in MatchInput input, int position, int[] buffer, int[] required, Span<int> next, ReadOnlySpan<object> hits)
    {
        var count = _index.Collect(input.Folded, position, buffer);
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
}
