namespace NewsWatch.Classification.Language;

/// <summary>
/// What Language's entities and key phrases may add to a local assessment, conservatively: they fill gaps,
/// they never overrule the lexicons and never change relevance or the score.
/// <list type="bullet">
/// <item><b>A missing party.</b> Only when exactly one of supplier/recipient is unknown. Location entities
/// (GPE or no subcategory) resolve through the country lexicon (names, aliases, capitals, demonyms, in any
/// case); Organization entities through the party lexicons (a maker or agency stands for its country, "Indian
/// Navy" for India; intergovernmental bodies are never a party to a sale). Parties the assessment already
/// names anywhere (supplier, recipient, other party evidence) are not new. Exactly one new party fills the
/// role; two or more are ambiguous and fill nothing.</item>
/// <item><b>A named system.</b> Only when the assessment lists none (just generic nouns or nothing). A
/// Product entity or key phrase naming a lexicon system adds it; a designation the lexicons do not know
/// ("VX-42", a token with letters and digits) is added only when a category noun of the lexicon directly
/// follows it ("VX-42 fighter jets"), which gives its category. A generic noun of the same category then
/// gives way to it (handing on its count), as in the local system list.</item>
/// </list>
/// Entities below the confidence floor are ignored. Every addition comes with its span as evidence.
/// </summary>
internal static class EntityEnrichment
{
    private const int MaxSystems = 8;
    private const int MaxDesignationLength = 40;
    private const int MaxDesignationWords = 4;

    public static EnrichmentGaps GapsOf(DealAssessment assessment, Lexicon lexicon)
    {
        string? missing = (assessment.Supplier, assessment.Recipient) switch
        {
            (null, not null) => "supplier",
            (not null, null) => "recipient",
            _ => null,
        };
        return new EnrichmentGaps(missing, !assessment.Systems.Any(s => !IsGeneric(s, lexicon)));
    }

    public static EnrichmentOutcome Apply(
        DealAssessment local,
        EnrichmentGaps gaps,
        string text,
        IReadOnlyList<LanguageEntity> entities,
        IReadOnlyList<string> keyPhrases,
        Lexicon lexicon,
        double minConfidence)
    {
        var confident = entities.Where(e => e.ConfidenceScore >= minConfidence).ToList();
        var assessment = local;
        string? party = null;
        if (gaps.MissingRole is { } role && NewParty(local, confident, lexicon) is { } found)
        {
            party = found.Party;
            assessment = role == "supplier" ? assessment with { Supplier = found.Party } : assessment with { Recipient = found.Party };
            assessment = assessment with { Evidence = InsertRoleEvidence(assessment.Evidence, new Evidence(role, found.Span)) };
        }

        var added = new List<(WeaponSystemMention System, string Span)>();
        if (gaps.NoNamedSystem)
        {
            foreach (var entity in confident.Where(e => e.Category == "Product"))
            {
                if ((SystemIn(entity.Text, lexicon) ?? DesignatedBeforeNoun(entity, text, lexicon)) is { } system)
                {
                    AddNew(added, local.Systems, system, entity.Text);
                }
            }

            foreach (var phrase in keyPhrases)
            {
                if ((SystemIn(phrase, lexicon) ?? DesignatedPhrase(phrase, lexicon)) is { } system)
                {
                    AddNew(added, local.Systems, system, phrase);
                }
            }

            if (added.Count > 0)
            {
                assessment = assessment with
                {
                    Systems = MergeSystems(local.Systems, added.Select(a => a.System).ToList(), lexicon),
                    Evidence = [.. added.Select(a => new Evidence("system", a.Span)), .. assessment.Evidence],
                };
            }
        }

        return new EnrichmentOutcome(assessment, party is null ? null : gaps.MissingRole, party, [.. added.Select(a => a.System.Name)]);
    }

