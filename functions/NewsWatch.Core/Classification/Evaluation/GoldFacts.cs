namespace NewsWatch.Classification.Evaluation;

/// <summary>
/// Reads the free-text facts of a labelled item and decides whether the classifier's facts agree with them.
/// Labels name parties as people write them: "Denmark; United States" (either is right), "EADS
/// (France/Germany/Spain)" (the maker or any of its countries), "Russia (private arms dealer)", "the UK".
/// Names are compared through the lexicon, so "U.S." and "United States" agree.
/// </summary>
public sealed class GoldFacts(Lexicon lexicon)
{
    private static readonly char[] PartSeparators = [';', '/', ','];

    /// <summary>True when the predicted party is one the label names (null label: not judged, see <see cref="IsJudged"/>).</summary>
    public bool PartyMatches(string? gold, string? predicted)
    {
        if (predicted is null || gold is null)
        {
            return false;
        }

        var wanted = Canonical(predicted);
        return Parties(gold).Any(p => p.Equals(wanted, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A fact is judged when the label states it: a null label is not held against the classifier.</summary>
    public static bool IsJudged(string? gold) => !string.IsNullOrWhiteSpace(gold);

    /// <summary>
    /// True when the predicted systems name what the label names: the same designation (through the lexicon,
    /// so "Mil Mi-17 helicopters" and "Mi-17" agree), or, when the label names no designation, the same
    /// category ("fighter aircraft" and a predicted F-16 are both aircraft); a label the lexicon cannot read
    /// at all is compared as text.
    /// </summary>
    public static bool SystemMatches(string? gold, IReadOnlyList<WeaponSystemMention> predicted, IReadOnlyList<WeaponSystemMention> goldSystems)
    {
        if (gold is null || predicted.Count == 0)
        {
            return false;
        }

        var goldNamed = goldSystems.Where(IsNamed).Select(s => s.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (goldNamed.Count > 0)
        {
            return predicted.Any(p => goldNamed.Contains(p.Name));
        }

        if (goldSystems.Count > 0)
        {
            var categories = goldSystems.Select(s => s.Category).ToHashSet(StringComparer.Ordinal);
            return predicted.Any(p => categories.Contains(p.Category));
        }

        return predicted.Any(p => gold.Contains(p.Name, StringComparison.OrdinalIgnoreCase) || p.Name.Contains(gold, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>True when the stage agrees; an embargo label is also met by the embargo reported beside a transfer stage.</summary>
    public static bool StageMatches(string? gold, DealAssessment predicted) =>
        gold is not null && (gold == predicted.Stage || (DealStage.IsEmbargo(gold) && gold == "embargo_" + predicted.Embargo));

    /// <summary>
    /// A named system (a designation such as "Mi-35") rather than a category noun ("attack helicopters"):
    /// the classifier reports category nouns under their own words, which contain no digit and are lower case.
    /// </summary>
    private static bool IsNamed(WeaponSystemMention system) =>
        system.Name.Any(char.IsDigit) || system.Name.Any(char.IsUpper);

    private IEnumerable<string> Parties(string gold)
    {
        foreach (var part in gold.Split(PartSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // "EADS (France" → the maker, then "Germany", "Spain)"; "Russia (private arms dealer)" → Russia.
            var open = part.IndexOf('(', StringComparison.Ordinal);
            var outside = open < 0 ? part : part[..open];
            var inside = open < 0 ? "" : part[(open + 1)..];
            foreach (var name in new[] { outside, inside.TrimEnd(')') })
            {
                var trimmed = name.Trim().TrimEnd(')').Trim();
                if (trimmed.Length > 0)
                {
                    yield return Canonical(trimmed);
                }
            }
        }
    }

    private string Canonical(string name) => lexicon.TryResolveCountry(name, out var country) ? country : name.Trim();
}
