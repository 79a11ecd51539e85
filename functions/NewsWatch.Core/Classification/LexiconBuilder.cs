using System.Text;
using System.Text.RegularExpressions;

namespace NewsWatch.Classification;

/// <summary>
/// Checks the lexicon files against each other and against the contract (categories are WeaponCategory
/// slugs, stages are DealStage names, every country named anywhere exists), then compiles the matchers.
/// A bad data file fails loudly here rather than classifying quietly wrong.
/// </summary>
internal static class LexiconBuilder
{
    // Systems are often written in the plural ("24 F-16s", "Rafales"); one suffix here spares every pattern it.
    private const string PluralSuffix = "(?:s|['’]s)?";

    public static Lexicon Build(
        CountriesFile countries,
        LexiconFile<SystemEntry> systems,
        LexiconFile<CategoryTermEntry> categoryTerms,
        LexiconFile<TransferTermEntry> transferTerms,
        LexiconFile<OrganisationEntry> organisations,
        LexiconFile<NegativeCueEntry> negativeCues)
    {
        CheckVersion(LexiconResources.Countries, countries.Version);
        CheckVersion(LexiconResources.Systems, systems.Version);
        CheckVersion(LexiconResources.CategoryTerms, categoryTerms.Version);
        CheckVersion(LexiconResources.TransferTerms, transferTerms.Version);
        CheckVersion(LexiconResources.Organisations, organisations.Version);
        CheckVersion(LexiconResources.NegativeCues, negativeCues.Version);

        var index = BuildCountryIndex(countries);
        var canonical = new HashSet<string>(countries.Entries.Select(c => c.Name), StringComparer.Ordinal);

        var parties = new PhraseMatcher<PartyRef>(CountryPatterns(countries).Concat(OrganisationPatterns(organisations, canonical)));
        var weapons = new PhraseMatcher<WeaponTerm>(SystemPatterns(systems, canonical).Concat(CategoryPatterns(categoryTerms)));
        // "US-supplied", "Russian-built": a transfer word glued to a modifier describes a weapon, it reports no transfer.
        var transfers = new PhraseMatcher<TransferTerm>(TransferPatterns(transferTerms, canonical), skipAfterHyphen: true);
        var negatives = new PhraseMatcher<NegativeCueEntry>(NegativePatterns(negativeCues));
        var codes = countries.Entries.ToDictionary(c => c.Name, c => c.Iso2, StringComparer.Ordinal);
        return new Lexicon(index, codes, parties, weapons, transfers, negatives);
    }

    private static void CheckVersion(string file, int version)
    {
        if (version != LexiconResources.SupportedVersion)
        {
            throw new InvalidDataException($"Lexicon {file} has version {version}; this build reads version {LexiconResources.SupportedVersion}.");
        }
    }

    private static Dictionary<string, string> BuildCountryIndex(CountriesFile countries)
    {
        var index = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var country in countries.Entries)
        {
            IEnumerable<string> keys =
            [
                country.Name, country.Iso2, country.Iso3,
                .. country.Aliases, .. country.TextCodes, .. country.Capitals, .. country.Demonyms,
            ];
            foreach (var key in keys)
            {
                // First writer wins, so a code that is also some other entry's alias stays with its own country.
                index.TryAdd(key, country.Name);
            }
        }

