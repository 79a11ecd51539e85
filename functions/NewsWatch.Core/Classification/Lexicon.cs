namespace NewsWatch.Classification;

/// <summary>
/// The classifier's vocabulary: countries, weapon systems and category nouns, transfer terms, organisations
/// and negative cues, read once from the embedded JSON lexicons and compiled into matchers. Immutable and
/// safe to share between threads.
/// </summary>
public sealed class Lexicon
{
    private static readonly Lazy<Lexicon> Embedded = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    // Names, codes, capitals and demonyms to canonical names, for user input: built on first use, since classifying
    // never asks (it reads the matchers), and thousands of keys hashed without regard to case cost the load time.
    private readonly Lazy<IReadOnlyDictionary<string, string>> _countryIndex;
    private readonly IReadOnlyDictionary<string, string> _codes;

    internal Lexicon(
        Func<IReadOnlyDictionary<string, string>> countryIndex,
        IReadOnlyDictionary<string, string> codes,
        PhraseMatcher<PartyRef> parties,
        PhraseMatcher<WeaponTerm> weapons,
        PhraseMatcher<TransferTerm> transfers,
        PhraseMatcher<NegativeCueEntry> negatives)
    {
        _countryIndex = new(countryIndex, LazyThreadSafetyMode.ExecutionAndPublication);
        _codes = codes;
        Parties = parties;
        Weapons = weapons;
        Transfers = transfers;
        Negatives = negatives;
        Scanner = new PhraseScanner(parties, weapons, transfers, negatives);
    }

    /// <summary>The lexicons embedded in this assembly, loaded on first use.</summary>
    public static Lexicon Default => Embedded.Value;

    internal PhraseMatcher<PartyRef> Parties { get; }

    internal PhraseMatcher<WeaponTerm> Weapons { get; }

    internal PhraseMatcher<TransferTerm> Transfers { get; }

    internal PhraseMatcher<NegativeCueEntry> Negatives { get; }

    /// <summary>Scans a text for the four matchers above at once; hit lists in that order.</summary>
    internal PhraseScanner Scanner { get; }

    /// <summary>
    /// Resolves a country name, alias, ISO 3166 alpha-2 or alpha-3 code, capital or demonym, in any case
    /// ("pakistan", "PK", "Islamabad", "Pakistani"), to its canonical name ("Pakistan").
    /// </summary>
    public bool TryResolveCountry(string text, out string canonicalName)
    {
        canonicalName = string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var key = text.Trim();
        if (Lookup(key, out canonicalName))
        {
            return true;
        }

        // "the Philippines", "the UK": the article is not part of the name.
        return key.StartsWith("the ", StringComparison.OrdinalIgnoreCase) && Lookup(key[4..].TrimStart(), out canonicalName);
    }

    /// <summary>The ISO 3166-1 alpha-2 code of a canonical country name ("Pakistan" → "PK"); null for anything else (the EU, a maker).</summary>
    public string? CountryCode(string? canonicalName) =>
        canonicalName is not null && _codes.TryGetValue(canonicalName, out var code) ? code : null;

    private bool Lookup(string key, out string canonicalName)
    {
        // A plural demonym ("Pakistanis") resolves like its singular.
        var index = _countryIndex.Value;
        if (index.TryGetValue(key, out var name) ||
            (key.Length > 4 && key.EndsWith('s') && index.TryGetValue(key[..^1], out name)))
        {
            canonicalName = name;
            return true;
        }

        canonicalName = string.Empty;
        return false;
    }

    internal static Lexicon LoadEmbedded() => LexiconBuilder.Build(
        LexiconResources.ReadCountries(),
        LexiconResources.ReadSystems(),
        LexiconResources.ReadCategoryTerms(),
        LexiconResources.ReadTransferTerms(),
        LexiconResources.ReadOrganisations(),
        LexiconResources.ReadNegativeCues());
}
