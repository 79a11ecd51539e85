using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsWatch.Classification;

/// <summary>
/// A stated value read into an amount and an ISO 4217 currency: "$1.2 billion" → 1,200,000,000 USD,
/// "€300m" → 300,000,000 EUR, "164.2 mln dlrs" → 164,200,000 USD. A bare "$" is read as US dollars, as news
/// writes it; a currency the text leaves ambiguous ("kroner", "francs") keeps its amount and has no code.
/// </summary>
public static partial class MoneyValue
{
    private static readonly (string Sign, string Code)[] Signs =
    [
        ("US$", "USD"), ("U.S.$", "USD"), ("NZ$", "NZD"), ("HK$", "HKD"), ("A$", "AUD"), ("C$", "CAD"), ("S$", "SGD"),
        ("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY"), ("₹", "INR"),
        ("USD", "USD"), ("EUR", "EUR"), ("GBP", "GBP"), ("INR", "INR"), ("RMB", "CNY"), ("Rs", "INR"),
    ];

    private static readonly Dictionary<string, string?> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["dollars"] = "USD", ["dlrs"] = "USD", ["dlr"] = "USD", ["euro"] = "EUR", ["euros"] = "EUR", ["pounds"] = "GBP",
        ["rupees"] = "INR", ["roubles"] = "RUB", ["rubles"] = "RUB", ["yuan"] = "CNY", ["won"] = "KRW", ["yen"] = "JPY",
        ["shekels"] = "ILS", ["riyals"] = "SAR", ["dirhams"] = "AED", ["kronor"] = "SEK", ["krona"] = "SEK",
        ["lira"] = "TRY", ["zloty"] = "PLN", ["zlotys"] = "PLN", ["kroner"] = null, ["francs"] = null,
    };

    private static readonly Dictionary<string, string> DollarNations = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Australian"] = "AUD", ["Canadian"] = "CAD", ["Singapore"] = "SGD", ["Hong Kong"] = "HKD",
    };

    /// <summary>The amount and currency of a value as <see cref="DealAssessment.Value"/> quotes it; nulls for what cannot be read.</summary>
    public static (decimal? Amount, string? Currency) Parse(string? written)
    {
        if (string.IsNullOrWhiteSpace(written))
        {
            return (null, null);
        }

        var match = Number().Match(written);
        if (!match.Success || !decimal.TryParse(match.Groups["number"].Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return (null, null);
        }

        var amount = number * Multiplier(match.Groups["scale"].Value);
        var before = written[..match.Index].Trim();
        var after = written[(match.Index + match.Length)..].Trim();
        return (amount, CurrencyBefore(before) ?? CurrencyAfter(after));
    }

    private static string? CurrencyBefore(string before)
    {
        foreach (var (sign, code) in Signs)
        {
            if (before.EndsWith(sign, StringComparison.Ordinal) || before.StartsWith(sign, StringComparison.Ordinal))
            {
                return code;
            }
        }

        return null;
    }

    private static string? CurrencyAfter(string after)
    {
        var words = after.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var last = words.Length == 0 ? "" : words[^1];
        if (!Words.TryGetValue(last, out var code))
        {
            return null;
        }

        if (code == "USD")
        {
            var nation = string.Join(' ', words[..^1]);
            return DollarNations.TryGetValue(nation, out var other) ? other : code;
        }

        return code;
    }

    private static decimal Multiplier(string scale) => scale.ToUpperInvariant() switch
    {
        "TRILLION" => 1_000_000_000_000m,
        "BILLION" or "BN" or "BLN" => 1_000_000_000m,
        "MILLION" or "MN" or "MLN" or "M" => 1_000_000m,
        "CRORE" => 10_000_000m,
        "LAKH" => 100_000m,
        "THOUSAND" or "K" => 1_000m,
        _ => 1m,
    };

    [GeneratedRegex(@"(?<number>\d[\d,]*(?:\.\d+)?)\s?-?(?<scale>trillion|billion|million|thousand|bln|bn|mln|mn|crore|lakh|m|k)?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Number();
}
