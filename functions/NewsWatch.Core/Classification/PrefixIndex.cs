using System.Runtime.CompilerServices;

namespace NewsWatch.Classification;

/// <summary>
/// A trie of the patterns' folded literal prefixes (<see cref="RegexPrefixes"/>): walking it along the folded
/// text from a position gives the only patterns that can match there, usually none or a few out of thousands.
/// </summary>
/// <remarks>
/// The trie is flat, its nodes numbered breadth first: one array of each node's character, and one of two ints
/// per node, where its children start and where its patterns start (each node's children are consecutive, so
/// the next node's entries end both lists). Eight bytes a node keep the multilingual trie's hot part in the
/// processor's cache: as a tree of objects, or as 20-byte edge records, a walk spent most of its time waiting
/// for memory.
/// </remarks>
// Start-up code marked AggressiveOptimization runs once per pattern, thousands of times, before tiered
// compilation would have optimised it: compiled fully at once, the lexicon loads faster.
internal sealed class PrefixIndex
{
    private const int NoNode = -1;

    private readonly char[] _keys;    // per node, the character that leads to it
    private readonly int[] _nodes;    // per node n: [2n] its first child, [2n + 1] its first pattern; one node more ends both
    private readonly int[] _patterns; // the patterns whose prefix ends at each node, ascending, node by node

    // Most words start with ASCII characters: one array read instead of a search of the root's children, and one
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
        // (Indexed loops: a foreach over the interfaces would allocate an enumerator for every pattern.)
        var count = 0;
        for (var pattern = 0; pattern < prefixes.Count; pattern++)
        {
            count += prefixes[pattern].Count;
        }

        var texts = new string[count];
        var owners = new int[count];
        count = 0;
        for (var pattern = 0; pattern < prefixes.Count; pattern++)
        {
            var list = prefixes[pattern];
            for (var p = 0; p < list.Count; p++)
            {
                (texts[count], owners[count]) = (list[p], pattern);
                count++;
            }
        }

        // By text, then by pattern: the sort does not keep the order of equal texts, so their owners are put
        // back in order after it (a few at a time). Each text adds a node per character past the one before it.
        Array.Sort(texts, owners, RegexPrefixes.OrdinalComparer.Instance);
        var nodeCount = 1;
        for (var k = 0; k < count; k++)
        {
            nodeCount += texts[k].Length - (k == 0 ? 0 : texts[k].AsSpan().CommonPrefixLength(texts[k - 1]));
            for (var j = k; j > 0 && owners[j - 1] > owners[j] && string.Equals(texts[j - 1], texts[j], StringComparison.Ordinal); j--)
            {
                (owners[j - 1], owners[j]) = (owners[j], owners[j - 1]);
            }
        }

        // Nodes in breadth-first order, each with the range of sorted prefixes under it and the key that leads to
        // it, written straight into the arrays the trie keeps. A level's nodes are consecutive: the depth is the level's.
        var lows = new int[nodeCount];
        var highs = new int[nodeCount];
        var keys = new char[nodeCount];
        var nodes = new int[2 * (nodeCount + 1)];
        var patterns = new int[count];
        var patternCount = 0;
        (lows[0], highs[0]) = (0, count);
        var found = 1;      // nodes numbered so far
        var depth = 0;
        var levelEnd = 1;   // the first node of the next level
        for (var n = 0; n < found; n++)
        {
            if (n == levelEnd)
            {
                (depth, levelEnd) = (depth + 1, found);
            }

            int lo = lows[n], hi = highs[n];
            nodes[(2 * n) + 1] = patternCount;
            var k = lo;
            for (; k < hi && texts[k].Length == depth; k++)
            {
                if (patternCount == nodes[(2 * n) + 1] || patterns[patternCount - 1] != owners[k])
                {
                    patterns[patternCount++] = owners[k];
                }
            }

            // Children are numbered as they are found, so a node's children are consecutive.
            nodes[2 * n] = found;
            while (k < hi)
            {
                var key = texts[k][depth];
                var end = k + 1;
                while (end < hi && texts[end][depth] == key)
                {
                    end++;
                }

                (lows[found], highs[found], keys[found]) = (k, end, key);
                found++;
                k = end;
            }
        }

