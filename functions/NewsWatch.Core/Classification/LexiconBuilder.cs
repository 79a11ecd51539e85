using System.Runtime.CompilerServices;
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

        var canonical = new HashSet<string>(countries.Entries.Count, StringComparer.Ordinal);
        foreach (var country in countries.Entries)
        {
            canonical.Add(country.Name);
        }

        // Lists filled in file order (the matchers order patterns by length, keeping this order among equals),
        // with each pattern's body written once into one buffer.
        var body = new StringBuilder(256);
        var partyPatterns = new List<PhrasePattern<PartyRef>>(PatternCount(countries));
        AddCountryPatterns(countries, partyPatterns, body);
        AddOrganisationPatterns(organisations, canonical, partyPatterns, body);
        var weaponPatterns = new List<PhrasePattern<WeaponTerm>>();
        AddSystemPatterns(systems, canonical, weaponPatterns, body);
        AddCategoryPatterns(categoryTerms, weaponPatterns);
        var transferPatterns = new List<PhrasePattern<TransferTerm>>();
        AddTransferPatterns(transferTerms, canonical, transferPatterns);
        var negativePatterns = new List<PhrasePattern<NegativeCueEntry>>();
        AddNegativePatterns(negativeCues, negativePatterns, body);

        var parties = new PhraseMatcher<PartyRef>(partyPatterns);
        var weapons = new PhraseMatcher<WeaponTerm>(weaponPatterns);
        // "US-supplied", "Russian-built": a transfer word glued to a modifier describes a weapon, it reports no transfer.
        var transfers = new PhraseMatcher<TransferTerm>(transferPatterns, skipAfterHyphen: true);
        var negatives = new PhraseMatcher<NegativeCueEntry>(negativePatterns);
        var codes = new Dictionary<string, string>(countries.Entries.Count, StringComparer.Ordinal);
        foreach (var country in countries.Entries)
        {
            codes.Add(country.Name, country.Iso2);
        }

        return new Lexicon(() => BuildCountryIndex(countries), codes, parties, weapons, transfers, negatives);
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
        var index = new Dictionary<string, string>(PatternCount(countries) + (3 * countries.Entries.Count), StringComparer.OrdinalIgnoreCase);
        foreach (var country in countries.Entries)
        {
            // First writer wins, so a code that is also some other entry's alias stays with its own country.
            index.TryAdd(country.Name, country.Name);
            index.TryAdd(country.Iso2, country.Name);
            index.TryAdd(country.Iso3, country.Name);
            AddKeys(index, country.Aliases, country.Name);
            AddKeys(index, country.TextCodes, country.Name);
            AddKeys(index, country.Capitals, country.Name);
            AddKeys(index, country.Demonyms, country.Name);
        }

        return index;
    }

    private static void AddKeys(Dictionary<string, string> index, IReadOnlyList<string> keys, string name)
    {
        for (var k = 0; k < keys.Count; k++)
        {
            index.TryAdd(keys[k], name);
        }
    }

    /// <summary>How many patterns the countries file gives.</summary>
    private static int PatternCount(CountriesFile countries)
    {
        var count = countries.StopPhrases.Count;
        foreach (var country in countries.Entries)
        {
            count += 1 + country.Aliases.Count + country.Capitals.Count + country.Demonyms.Count + country.TextCodes.Count;
        }

        return count;
    }

    private static void AddCountryPatterns(CountriesFile countries, List<PhrasePattern<PartyRef>> patterns, StringBuilder body)
    {
        foreach (var country in countries.Entries)
        {
            var party = new PartyRef(country.Name, PartyKind.Country);
            var adjective = party with { IsAdjective = true };
            patterns.Add(AsWrittenOrCapitals(country.Name, body, party));
            foreach (var alias in country.Aliases)
            {
                patterns.Add(AsWrittenOrCapitals(alias, body, party));
            }

            foreach (var capital in country.Capitals)
            {
                patterns.Add(AsWrittenOrCapitals(capital, body, party));
            }

            foreach (var demonym in country.Demonyms)
            {
                // "Russians", "Pakistanis": demonyms ending in -n or -i take a plural s; "Swiss", "French" do not.
                var plural = demonym.EndsWith('n') || demonym.EndsWith('i');
                patterns.Add(AsWrittenOrCapitals(demonym, body, adjective, plural ? "(?-i:s|S)?" : null));
            }

            foreach (var code in country.TextCodes)
            {
                body.Clear().Append("(?-i:");
                AppendLiteral(body, code);
                patterns.Add(new(body.Append(')').ToString(), adjective));
            }
        }

        foreach (var stop in countries.StopPhrases)
        {
            patterns.Add(AsWrittenOrCapitals(stop, body, null));
        }
    }

    private static void AddOrganisationPatterns(LexiconFile<OrganisationEntry> file, HashSet<string> canonical, List<PhrasePattern<PartyRef>> patterns, StringBuilder body)
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
                patterns.Add(new(CaseSensitive(pattern, organisation.CaseSensitive, body), party));
            }
        }
    }

    private static void AddSystemPatterns(LexiconFile<SystemEntry> file, HashSet<string> canonical, List<PhrasePattern<WeaponTerm>> patterns, StringBuilder body)
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
                patterns.Add(new(CaseSensitive(pattern, system.CaseSensitive, body, PluralSuffix), term));
            }
        }
    }

    private static void AddCategoryPatterns(LexiconFile<CategoryTermEntry> file, List<PhrasePattern<WeaponTerm>> patterns)
    {
        foreach (var entry in file.Entries)
        {
            CheckCategory(LexiconResources.CategoryTerms, entry.Name, entry.Category);
            var term = new WeaponTerm(entry.Name, entry.Category, Origin: null, IsNamed: false);
            foreach (var pattern in Checked(LexiconResources.CategoryTerms, entry.Name, entry.Patterns))
            {
                patterns.Add(new(pattern, term));
            }
        }
    }

    private static void AddTransferPatterns(LexiconFile<TransferTermEntry> file, HashSet<string> canonical, List<PhrasePattern<TransferTerm>> patterns)
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
                patterns.Add(new(pattern, term));
            }
        }
    }

    private static void AddNegativePatterns(LexiconFile<NegativeCueEntry> file, List<PhrasePattern<NegativeCueEntry>> patterns, StringBuilder body)
    {
        foreach (var cue in file.Entries)
        {
            if (cue.Weight is <= 0 or > 6)
            {
                throw Invalid(LexiconResources.NegativeCues, cue.Name, "weight must be in (0, 6]");
            }

            foreach (var pattern in Checked(LexiconResources.NegativeCues, cue.Name, cue.Patterns))
            {
                patterns.Add(new(CaseSensitive(pattern, cue.CaseSensitive, body), cue));
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

    /// <summary>The entry's patterns, each checked to be a valid .NET regex.</summary>
    private static IReadOnlyList<string> Checked(string file, string entry, IReadOnlyList<string> patterns)
    {
        if (patterns.Count == 0)
        {
            throw Invalid(file, entry, "has no patterns");
        }

        foreach (var pattern in patterns)
        {
            // Most patterns are plain enough to be known valid without building a regex of each (see IsPlainlyValid).
            if (RegexSyntax.IsPlainlyValid(pattern))
            {
                continue;
            }

            try
            {
                _ = new Regex(pattern, RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant);
            }
            catch (ArgumentException e)
            {
                throw Invalid(file, entry, $"pattern \"{pattern}\" is not a valid regex: {e.Message}");
            }
        }

        return patterns;
    }

    private static InvalidDataException Invalid(string file, string entry, string problem) =>
        new($"Lexicon {file}, entry \"{entry}\": {problem}.");

    private static string CaseSensitive(string pattern, bool caseSensitive, StringBuilder body, string? suffix = null)
    {
        if (!caseSensitive)
        {
            return suffix is null ? pattern : pattern + suffix;
        }

        return body.Clear().Append("(?-i:").Append(pattern).Append(')').Append(suffix).ToString();
    }

    /// <summary>
    /// A proper name matches as written or in capitals (headlines), never in lower case: that keeps
    /// "turkey", "chad" and "china plates" from naming countries.
    /// </summary>
    private static PhrasePattern<PartyRef> AsWrittenOrCapitals(string name, StringBuilder body, PartyRef? item, string? suffix = null)
    {
        var upper = name.ToUpperInvariant();
        body.Clear().Append("(?-i:");
        AppendLiteral(body, name);
        if (!ReferenceEquals(upper, name) && upper != name)
        {
            body.Append('|');
            AppendLiteral(body, upper);
        }

        return new(body.Append(')').Append(suffix).ToString(), item);
    }

    /// <summary>
    /// Appends a literal as a regex (escaped as <see cref="Regex.Escape"/> does), letting any run of spaces
    /// match any whitespace and ' match ’.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void AppendLiteral(StringBuilder builder, string text)
    {
        var start = builder.Length;
        var space = false;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                space = true;
                continue;
            }

            if (space && builder.Length > start)
            {
                builder.Append(@"\s+");
            }

            space = false;
            switch (c)
            {
                case '\'':
                    builder.Append("['’]");
                    break;
                case '\t':
                    builder.Append(@"\t");
                    break;
                case '\n':
                    builder.Append(@"\n");
                    break;
                case '\f':
                    builder.Append(@"\f");
                    break;
                case '\r':
                    builder.Append(@"\r");
                    break;
                case '#' or '$' or '(' or ')' or '*' or '+' or '.' or '?' or '[' or '\\' or '^' or '{' or '|':
                    builder.Append('\\').Append(c);
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }
    }
}
