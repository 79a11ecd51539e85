using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NewsWatch.Classification;

/// <summary>
/// Which of a few words (folded) a folded text has at a position, each word standing for an owner (a pattern).
/// Asked at every start of every article, and almost always answered "none": a bitmap of the words' first
/// characters turns most positions away at one read, and only the words with the same first characters are
/// then compared.
/// </summary>
internal sealed class StartWords
{
    private const int BitmapShift = 16; // 2^16 bits: 8 KB, which stays in the processor's fastest cache

    private readonly ulong[] _bitmap = new ulong[(1 << BitmapShift) / 64];
    private readonly int _keyLength;        // how many first characters the bitmap and the keys hold, 1 to 4
    private readonly ulong _keyMask;        // the bits of the key's characters in four characters read at once
    private readonly ulong[] _keys;         // each word's first characters, ascending
    private readonly string[] _words;       // in key order
    private readonly int[] _owners;

    /// <param name="words">The words (at least one character each) and their owners.</param>
    public StartWords(IReadOnlyList<(string Word, int Owner)> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        _keyLength = words.Count == 0 ? 1 : Math.Min(4, words.Min(w => w.Word.Length));
        var ordered = words.OrderBy(w => Key(w.Word)).ToArray();
        _keys = [.. ordered.Select(w => Key(w.Word))];
        _words = [.. ordered.Select(w => w.Word)];
        _owners = [.. ordered.Select(w => w.Owner)];
        _keyMask = _keyLength == 4 ? ulong.MaxValue : (1UL << (16 * _keyLength)) - 1;
        foreach (var key in _keys)
        {
            var bit = (int)((key * 0x9E3779B97F4A7C15UL) >> (64 - BitmapShift));
            _bitmap[bit >> 6] |= 1UL << bit;
        }
    }

    /// <summary>False when none of the words is at <paramref name="position"/>; true when one may be (one read of the bitmap).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MayHaveAt(ReadOnlySpan<char> folded, int position)
    {
        if (position + 4 > folded.Length)
        {
            return position + _keyLength <= folded.Length && HasBit(Key(folded.Slice(position, _keyLength)));
        }

        // Four characters in one read, and the ones past the key masked off.
        return HasBit(MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(folded.Slice(position, 4))) & _keyMask);
    }

    /// <summary>
    /// Writes to <paramref name="owners"/> the owners of the words <paramref name="folded"/> has at
    /// <paramref name="position"/> and returns how many (an owner once per word it has there).
    /// </summary>
    public int OwnersAt(ReadOnlySpan<char> folded, int position, Span<int> owners)
    {
        if (position + _keyLength > folded.Length)
        {
            return 0;
        }

        var key = Key(folded.Slice(position, _keyLength));
        var at = HasBit(key) ? Array.BinarySearch(_keys, key) : -1;
        if (at < 0)
        {
            return 0;
        }

        while (at > 0 && _keys[at - 1] == key)
        {
            at--;
        }

        var count = 0;
        for (; at < _keys.Length && _keys[at] == key && count < owners.Length; at++)
        {
            if (folded[position..].StartsWith(_words[at], StringComparison.Ordinal))
            {
                owners[count++] = _owners[at];
            }
        }

        return count;
    }

    /// <summary>How many owners <see cref="OwnersAt"/> can write at most.</summary>
    public int Count => _words.Length;

    private ulong Key(ReadOnlySpan<char> word)
    {
        var key = 0UL;
        for (var i = 0; i < _keyLength; i++)
        {
            key |= (ulong)word[i] << (16 * i);
        }

        return key;
    }

    private ulong Key(string word) => Key(word.AsSpan());

    private bool HasBit(ulong key)
    {
        var bit = (int)((key * 0x9E3779B97F4A7C15UL) >> (64 - BitmapShift));
        return (_bitmap[bit >> 6] & (1UL << bit)) != 0;
    }
}
