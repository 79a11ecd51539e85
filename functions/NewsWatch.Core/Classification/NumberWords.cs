namespace NewsWatch.Classification;

/// <summary>Reads the counts news writes in words: "twelve", "twenty-four", "a dozen", "two dozen".</summary>
internal static class NumberWords
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13,
        ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18,
        ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60,
        ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90, ["hundred"] = 100, ["dozen"] = 12,
    };

    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Units.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Parses one word ("twelve", "twenty-four"); false for anything else.</summary>
    public static bool TryParse(ReadOnlySpan<char> word, out int value)
    {
        value = 0;
        var hyphen = word.IndexOf('-');
        if (hyphen < 0)
        {
            return Lookup.TryGetValue(word, out value);
        }

        // "twenty-four": tens then units.
        if (Lookup.TryGetValue(word[..hyphen], out var tens) && tens is >= 20 and <= 90 &&
            Lookup.TryGetValue(word[(hyphen + 1)..], out var units) && units < 10)
        {
            value = tens + units;
            return true;
        }

        return false;
    }
}
