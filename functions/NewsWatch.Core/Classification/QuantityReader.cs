using System.Globalization;

namespace NewsWatch.Classification;

/// <summary>
/// Finds the count written before a weapon mention: "96 AH-64E", "twelve Dassault Rafale", "eighty-four (84)
/// AIM-120C-8", "a dozen Mi-35s". Looks back a few words within the sentence and gives up at a clause
/// boundary, a preposition, a money figure or a year, so "$1.2 billion of F-16s" or "in 2019 F-16s" yield nothing.
/// </summary>
internal static class QuantityReader
{
    private const int MaxWordsBack = 4;
    private const int MaxQuantity = 100_000;

    private static readonly HashSet<string> Stops = new(StringComparer.OrdinalIgnoreCase)
    {
        "to", "and", "or", "with", "from", "for", "in", "on", "at", "by", "of", "the", "a", "an", "its", "their",
        "first", "second", "third", "last", "final", "dozens", "hundreds", "thousands", "several", "some", "many",
        "billion", "million", "bn", "mln", "m", "percent", "per", "year", "years",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopLookup =
        Stops.GetAlternateLookup<ReadOnlySpan<char>>();

    public static int? Before(string text, int position, int floor)
    {
        var end = position;
        for (var words = 0; words < MaxWordsBack; words++)
        {
            var i = end;
            while (i > floor && char.IsWhiteSpace(text[i - 1]))
            {
                i--;
            }

            if (i <= floor)
            {
                return null;
            }

            var wordEnd = i;
            while (i > floor && !char.IsWhiteSpace(text[i - 1]))
            {
                i--;
            }

            var word = text.AsSpan(i, wordEnd - i);
            if (word[^1] is ',' or ';' or ':' or '.' or '!' or '?' || word[0] is '$' or '€' or '£' or '¥' or '₹')
            {
                return null;
            }

            if (TryReadNumber(word, out var value))
            {
                return value is > 0 and <= MaxQuantity ? value : null;
            }

            if (word.Equals("dozen", StringComparison.OrdinalIgnoreCase))
            {
                return DozenTimes(text, i, floor);
            }

            if (StopLookup.Contains(word) || word.Contains('%'))
            {
                return null;
            }

            end = i;
        }

        return null;
    }

    private static bool TryReadNumber(ReadOnlySpan<char> word, out int value)
    {
        value = 0;
        if (word.Length > 2 && word[0] == '(' && word[^1] == ')')
        {
            word = word[1..^1];
        }

        if (char.IsAsciiDigit(word[0]))
        {
            // A bare four-digit number between 1900 and 2100 is a year, not a fleet.
            if (word.Length == 4 && !word.Contains(',') && int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2100)
            {
                value = -1;
                return true;
            }

            return int.TryParse(word, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out value);
        }

        return NumberWords.TryParse(word, out value) && !word.Equals("dozen", StringComparison.OrdinalIgnoreCase);
    }

    // "a dozen" is 12, "two dozen" 24, "half a dozen" 6.
    private static int? DozenTimes(string text, int wordStart, int floor)
    {
        var i = wordStart;
        while (i > floor && char.IsWhiteSpace(text[i - 1]))
        {
            i--;
        }

        var end = i;
        while (i > floor && char.IsLetter(text[i - 1]))
        {
            i--;
        }

        var previous = text.AsSpan(i, end - i);
        if (previous.Equals("a", StringComparison.OrdinalIgnoreCase))
        {
            var j = i;
            while (j > floor && char.IsWhiteSpace(text[j - 1]))
            {
                j--;
            }

            return j >= 4 + floor && text.AsSpan(j - 4, 4).Equals("half", StringComparison.OrdinalIgnoreCase) ? 6 : 12;
        }

        return NumberWords.TryParse(previous, out var times) && times < 20 ? times * 12 : 12;
    }
}
