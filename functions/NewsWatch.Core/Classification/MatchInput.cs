using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace NewsWatch.Classification;

/// <summary>
/// A text prepared once for all the lexicons that scan it: folded (<see cref="TextChars.Fold"/>), for the
/// prefix lookups, and the positions where a match may start, so that each lexicon visits those instead of
/// every character. The buffers are pooled: dispose it (<c>using</c>) when the scan is done, exactly once.
/// </summary>
internal readonly ref struct MatchInput : IDisposable
{
    private readonly char[] _folded;
    private readonly int[] _starts;
    private readonly int _startCount;

    private MatchInput(string text, char[] folded, int[] starts, int startCount)
    {
        Text = text;
        _folded = folded;
        _starts = starts;
        _startCount = startCount;
    }

    public string Text { get; }

    public ReadOnlySpan<char> Folded => _folded.AsSpan(0, Text.Length);

    /// <summary>
    /// Ascending positions that are not whitespace and do not follow a word character: every lexicon pattern is
    /// bounded by (?&lt;!\w), and the matcher scans whitespace positions itself if it has patterns that could
    /// start there.
    /// </summary>
    public ReadOnlySpan<int> Starts => _starts.AsSpan(0, _startCount);

    public static MatchInput Rent(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length));
        var starts = ArrayPool<int>.Shared.Rent(Math.Max(1, text.Length));
        var count = 0;
        var afterWord = false;
        if (Ascii.IsValid(text))
        {
            // Most news is ASCII: fold it with the vectorised lower-casing and the few control characters that
            // are whitespace (\t to \r) to spaces, then note the starts, word characters being [A-Za-z0-9_].
            var fold = folded.AsSpan(0, text.Length);
            Ascii.ToLower(text, fold, out _);
            for (var rest = fold; rest.IndexOfAnyInRange('\t', '\r') is var at and >= 0; rest = rest[(at + 1)..])
            {
                rest[at] = TextChars.Space;
            }

            var i = AsciiStarts(fold, starts, ref count, ref afterWord);
            for (; i < fold.Length; i++)
            {
                var c = fold[i];
                if (!afterWord && c != TextChars.Space)
                {
                    starts[count++] = i;
                }

                afterWord = char.IsAsciiLetterOrDigit(c) || c == '_';
            }

            return new MatchInput(text, folded, starts, count);
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var fold = TextChars.Fold(c);
            folded[i] = fold;
            if (!afterWord && fold != TextChars.Space)
            {
                starts[count++] = i;
            }

            afterWord = TextChars.IsWordChar(c);
        }

        return new MatchInput(text, folded, starts, count);
    }

    /// <summary>
    /// The starts in folded ASCII text, sixteen characters at a time: a bit per character for "word character"
    /// and one for "space", and a start is a non-space whose left neighbour's word bit is clear. Returns where the
    /// blocks end; the caller reads the rest one by one, <paramref name="afterWord"/> telling of the last block.
    /// </summary>
    private static int AsciiStarts(ReadOnlySpan<char> fold, int[] starts, ref int count, ref bool afterWord)
    {
        var i = 0;
        if (!Vector128.IsHardwareAccelerated)
        {
            return i;
        }

        var chars = MemoryMarshal.Cast<char, ushort>(fold);
        var previousWord = afterWord ? 1u : 0u;
        for (; i + 16 <= chars.Length; i += 16)
        {
            var bytes = Vector128.Narrow(Vector128.Create(chars.Slice(i, 8)), Vector128.Create(chars.Slice(i + 8, 8)));
            var word = Vector128.LessThanOrEqual(bytes - Vector128.Create((byte)'a'), Vector128.Create((byte)('z' - 'a'))) |
                       Vector128.LessThanOrEqual(bytes - Vector128.Create((byte)'0'), Vector128.Create((byte)('9' - '0'))) |
                       Vector128.Equals(bytes, Vector128.Create((byte)'_'));
            var wordBits = word.ExtractMostSignificantBits();
            var spaceBits = Vector128.Equals(bytes, Vector128.Create((byte)TextChars.Space)).ExtractMostSignificantBits();
            var startBits = ~spaceBits & ~((wordBits << 1) | previousWord) & 0xFFFF;
            previousWord = wordBits >> 15;
            for (; startBits != 0; startBits &= startBits - 1)
            {
                starts[count++] = i + BitOperations.TrailingZeroCount(startBits);
            }
        }

        afterWord = previousWord != 0;
        return i;
    }

    public void Dispose()
    {
        ArrayPool<char>.Shared.Return(_folded);
        ArrayPool<int>.Shared.Return(_starts);
    }
}