    /// <summary>The one party the entities name that the assessment does not, or null when there is none or more than one.</summary>
    private static (string Party, string Span)? NewParty(DealAssessment local, List<LanguageEntity> entities, Lexicon lexicon)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        AddIfNotNull(known, local.Supplier);
        AddIfNotNull(known, local.Recipient);
        foreach (var evidence in local.Evidence.Where(e => e.Kind is "supplier" or "recipient" or "party"))
        {
            if (lexicon.TryResolveCountry(evidence.Text, out var country))
            {
                known.Add(country);
            }

            foreach (var hit in Find(lexicon.Parties, evidence.Text))
            {
                known.Add(hit.Item.Name);
            }
        }

        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entity in entities)
        {
            if (PartyOf(entity, lexicon) is { } party && !known.Contains(party))
            {
                found.TryAdd(party, entity.Text);
            }
        }

        return found.Count == 1 ? (found.First().Key, found.First().Value) : null;
    }

    private static string? PartyOf(LanguageEntity entity, Lexicon lexicon)
    {
        if (entity.Category == "Location" && entity.Subcategory is null or "GPE")
        {
            return lexicon.TryResolveCountry(entity.Text, out var country) ? country : null;
        }

        if (entity.Category == "Organization")
        {
            var hits = Find(lexicon.Parties, entity.Text).Where(h => h.Item.Kind != PartyKind.Intergovernmental).ToList();
            var organisation = hits.FirstOrDefault(h => h.Item.IsOrganisation);
            return organisation.Item?.Name ?? hits.FirstOrDefault().Item?.Name;
        }

        return null;
    }

    private static void AddIfNotNull(HashSet<string> set, string? value)
    {
        if (value is not null)
        {
            set.Add(value);
        }
    }

    /// <summary>The role span goes with the other role spans: before the first span of a later kind.</summary>
    private static List<Evidence> InsertRoleEvidence(IReadOnlyList<Evidence> evidence, Evidence role)
    {
        var list = evidence.ToList();
        var index = list.FindIndex(e => e.Kind is "party" or "value" or "negative");
        list.Insert(index < 0 ? list.Count : index, role);
        return list;
    }

    private static WeaponSystemMention? SystemIn(string text, Lexicon lexicon)
    {
        var named = Find(lexicon.Weapons, text).FirstOrDefault(h => h.Item.IsNamed).Item;
        return named is null ? null : new WeaponSystemMention(named.Name, named.Category, null);
    }

    /// <summary>"VX-42" followed in the text by "fighter jets": the designation, of the noun's category.</summary>
    private static WeaponSystemMention? DesignatedBeforeNoun(LanguageEntity entity, string text, Lexicon lexicon)
    {
        var end = entity.Offset + entity.Length;
        if (entity.Offset < 0 || end > text.Length || !IsDesignation(entity.Text, lexicon))
        {
            return null;
        }

        var next = end;
        while (next < text.Length && next - end < 2 && text[next] == ' ')
        {
            next++;
        }

        if (next == end || next >= text.Length)
        {
            return null;
        }

        var window = text.Substring(next, Math.Min(60, text.Length - next));
        var noun = Find(lexicon.Weapons, window).FirstOrDefault(h => h.Start == 0);
        return noun.Item is { IsNamed: false } term && term.Category != WeaponCategory.Other
            ? new WeaponSystemMention(entity.Text.Trim(), term.Category, null)
            : null;
    }

    /// <summary>"12 VX-42 fighter jets" as one key phrase: the designation, the noun's category, the count.</summary>
    private static WeaponSystemMention? DesignatedPhrase(string phrase, Lexicon lexicon)
    {
        var trimmed = phrase.Trim();
        var noun = Find(lexicon.Weapons, trimmed).LastOrDefault();
        if (noun.Item is not { IsNamed: false } term || term.Category == WeaponCategory.Other || noun.End != trimmed.Length || noun.Start == 0)
        {
            return null;
        }

        var words = trimmed[..noun.Start].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        int? quantity = null;
        if (words.Count > 1 && int.TryParse(words[0], out var count) && count > 0)
        {
            quantity = count;
            words.RemoveAt(0);
        }

        var designation = string.Join(' ', words);
        return IsDesignation(designation, lexicon) ? new WeaponSystemMention(designation, term.Category, quantity) : null;
    }

    /// <summary>A model designation: a few words of letters, digits and - / . with a word mixing letters and digits ("KF-21", "Type 054A", "F-16 Block 70").</summary>
    private static bool IsDesignation(string text, Lexicon lexicon)
    {
        var trimmed = text.Trim();
        if (trimmed.Length is < 2 or > MaxDesignationLength || lexicon.TryResolveCountry(trimmed, out _))
        {
            return false;
        }

        var words = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= MaxDesignationWords &&
            words.All(w => w.All(c => char.IsLetterOrDigit(c) || c is '-' or '/' or '.')) &&
            words.Any(w => w.Any(char.IsLetter) && w.Any(char.IsDigit));
    }

    private static void AddNew(List<(WeaponSystemMention System, string Span)> added, IReadOnlyList<WeaponSystemMention> existing, WeaponSystemMention system, string span)
    {
        if (!existing.Any(s => SameName(s, system)) && !added.Any(a => SameName(a.System, system)))
        {
            added.Add((system, span));
        }
    }

    private static bool SameName(WeaponSystemMention a, WeaponSystemMention b) => string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);

    /// <summary>New named systems first; a generic noun of a category now named gives way (and its count), "arms"-like ones give way to anything specific.</summary>
    private static List<WeaponSystemMention> MergeSystems(IReadOnlyList<WeaponSystemMention> local, List<WeaponSystemMention> added, Lexicon lexicon)
    {
        var specific = added.Any(s => s.Category != WeaponCategory.Other);
        var remaining = local.Where(s => !(IsGeneric(s, lexicon) && (added.Any(a => a.Category == s.Category) || (specific && s.Category == WeaponCategory.Other)))).ToList();
        var named = added.Select(system =>
        {
            var generics = local.Where(s => s.Category == system.Category && s.Quantity is not null && IsGeneric(s, lexicon)).ToList();
            return system.Quantity is null && generics.Count == 1 ? system with { Quantity = generics[0].Quantity } : system;
        });
        return [.. named.Concat(remaining).Take(MaxSystems)];
    }

    /// <summary>A listed system is generic when the lexicon reads its name as a category noun ("fighter jets", "arms").</summary>
    private static bool IsGeneric(WeaponSystemMention system, Lexicon lexicon)
    {
        var hits = Find(lexicon.Weapons, system.Name);
        return hits.Count > 0 && hits.All(h => !h.Item.IsNamed);
    }

    private static List<Hit<T>> Find<T>(PhraseMatcher<T> matcher, string text)
        where T : class
    {
        var hits = new List<Hit<T>>();
        matcher.FindAll(text, hits);
        return hits;
    }
}
