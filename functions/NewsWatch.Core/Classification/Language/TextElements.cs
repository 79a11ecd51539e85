using System.Globalization;

namespace NewsWatch.Classification.Language;

/// <summary>
/// Sizes text the way Language counts it: in text elements (grapheme clusters, what StringInfo walks), so
/// "é" written as e + combining accent is one, and an emoji made of several code points is one.
/// </summary>
internal static class TextElements
{
    public static int Count(ReadOnlySpan<char> text)
    {
        var count = 0;
        while (!text.IsEmpty)
        {
            text = text[StringInfo.GetNextTextElementLength(text)..];
            count++;
        }

        return count;
    }

    /// <summary>
    /// The UTF-16 length of the longest start of <paramref name="text"/> holding at most
    /// <paramref name="maxElements"/> text elements. When that cuts the text, the cut moves back to just
    /// after a whitespace if there is one in the last tenth, so a word (often a name) is not split; a part is
    /// therefore never shorter than nine tenths of the limit unless it is the end of the text.
    /// </summary>
    public static int PrefixLength(ReadOnlySpan<char> text, int maxElements)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxElements, 1);
        var position = 0;
        var elements = 0;
        var lastBreak = -1;
        var breakFrom = maxElements - (maxElements / 10);
        while (position < text.Length && elements < maxElements)
        {
            position += StringInfo.GetNextTextElementLength(text[position..]);
            elements++;
            if (elements >= breakFrom && char.IsWhiteSpace(text[position - 1]))
            {
                lastBreak = position;
            }
        }

        return position < text.Length && lastBreak > 0 ? lastBreak : position;
    }

    /// <summary>Consecutive parts of at most <paramref name="maxElements"/> text elements that together are the whole text.</summary>
    public static List<(int Start, int Length)> Split(string text, int maxElements)
    {
        var parts = new List<(int Start, int Length)>();
        var start = 0;
        do
        {
            var length = PrefixLength(text.AsSpan(start), maxElements);
            parts.Add((start, length));
            start += length;
        }
        while (start < text.Length);

        return parts;
    }
}