        (nodes[2 * found], nodes[(2 * found) + 1]) = (found, patternCount);
        _keys = keys;
        _nodes = nodes;
        _patterns = patternCount == count ? patterns : patterns[..patternCount];

        // (Loops rather than Array.Fill: its generic code would be compiled at start-up.)
        for (var k = 0; k < _asciiRoot.Length; k++)
        {
            _asciiRoot[k] = NoNode;
        }

        for (var k = 0; k < _asciiSecond.Length; k++)
        {
            _asciiSecond[k] = NoNode;
        }

        for (var first = _nodes[0]; first < _nodes[2]; first++)
        {
            if (_keys[first] >= 128)
            {
                continue;
            }

            _asciiRoot[_keys[first]] = first;
            for (var second = _nodes[2 * first]; second < _nodes[(2 * first) + 2] && _keys[first] != TextChars.Space; second++)
            {
                if (_keys[second] < 128)
                {
                    _asciiSecond[(_keys[first] << 7) | _keys[second]] = second;
                }
            }
        }
    }

    /// <summary>How many patterns have no literal prefix and are candidates everywhere.</summary>
    public int AnywhereCount => _nodes[3] - _nodes[1];

    /// <summary>Whether some pattern may start on whitespace: one with a leading \s, or one that may start anywhere.</summary>
    public bool CanStartOnSpace => AnywhereCount > 0 || Child(0, TextChars.Space) != NoNode;

    /// <summary>
    /// Writes to <paramref name="candidates"/>, in ascending order, the patterns whose prefix the folded text
    /// (<see cref="TextChars.Fold"/>) has at <paramref name="position"/>, and returns how many. The buffer must
    /// hold every pattern.
    /// </summary>
    public int Collect(ReadOnlySpan<char> folded, int position, Span<int> candidates)
    {
        var count = Append(0, candidates, 0);
        var c = folded[position];
        var node = c < 128 ? _asciiRoot[c] : Child(0, c);
        var sorted = true;
        var i = position;
        while (node != NoNode)
        {
            if (_nodes[(2 * node) + 3] > _nodes[(2 * node) + 1])
            {
                // Each node's list is in order; lists met further along may hold lower numbers.
                sorted &= count == 0 || _patterns[_nodes[(2 * node) + 1]] > candidates[count - 1];
                count = Append(node, candidates, count);
            }

            // Prefixes hold one space for a run of whitespace (\s+): read the run as one.
            i++;
            while (c == TextChars.Space && i < folded.Length && folded[i] == TextChars.Space)
            {
                i++;
            }

            if (i >= folded.Length || _nodes[(2 * node) + 2] == _nodes[2 * node])
            {
                break;
            }

            // The second step of an ASCII word is one read of a table; deeper steps search the node's children.
            var previous = c;
            c = folded[i];
            node = i == position + 1 && previous < 128 && previous != TextChars.Space && c < 128 ? _asciiSecond[(previous << 7) | c] : Child(node, c);
        }

        if (!sorted)
        {
            candidates[..count].Sort();
        }

        return count;
    }

    /// <summary>The child of <paramref name="node"/> that <paramref name="c"/> leads to, or <see cref="NoNode"/>.</summary>
    private int Child(int node, char c)
    {
        int low = _nodes[2 * node], high = _nodes[(2 * node) + 2] - 1;

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

        return NoNode;
    }

    private int Append(int node, Span<int> candidates, int count)
    {
        for (var k = _nodes[(2 * node) + 1]; k < _nodes[(2 * node) + 3]; k++)
        {
            candidates[count++] = _patterns[k];
        }

        return count;
    }
}
