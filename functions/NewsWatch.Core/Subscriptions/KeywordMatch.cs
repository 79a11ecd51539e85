using System.Text;

namespace NewsWatch.Subscriptions;

/// <summary>A subscriber's keyword in a text: without case or accents, and only as whole words ("tank" is not in "tanker").</summary>
public static class KeywordMatch
{
    public static bool In(string keyword, string? text)
    {
        if (string.IsNullOrEmpty(text) || string.IsNullOrWhiteSpace(keyword))
        {
            return false;
        }

        // Folded by hand rather than by culture-aware comparison: the app may run with invariant globalization.
        var needle = Fold(keyword.Trim());
        var haystack = Fold(text);
        for (var at = haystack.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = haystack.IndexOf(needle, at + 1, StringComparison.Ordinal))
        {
            var end = at + needle.Length;
            if ((at == 0 || !char.IsLetterOrDigit(haystack[at - 1])) && (end >= haystack.Length || !char.IsLetterOrDigit(haystack[end])))
            {
                return true;
            }
        }

        return false;
    }

    // Latin-1 and Latin Extended-A letters without their accents, by position: the app runs with invariant
    // globalization, where neither culture-aware comparison nor Unicode decomposition drops them.
    private const string Latin1From = "àáâãäåæçèéêëìíîïðñòóôõöøùúûüýÿ";
    private const string Latin1To = "aaaaaaaceeeeiiiidnoooooouuuuyy";
    private const string ExtendedA = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

    /// <summary>Lower case, accents of Latin letters dropped ("São" → "sao"), one character for one, so positions hold.</summary>
    private static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var upper in text)
        {
            var c = char.ToLowerInvariant(upper);
            var latin1 = Latin1From.IndexOf(c, StringComparison.Ordinal);
            folded.Append(latin1 >= 0 ? Latin1To[latin1] : c is >= '\u0100' and <= '\u017F' ? ExtendedA[c - '\u0100'] : c);
        }

        return folded.ToString();
    }
}
