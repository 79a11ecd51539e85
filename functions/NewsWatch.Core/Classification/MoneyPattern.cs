using System.Text.RegularExpressions;

namespace NewsWatch.Classification;

/// <summary>Stated deal values as written: "$1.2 billion", "€300m", "£19.6bn", "164.2 mln dlrs", "3 billion euros".</summary>
internal static partial class MoneyPattern
{
    [GeneratedRegex(
        """(?:(?<![\w$])(?:US|U\.S\.|A|C|NZ|HK|S)?\$|€|£|¥|₹|\b(?:USD|EUR|GBP|INR|RMB|Rs\.?)\s?)\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:billion|million|trillion|thousand|bn|mn|mln|m|k|crore|lakh)\b)?|\b\d[\d,]*(?:\.\d+)?\s?(?:billion|million|trillion|bn|bln|mln|mn)\s+(?:(?:U\.S\.|US|American|Australian|Canadian|Singapore|Hong\s+Kong)\s+)?(?:dollars|dlrs|dlr|euros?|pounds(?:\s+sterling)?|rupees|roubles|rubles|yuan|won|yen|shekels|riyals|dirhams|kronor|kroner|krona|francs|lira|zlotys?)\b""",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        matchTimeoutMilliseconds: 2000)]
    public static partial Regex Value();
}
