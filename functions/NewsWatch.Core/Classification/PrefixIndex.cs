using System.Runtime.CompilerServices;

namespace NewsWatch.Classification;

/// <summary>
/// A trie of the patterns' folded literal prefixes (<see cref="RegexPrefixes"/>): walking it along the folded
/// text from a position gives the only patterns that can match there, usually none or a few out of thousands.
/// </summary>
/// <remarks>
/// The trie is one array of edges, numbered breadth first, each edge carrying what a walk needs next (where
/// the child's own edges are, which patterns end there), so a step reads one small block of memory. The edges'
/// characters are also kept on their own, node by node: the search for the next character then reads a
/// cache line or two of characters instead of a run of whole edges. The multilingual trie is larger than
/// the processor's cache, and waiting for memory in that search was most of a walk's time.
/// </remarks>
// Start-up code marked AggressiveOptimization runs once per pattern, thousands of times, before tiered
// compilation would have optimised it: compiled fully at once, the lexicon loads faster.
internal sealed class PrefixIndex
{
    private const int NoEdge = -1;

    private readonly Edge[] _edges;
    private readonly char[] _keys;    // _edges[e].Key, packed
    private readonly int[] _patterns; // the patterns whose prefix ends at each node, ascending, node by node
    private readonly Edge _root;      // the root as if reached by an edge: its edges and its patterns ("anywhere")

    // Most words start with ASCII characters: one array read instead of a search of the root's edges, and one
    // more for the second character (the first two levels are where the trie is widest, and every walk goes there).
    private readonly int[] _asciiRoot = new int[128];
    private readonly int[] _asciiSecond = new int[128 * 128];

    /// <param name="prefixes">For each pattern, by index, its prefixes (none a prefix of another); "" means "anywhere".</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public PrefixIndex(IReadOnlyList<IReadOnlyList<string>> prefixes)
    {
        ArgumentNullException.ThrowIfNull(prefixes);

        // Sorted, the prefixes under any node of the trie are a range, with those ending at the node first and
        // each child's after, in key order; so the trie is built breadth first from ranges, without node objects.
        // (Arrays of ints and strings throughout: collections of new structs would be compiled at start-up.)
        var count = 0;
        foreach (var list in prefixes)
        {
            count += list.Count;
        }

        var texts = new string[count];
        var owners = new int[count];
        count = 0;
        for (var pattern = 0; pattern < prefixes.Count; pattern++)
        {
            foreach (var prefix in prefixes[pattern])
            {
                (texts[count], owners[count]) = (prefix, pattern);
                count++;
            }
        }

        var order = new int[count];
        for (var k = 0; k < count; k++)
        {
            order[k] = k;
        }

        Array.Sort(order, (a, b) => string.CompareOrdinal(texts[a], texts[b]) is var c and not 0 ? c : owners[a] - owners[b]);

        // Nodes in breadth-first order: the range of sorted prefixes under each, its depth, the key that leads to it.
        var lows = new List<int> { 0 };
        var highs = new List<int> { count };
        var depths = new List<int> { 0 };
        var keys = new List<char> { '\0' };
        var patterns = new List<int>();
        var edgeStarts = new List<int>();
        var patternStarts = new List<int>();
        for (var n = 0; n < lows.Count; n++)
        {
            int lo = lows[n], hi = highs[n], depth = depths[n];
            patternStarts.Add(patterns.Count);
            var k = lo;
            for (; k < hi && texts[order[k]].Length == depth; k++)
            {
                if (patterns.Count == patternStarts[n] || patterns[^1] != owners[order[k]])
                {
                    patterns.Add(owners[order[k]]);
                }
            }

            // Children are numbered as they are found, so a node's edges are consecutive (edge = child - 1).
            edgeStarts.Add(lows.Count - 1);
            while (k < hi)
            {
                var key = texts[order[k]][depth];
                var end = k + 1;
                while (end < hi && texts[order[end]][depth] == key)
                {
                    end++;
                }

                lows.Add(k);
                highs.Add(end);
                depths.Add(depth + 1);
                keys.Add(key);
                k = end;
            }
        }

        var nodes = lows.Count;
        Edge EdgeTo(int n) => new(
            keys[n],
            (n + 1 < nodes ? edgeStarts[n + 1] : nodes - 1) - edgeStarts[n],
            edgeStarts[n],
            patternStarts[n],
            (n + 1 < nodes ? patternStarts[n + 1] : patterns.Count) - patternStarts[n]);

        _root = EdgeTo(0);
        _edges = new Edge[nodes - 1];
        for (var n = 1; n < nodes; n++)
        {
            _edges[n - 1] = EdgeTo(n);
        }

        _keys = new char[_edges.Length];
        for (var e = 0; e < _edges.Length; e++)
        {
            _keys[e] = _edges[e].Key;
        }

        _patterns = [.. patterns];
        Array.Fill(_asciiRoot, NoEdge);
        Array.Fill(_asciiSecond, NoEdge);
        for (var e = 0; e < _root.EdgeCount; e++)
        {
            var first = _edges[e];
            if (first.Key >= 128)
            {
                continue;
            }

            _asciiRoot[first.Key] = e;
            for (var child = first.EdgeStart; child < first.EdgeStart + first.EdgeCount && first.Key != TextChars.Space; child++)
            {
                if (_edges[child].Key < 128)
                {
                    _asciiSecond[(first.Key << 7) | _edges[child].Key] = child;
                }
            }
        }
    }

