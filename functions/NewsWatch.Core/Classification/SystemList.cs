using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using NewsWatch.Feeds;

namespace NewsWatch.Classification;

/// <summary>
/// The systems an assessment lists: named systems first, best sentence first, each once with the first count
/// written before it; a generic noun ("two submarines") only when no named system of its category is listed,
/// and "arms"/"weapons" only when nothing more specific is. A generic noun someone already owns ("jets for
/// its navy's aircraft carriers") is where the named system goes, not what is transferred.
/// </summary>
/// <remarks>
/// Runs once per article over a handful of hits, so it works in plain loops and allocates little beyond what it
/// returns: a generic noun's name becomes a string only the first time it is seen.
/// </remarks>
internal static partial class SystemList
{
    // Generic nouns longer than this are normalised on the heap; none in the lexicons comes close.
    private const int MaxStackName = 128;

    public static List<WeaponSystemMention> Build(ArticleScan scan, int max)
    {
        // Named systems, then the generic nouns that qualify. Each entry comes from a distinct hit, so this
        // capacity is never outgrown.
        var systems = new List<WeaponSystemMention>(scan.Weapons.Count);
        List<WeaponSystemMention>? generic = null;
        List<WeaponSystemMention>? possessed = null;
        var weapons = CollectionsMarshal.AsSpan(scan.Weapons);
        if (scan.BestSentence < 0)
        {
            foreach (var hit in weapons)
            {
                Read(scan, hit, systems, ref generic, ref possessed);
            }
        }
        else
        {
            // The best sentence's weapons first, then the title's. Other sentences count only when these two
            // name no system: "Russia delivered 70 Mi-17s between 1996 and 2010", after the news of a Mi-35 sale,
            // is past context, not a second deal.
            var best = scan.Article.Sentences[scan.BestSentence];
            var title = new TextRange(0, scan.Article.TitleLength);
            var dealNamesSystem = false;
            foreach (var hit in weapons)
            {
                if (best.Contains(hit.Start))
                {
                    Read(scan, hit, systems, ref generic, ref possessed);
                    dealNamesSystem |= hit.Item.Category != WeaponCategory.Other;
                }
            }

            foreach (var hit in weapons)
            {
                if (!best.Contains(hit.Start) && title.Contains(hit.Start))
                {
                    Read(scan, hit, systems, ref generic, ref possessed);
                    dealNamesSystem |= hit.Item.Category != WeaponCategory.Other;
                }
            }

            if (!dealNamesSystem)
            {
                foreach (var hit in weapons)
                {
                    if (!best.Contains(hit.Start) && !title.Contains(hit.Start))
                    {
                        Read(scan, hit, systems, ref generic, ref possessed);
                    }
                }
            }
        }

        if (generic is null)
        {
            return Truncated(systems, max);
        }

        if (systems.Count > 0 && possessed is not null)
        {
            for (var i = generic.Count - 1; i >= 0; i--)
            {
                if (possessed.Contains(generic[i]))
                {
                    generic.RemoveAt(i);
                }
            }
        }

        var specific = false;
        foreach (var mention in systems)
        {
            specific |= mention.Category != WeaponCategory.Other;
        }

        foreach (var mention in generic)
        {
            if (mention.Category != WeaponCategory.Other && !HasCategory(systems, mention.Category))
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

        return Truncated(systems, max);
    }

    private static List<WeaponSystemMention> Truncated(List<WeaponSystemMention> systems, int max)
    {
        if (systems.Count > max)
        {
            systems.RemoveRange(max, systems.Count - max);
        }

        return systems;
    }

    /// <summary>Reads one weapon mention's count and files it as a named system or a generic noun.</summary>
    private static void Read(
        ArticleScan scan,
        Hit<WeaponTerm> hit,
        List<WeaponSystemMention> named,
        ref List<WeaponSystemMention>? generic,
        ref List<WeaponSystemMention>? possessed)
    {
        var term = hit.Item;
        var text = scan.Article.Full;
        var sentence = scan.Article.SentenceAt(hit.Start);
        var floor = sentence >= 0 ? scan.Article.Sentences[sentence].Start : 0;
        var quantity = QuantityReader.Before(text, hit.Start, floor);
        if (term.IsNamed)
        {
            Add(named, term.Name, term.Category, quantity);
            return;
        }

        generic ??= new List<WeaponSystemMention>(scan.Weapons.Count);
        var name = GenericName(text.AsSpan(hit.Start, hit.Length), generic);
        Add(generic, name, term.Category, quantity);
        if (Possessive().IsMatch(LastWords(text.AsSpan(floor, hit.Start - floor), PossessiveWords)))
        {
            (possessed ??= []).Add(new WeaponSystemMention(name, term.Category, quantity));
        }
    }

    private static void Add(List<WeaponSystemMention> list, string name, string category, int? quantity)
    {
        if (!Merged(list, name, quantity))
        {
            list.Add(new WeaponSystemMention(name, category, quantity));
        }
    }

    private static void Add(List<WeaponSystemMention> list, WeaponSystemMention mention)
    {
        if (!Merged(list, mention.Name, mention.Quantity))
        {
            list.Add(mention);
        }
    }

    // Same system twice: keep the first, but take a count from a later mention if the first had none.
    private static bool Merged(List<WeaponSystemMention> list, string name, int? quantity)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i].Name, name, StringComparison.Ordinal))
            {
                if (list[i].Quantity is null && quantity is not null)
                {
                    list[i] = list[i] with { Quantity = quantity };
                }

                return true;
            }
        }

        return false;
    }

    private static bool HasCategory(List<WeaponSystemMention> list, string category)
    {
        foreach (var mention in list)
        {
            if (mention.Category == category)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A generic noun as listed, lower case with single spaces ("Fighter  Jets" is "fighter jets"): normalised
    /// on the stack and compared with the nouns seen so far, so a repeated noun costs no string.
    /// </summary>
    private static string GenericName(ReadOnlySpan<char> surface, List<WeaponSystemMention> seen)
    {
        var buffer = surface.Length <= MaxStackName ? stackalloc char[MaxStackName] : new char[surface.Length];
        surface.ToLowerInvariant(buffer);
        var name = buffer[..HtmlText.CollapseInPlace(buffer[..surface.Length])];
        foreach (var mention in seen)
        {
            if (name.SequenceEqual(mention.Name))
            {
                return mention.Name;
            }
        }

        return name.ToString();
    }

    /// <summary>
    /// The end of <paramref name="text"/> from the start of its last <paramref name="count"/> words (runs of
    /// non-whitespace), or all of it when it has fewer.
    /// </summary>
    private static ReadOnlySpan<char> LastWords(ReadOnlySpan<char> text, int count)
    {
        var start = text.Length;
        for (var word = 0; word < count && start > 0; word++)
        {
            while (start > 0 && char.IsWhiteSpace(text[start - 1]))
            {
                start--;
            }

            while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
            {
                start--;
            }
        }

        return text[start..];
    }

    // A possessive match spans at most four words (the possessor, two words, "and"/"or"), so it starts in the last
    // four: only they go to the regex, which would otherwise try every position of the sentence. A cut after
    // whitespace (\s is char.IsWhiteSpace) leaves the match, and every \b in it, as it was.
    private const int PossessiveWords = 4;

    // "its navy's ", "their ", "their existing helicopters and ": a possessor right before the noun (at most two
    // words between, plus a coordination).
    [GeneratedRegex(@"(?:\b(?:its|their|his|her|our)|['’]s)\s+(?:[\w-]+\s+){0,2}(?:(?:and|or)\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Possessive();
}