        return index;
    }

    private static IEnumerable<PhrasePattern<PartyRef>> CountryPatterns(CountriesFile countries)
    {
        foreach (var country in countries.Entries)
        {
            var party = new PartyRef(country.Name, PartyKind.Country);
            var adjective = party with { IsAdjective = true };
            foreach (var name in country.Aliases.Prepend(country.Name).Concat(country.Capitals))
            {
                yield return new PhrasePattern<PartyRef>(AsWrittenOrCapitals(name), party);
            }

            foreach (var demonym in country.Demonyms)
            {
                // "Russians", "Pakistanis": demonyms ending in -n or -i take a plural s; "Swiss", "French" do not.
                var plural = demonym.EndsWith('n') || demonym.EndsWith('i');
                yield return new PhrasePattern<PartyRef>(AsWrittenOrCapitals(demonym) + (plural ? "(?-i:s|S)?" : string.Empty), adjective);
            }

            foreach (var code in country.TextCodes)
            {
                yield return new PhrasePattern<PartyRef>("(?-i:" + Literal(code) + ")", adjective);
            }
        }

        foreach (var stop in countries.StopPhrases)
        {
            yield return new PhrasePattern<PartyRef>(AsWrittenOrCapitals(stop), null);
        }
    }

    private static IEnumerable<PhrasePattern<PartyRef>> OrganisationPatterns(LexiconFile<OrganisationEntry> file, HashSet<string> canonical)
    {
        foreach (var organisation in file.Entries)
        {
            var kind = organisation.Kind switch
            {
                "maker" => PartyKind.Maker,
                "agency" => PartyKind.Agency,
                "intergovernmental" => PartyKind.Intergovernmental,
                "armed_group" => PartyKind.ArmedGroup,
                _ => throw Invalid(LexiconResources.Organisations, organisation.Name, $"unknown kind \"{organisation.Kind}\""),
            };
            if (organisation.Country is { } country && !canonical.Contains(country))
            {
                throw Invalid(LexiconResources.Organisations, organisation.Name, $"country \"{country}\" is not a canonical country name");
            }

            var party = new PartyRef(organisation.Country ?? organisation.Name, kind);
            foreach (var pattern in Checked(LexiconResources.Organisations, organisation.Name, organisation.Patterns))
            {
                yield return new PhrasePattern<PartyRef>(CaseSensitive(pattern, organisation.CaseSensitive), party);
            }
        }
    }

    private static IEnumerable<PhrasePattern<WeaponTerm>> SystemPatterns(LexiconFile<SystemEntry> file, HashSet<string> canonical)
    {
        foreach (var system in file.Entries)
        {
            CheckCategory(LexiconResources.Systems, system.Name, system.Category);
            if (system.Origin is { } origin && !canonical.Contains(origin))
            {
                throw Invalid(LexiconResources.Systems, system.Name, $"origin \"{origin}\" is not a canonical country name");
            }

            var term = new WeaponTerm(system.Name, system.Category, system.Origin, IsNamed: true);
            foreach (var pattern in Checked(LexiconResources.Systems, system.Name, system.Patterns))
            {
                yield return new PhrasePattern<WeaponTerm>(CaseSensitive(pattern, system.CaseSensitive) + PluralSuffix, term);
            }
        }
    }

    private static IEnumerable<PhrasePattern<WeaponTerm>> CategoryPatterns(LexiconFile<CategoryTermEntry> file)
    {
        foreach (var entry in file.Entries)
        {
            CheckCategory(LexiconResources.CategoryTerms, entry.Name, entry.Category);
            var term = new WeaponTerm(entry.Name, entry.Category, Origin: null, IsNamed: false);
            foreach (var pattern in Checked(LexiconResources.CategoryTerms, entry.Name, entry.Patterns))
            {
                yield return new PhrasePattern<WeaponTerm>(pattern, term);
            }
        }
    }

    private static IEnumerable<PhrasePattern<TransferTerm>> TransferPatterns(LexiconFile<TransferTermEntry> file, HashSet<string> canonical)
    {
        foreach (var entry in file.Entries)
        {
            if (entry.Stage is { } stage && !DealStage.All.Contains(stage))
            {
                throw Invalid(LexiconResources.TransferTerms, entry.Name, $"unknown stage \"{stage}\"");
            }

            var direction = entry.Direction switch
            {
                null => TransferDirection.None,
                "supply" => TransferDirection.Supply,
                "acquire" => TransferDirection.Acquire,
                _ => throw Invalid(LexiconResources.TransferTerms, entry.Name, $"unknown direction \"{entry.Direction}\""),
            };
            if (entry.ImpliedSupplier is { } implied && !canonical.Contains(implied))
            {
                throw Invalid(LexiconResources.TransferTerms, entry.Name, $"impliedSupplier \"{implied}\" is not a canonical country name");
            }

            if (entry.Weight is <= 0 or > 5)
            {
                throw Invalid(LexiconResources.TransferTerms, entry.Name, "weight must be in (0, 5]");
            }

            var term = new TransferTerm(entry.Name, entry.Stage, direction, entry.Weight, entry.ImpliedSupplier);
            foreach (var pattern in Checked(LexiconResources.TransferTerms, entry.Name, entry.Patterns))
            {
                yield return new PhrasePattern<TransferTerm>(pattern, term);
            }
        }
    }

    private static IEnumerable<PhrasePattern<NegativeCueEntry>> NegativePatterns(LexiconFile<NegativeCueEntry> file)
    {
        foreach (var cue in file.Entries)
        {
            if (cue.Weight is <= 0 or > 6)
            {
                throw Invalid(LexiconResources.NegativeCues, cue.Name, "weight must be in (0, 6]");
            }

            foreach (var pattern in Checked(LexiconResources.NegativeCues, cue.Name, cue.Patterns))
            {
                yield return new PhrasePattern<NegativeCueEntry>(CaseSensitive(pattern, cue.CaseSensitive), cue);
            }
        }
    }

    private static void CheckCategory(string file, string entry, string category)
    {
        if (!WeaponCategory.All.Contains(category))
        {
            throw Invalid(file, entry, $"category \"{category}\" is not a WeaponCategory slug");
        }
    }

    private static IEnumerable<string> Checked(string file, string entry, IReadOnlyList<string> patterns)
    {
        if (patterns.Count == 0)
        {
            throw Invalid(file, entry, "has no patterns");
        }

        foreach (var pattern in patterns)
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant);
            }
            catch (ArgumentException e)
            {
                throw Invalid(file, entry, $"pattern \"{pattern}\" is not a valid regex: {e.Message}");
            }

            yield return pattern;
        }
    }

    private static InvalidDataException Invalid(string file, string entry, string problem) =>
        new($"Lexicon {file}, entry \"{entry}\": {problem}.");

    private static string CaseSensitive(string pattern, bool caseSensitive) =>
        caseSensitive ? "(?-i:" + pattern + ")" : pattern;

    /// <summary>
    /// A proper name matches as written or in capitals (headlines), never in lower case: that keeps
    /// "turkey", "chad" and "china plates" from naming countries.
    /// </summary>
    private static string AsWrittenOrCapitals(string name)
    {
        var upper = name.ToUpperInvariant();
        return upper == name
            ? "(?-i:" + Literal(name) + ")"
            : "(?-i:" + Literal(name) + "|" + Literal(upper) + ")";
    }

    /// <summary>Escapes a literal, letting any run of spaces match any whitespace and ' match ’.</summary>
    private static string Literal(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (builder.Length > 0)
            {
                builder.Append(@"\s+");
            }

            builder.Append(Regex.Escape(part).Replace("'", "['’]", StringComparison.Ordinal));
        }

        return builder.ToString();
    }
}
