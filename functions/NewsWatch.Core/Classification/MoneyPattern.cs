using System.Buffers;
using System.Text.RegularExpressions;

namespace NewsWatch.Classification;

/// <summary>Stated deal values as written: "$1.2 billion", "€300m", "£19.6bn", "164.2 mln dlrs", "3 billion euros".</summary>
internal static partial class MoneyPattern
{
    /// <summary>
    /// The most characters a match can have before its first digit: "U.S.$" and a space, "USD" or "Rs." and two.
    /// </summary>
    private const int MaxLeadBeforeDigit = 6;

    /// <summary>What a match's first character is when it is not a digit: a currency sign, or a code's first letter.</summary>
    private static readonly SearchValues<char> Leads = SearchValues.Create("$€£¥₹UACNHSEGIR");

    /// <summary>How the pattern's letter-led matches begin: a dollar's country ("NZ$") or a currency code.</summary>
    private static readonly string[] CodeLeads = ["US$", "U.S.$", "A$", "C$", "NZ$", "HK$", "S$", "USD", "EUR", "GBP", "INR", "RMB", "Rs"];

    /// <summary>Adds the stated values in <paramref name="text"/> to <paramref name="values"/>: the matches a scan for <see cref="Value"/> finds.</summary>
    /// <remarks>
    /// Every match has a digit (a \d: of any script) at most <see cref="MaxLeadBeforeDigit"/> characters after
    /// its start, and starts on a currency sign, a code's letter, or a digit that follows no digit. So the pattern
    /// is tried, anchored, only at such characters shortly before a digit, in text order: that gives the leftmost
    /// match, as a scan would, and the same one, the anchored pattern being the scan's pattern tried from the
    /// same place. A scan tries every capital letter and digit of the article instead; a third of news leads
    /// have no figure at all.
    /// </remarks>
    public static void FindAll(string text, List<TextRange> values)
    {
        var tried = 0; // every start before this has been tried, or lies inside a match
        for (var digit = NextDigit(text, 0); digit >= 0; digit = NextDigit(text, Math.Max(digit + 1, tried)))
        {
            for (var start = Math.Max(tried, digit - MaxLeadBeforeDigit); start <= digit; start++)
            {
                if (MayStart(text, start) && MatchLengthAt(text, start) is var length and > 0)
                {
                    values.Add(new TextRange(start, length));
                    tried = start + length; // past this digit: the match holds it
                    break;
                }
            }

            tried = Math.Max(tried, digit + 1);
        }
    }

    /// <summary>The length of the match that starts at <paramref name="start"/>, or 0 (every match has a digit).</summary>
    private static int MatchLengthAt(string text, int start)
    {
        foreach (var match in ValueAt().EnumerateMatches(text, start))
        {
            return match.Length;
        }

        return 0;
    }

    /// <summary>
    /// Whether a match may start at <paramref name="position"/>: a cheap look at what the pattern needs there, so
    /// that the regex runs at few of the article's numbers (years, counts, designations have no scale or currency).
    /// </summary>
    private static bool MayStart(string text, int position)
    {
        var c = text[position];
        if (char.IsDigit(c))
        {
            return (position == 0 || !char.IsDigit(text[position - 1])) && ScaleMayFollow(text, position);
        }

        if (!Leads.Contains(c))
        {
            return false;
        }

        if (c is '$' or '€' or '£' or '¥' or '₹')
        {
            return true;
        }

        foreach (var code in CodeLeads)
        {
            if (text.AsSpan(position).StartsWith(code, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the figure at <paramref name="start"/> may be followed by a scale word, which a match that starts on
    /// a digit needs: after the digits (and any decimals) and at most one whitespace character, a "b", "m" or "t".
    /// </summary>
    private static bool ScaleMayFollow(string text, int start)
    {
        var i = start;
        while (i < text.Length && (char.IsDigit(text[i]) || text[i] == ','))
        {
            i++;
        }

        if (i + 1 < text.Length && text[i] == '.' && char.IsDigit(text[i + 1]))
        {
            for (i += 2; i < text.Length && char.IsDigit(text[i]); i++)
            {
            }
        }

        if (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i < text.Length && text[i] is 'b' or 'm' or 't';
    }

    /// <summary>The first decimal digit at or after <paramref name="from"/> as \d reads it, in any script; -1 when there is none.</summary>
    private static int NextDigit(string text, int from)
    {
        var ascii = text.AsSpan(from).IndexOfAnyInRange('0', '9');
        var end = ascii < 0 ? text.Length : from + ascii;

        // A digit of another script ("٣", "३") is never ASCII: only the non-ASCII characters before need a look.
        for (var i = from; i < end; i++)
        {
            var other = text.AsSpan(i, end - i).IndexOfAnyExceptInRange('\0', '\u007F');
            if (other < 0)
            {
                break;
            }

            i += other;
            if (char.IsDigit(text[i]))
            {
                return i;
            }
        }

        return ascii < 0 ? -1 : end;
    }

    /// <summary>A stated value: a currency sign or code before the figure, or a scale and a currency word after it.</summary>
    internal const string ValuePattern =
        """(?:(?<![\w$])(?:US|U\.S\.|A|C|NZ|HK|S)?\$|€|£|¥|₹|\b(?:USD|EUR|GBP|INR|RMB|Rs\.?)\s?)\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:billion|million|trillion|thousand|bn|mn|mln|m|k|crore|lakh)\b)?|\b\d[\d,]*(?:\.\d+)?\s?(?:billion|million|trillion|bn|bln|mln|mn)\s+(?:(?:U\.S\.|US|American|Australian|Canadian|Singapore|Hong\s+Kong)\s+)?(?:dollars|dlrs|dlr|euros?|pounds(?:\s+sterling)?|rupees|roubles|rubles|yuan|won|yen|shekels|riyals|dirhams|kronor|kroner|krona|francs|lira|zlotys?)\b""";

    internal const RegexOptions ValueOptions = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    [GeneratedRegex(ValuePattern, ValueOptions, matchTimeoutMilliseconds: 2000)]
    public static partial Regex Value();

    /// <summary><see cref="ValuePattern"/> anchored where the search starts (\G).</summary>
    [GeneratedRegex(@"\G(?:" + ValuePattern + ")", ValueOptions, matchTimeoutMilliseconds: 2000)]
    private static partial Regex ValueAt();
}
