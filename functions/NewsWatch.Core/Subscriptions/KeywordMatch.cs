using System.Globalization;

namespace NewsWatch.Subscriptions;

/// <summary>A subscriber's keyword in a text: without case or accents, and only as whole words ("tank" is not in "tanker").</summary>
public static class KeywordMatch
{
    private static readonly CompareInfo Compare = CultureInfo.InvariantCulture.CompareInfo;
    private const CompareOptions Loose = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;

    public static bool In(string keyword, string? text)
    {
        if (string.IsNullOrEmpty(text) || string.IsNullOrWhiteSpace(keyword))
        {
            return false;
        }

        var from = 0;
        while (from < text.Length)
        {
            var found = Compare.IndexOf(text.AsSpan(from), keyword.AsSpan(), Loose, out var length);
            if (found < 0)
            {
                return false;
            }

            var at = from + found;
            var end = at + length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end >= text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return true;
            }

            from = at + 1;
        }

        return false;
    }
}