    /// <summary>How many patterns have no literal prefix and are candidates everywhere.</summary>
    public int AnywhereCount => _root.PatternCount;

    /// <summary>Whether some pattern may start on whitespace: one with a leading \s, or one that may start anywhere.</summary>
    public bool CanStartOnSpace => AnywhereCount > 0 || Find(_root, TextChars.Space) != NoEdge;

    /// <summary>
    /// Writes to <paramref name="candidates"/>, in ascending order, the patterns whose prefix the folded text
    /// (<see cref="TextChars.Fold"/>) has at <paramref name="position"/>, and returns how many. The buffer must
    /// hold every pattern.
    /// </summary>
    public int Collect(ReadOnlySpan<char> folded, int position, Span<int> candidates)
    {
        var count = Append(_root, candidates, 0);
        var c = folded[position];
        var e = c < 128 ? _asciiRoot[c] : Find(_root, c);
        var sorted = true;
        var i = position;
        while (e != NoEdge)
        {
            var edge = _edges[e];
            if (edge.PatternCount > 0)
            {
                // Each node's list is in order; lists met further along may hold lower numbers.
                sorted &= count == 0 || _patterns[edge.PatternStart] > candidates[count - 1];
                count = Append(edge, candidates, count);
            }

            // Prefixes hold one space for a run of whitespace (\s+): read the run as one.
            i++;
            while (c == TextChars.Space && i < folded.Length && folded[i] == TextChars.Space)
            {
                i++;
            }

            if (i >= folded.Length || edge.EdgeCount == 0)
            {
                break;
            }

            // The second step of an ASCII word is one read of a table; deeper steps search the node's edges.
            var previous = c;
            c = folded[i];
            e = i == position + 1 && previous < 128 && previous != TextChars.Space && c < 128 ? _asciiSecond[(previous << 7) | c] : Find(edge, c);
        }

        if (!sorted)
        {
            candidates[..count].Sort();
        }

        return count;
    }

    /// <summary>The edge out of the node <paramref name="to"/> leads to, for <paramref name="c"/>, or <see cref="NoEdge"/>.</summary>
    private int Find(Edge to, char c)
    {
        int low = to.EdgeStart, high = to.EdgeStart + to.EdgeCount - 1;

        // Keys are sorted: halve wide nodes (the first levels), then scan the few keys left.
        while (high - low > 8)
        {
            var mid = (low + high) >>> 1;
            if (_keys[mid] < c)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        for (; low <= high; low++)
        {
            if (_keys[low] == c)
            {
                return low;
            }
        }

        return NoEdge;
    }

    private int Append(Edge edge, Span<int> candidates, int count)
    {
        for (var k = 0; k < edge.PatternCount; k++)
        {
            candidates[count++] = _patterns[edge.PatternStart + k];
        }

        return count;
    }

    /// <summary>An edge into a node: its character, then where that node's edges and patterns are.</summary>
    private readonly record struct Edge(char Key, int EdgeCount, int EdgeStart, int PatternStart, int PatternCount);
}
