using NewsWatch.Classification;

namespace NewsWatch.Subscriptions;

/// <summary>
/// Filter values as people type them (the CLI's options, the preferences form): comma-separated, any case,
/// "Islamabad" for Pakistan. Each list comes back canonical and without repeats, or with one clear error.
/// </summary>
public static class FilterText
{
    private const int MaxEntries = 50;
    private const int MaxEntryLength = 80;

    public delegate bool Resolver(string text, out string canonical);

    public static bool TryCountries(IEnumerable<string?>? values, out string[] resolved, out string error) =>
        TryResolve(values, Lexicon.Default.TryResolveCountry, "country", out resolved, out error);

    public static bool TryCategories(IEnumerable<string?>? values, out string[] resolved, out string error) =>
        TryResolve(values, WeaponCategory.TryParse, "weapon category", out resolved, out error);

    public static bool TryStages(IEnumerable<string?>? values, out string[] resolved, out string error) =>
        TryResolve(values, TryParseStage, "deal stage", out resolved, out error);

    public static bool TrySystems(IEnumerable<string?>? values, out string[] resolved, out string error) =>
        TryResolve(values, AsWritten, "system", out resolved, out error);

    public static bool TryKeywords(IEnumerable<string?>? values, out string[] resolved, out string error) =>
        TryResolve(values, AsWritten, "keyword", out resolved, out error);

    private static bool AsWritten(string text, out string canonical)
    {
        canonical = text;
        return text.Length is > 0 and <= MaxEntryLength && !text.Any(char.IsControl);
    }

    private static bool TryParseStage(string text, out string canonical)
    {
        canonical = DealStage.All.FirstOrDefault(stage => string.Equals(stage, text.Replace(' ', '_').Replace('-', '_'), StringComparison.OrdinalIgnoreCase)) ?? "";
        return canonical.Length > 0;
    }

    private static bool TryResolve(IEnumerable<string?>? values, Resolver resolve, string what, out string[] resolved, out string error)
    {
        var result = new List<string>();
        foreach (var value in (values ?? []).SelectMany(v => (v ?? "").Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!resolve(value, out var canonical))
            {
                resolved = [];
                error = $"'{value}' is not a {what} NewsWatch knows";
                return false;
            }

            if (!result.Contains(canonical, StringComparer.OrdinalIgnoreCase))
            {
                result.Add(canonical);
            }
        }

        if (result.Count > MaxEntries)
        {
            resolved = [];
            error = $"at most {MaxEntries} entries of {what}";
            return false;
        }

        resolved = [.. result];
        error = "";
        return true;
    }
}
