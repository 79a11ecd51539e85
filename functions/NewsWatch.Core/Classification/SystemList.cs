using System.Text.RegularExpressions;

namespace NewsWatch.Classification;

/// <summary>
/// The systems an assessment lists: named systems first, best sentence first, each once with the first count
/// written before it; a generic noun ("two submarines") only when no named system of its category is listed,
/// and "arms"/"weapons" only when nothing more specific is. A generic noun someone already owns ("jets for
/// its navy's aircraft carriers") is where the named system goes, not what is transferred.
/// </summary>
internal static partial class SystemList
{
    public static List<WeaponSystemMention> Build(ArticleScan scan, int max)
    {
        var named = new List<WeaponSystemMention>();
        var generic = new List<WeaponSystemMention>();
        var possessed = new HashSet<WeaponSystemMention>();
        foreach (var hit in InReadingOrder(scan))
        {
            var term = hit.Item;
            var sentence = scan.Article.SentenceAt(hit.Start);
            var floor = sentence >= 0 ? scan.Article.Sentences[sentence].Start : 0;
            var quantity = QuantityReader.Before(scan.Article.Full, hit.Start, floor);
            var name = term.IsNamed ? term.Name : Normalise(scan.Article.Full.AsSpan(hit.Start, hit.Length));
            var mention = new WeaponSystemMention(name, term.Category, quantity);
            Add(term.IsNamed ? named : generic, mention);
            if (!term.IsNamed && Possessive().IsMatch(scan.Article.Full.AsSpan(floor, hit.Start - floor)))
            {
                possessed.Add(mention);
            }
        }

        if (named.Count > 0)
        {
            generic.RemoveAll(m => possessed.Contains(m));
        }

        var systems = new List<WeaponSystemMention>(named);
        var specific = false;
        foreach (var mention in systems)
        {
            specific |= mention.Category != WeaponCategory.Other;
        }

        foreach (var mention in generic)
        {
            if (mention.Category != WeaponCategory.Other && !systems.Exists(s => s.Category == mention.Category))
            {
                Add(systems, mention);
                specific = true;
            }
        }

        if (!specific)
        {
            foreach (var mention in generic)
            {
                if (mention.Category == WeaponCategory.Other)
                {
                    Add(systems, mention);
                }
            }
        }

        return systems.Count > max ? systems.GetRange(0, max) : systems;
    }

    /// <summary>
    /// The best sentence's weapons first, then the title's. Other sentences count only when these two name no
    /// system: "Russia delivered 70 Mi-17s between 1996 and 2010", after the news of a Mi-35 sale, is past
    /// context, not a second deal.
    /// </summary>
    private static IEnumerable<Hit<WeaponTerm>> InReadingOrder(ArticleScan scan)
    {
        if (scan.BestSentence < 0)
        {
            return scan.Weapons;
        }

        var best = scan.Article.Sentences[scan.BestSentence];
        var title = new TextRange(0, scan.Article.TitleLength);
        var deal = scan.Weapons.Where(h => best.Contains(h.Start)).Concat(scan.Weapons.Where(h => !best.Contains(h.Start) && title.Contains(h.Start))).ToList();
        return deal.Exists(h => h.Item.Category != WeaponCategory.Other)
            ? deal
            : deal.Concat(scan.Weapons.Where(h => !best.Contains(h.Start) && !title.Contains(h.Start)));
    }

    // Same system twice: keep the first, but take a count from a later mention if the first had none.
    private static void Add(List<WeaponSystemMention> list, WeaponSystemMention mention)
    {
        var index = list.FindIndex(m => string.Equals(m.Name, mention.Name, StringComparison.Ordinal));
        if (index < 0)
        {
            list.Add(mention);
        }
        else if (list[index].Quantity is null && mention.Quantity is not null)
        {
            list[index] = list[index] with { Quantity = mention.Quantity };
        }
    }

    // "its navy's ", "their ", "their existing helicopters and ": a possessor right before the noun (at most two
    // words between, plus a coordination).
    [GeneratedRegex(@"(?:\b(?:its|their|his|her|our)|['’]s)\s+(?:[\w-]+\s+){0,2}(?:(?:and|or)\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Possessive();

    private static string Normalise(ReadOnlySpan<char> surface) =>
        string.Join(' ', surface.ToString().ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
