using System.Text.RegularExpressions;
using NewsWatch.Classification;

namespace NewsWatch.UnitTests.Classification;

/// <summary>
/// The matcher's fast path (prefix index, first-character gate, literal comparison, required words) against
/// its reference, <c>FindAllUnfiltered</c>, which tries every pattern's own regex at every position: they must
/// find exactly the same hits. Plus the character facts the fast path relies on, checked against the regex
/// engine for every UTF-16 code unit.
/// </summary>
public sealed class FastMatchingTests
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>Word boundaries, scripts, case, whitespace, digits, overlaps: what the fast path could get wrong.</summary>
    public static TheoryData<string> TrickyTexts => new(
        "A Romanian woman visited Oman; the USA and the US, US-made, U.S.-built, _US_ and US_ navies.",
        "Arms went to Guinea-Bissau and Guinea. Guinea–Bissau, GUINEA-BISSAU and guinea-bissau too.",
        "Patrols in the South China Sea; China objected. SOUTH CHINA SEA, south china sea.",
        "Turkey, TURKEY and turkey; Chad, CHAD and chad; China plates and china plates.",
        "The sale of weapons, sales of arms, arms sales and the sale of 24 F-16s (F‑16C/D Block 70).",
        "United States, United  States, United\u00A0States, United\nStates, UNITED STATES, united states.",
        "В России и Россия продала РОССИИ танки; Афганистан, АФГАНИСТАН, афганистан.",
        "وبالسلاح ولأفغانستان صفقة أسلحة مع أفغانستان؛ بيع الأسلحة والسلاح.",
        "Afganistán, AFGANISTÁN, afganistán; Algérie, ALGÉRIE; Österreich, ÖSTERREICH; Zürich.",
        "٣٠٠ soldiers and 300 troops; ۱۲ Mi-17s, Mi 17, MI-17 and mi-17; 1,200 marines.",
        "ſale and ſales; K-9 and K‑9 howitzers; İstanbul, ISTANBUL and ıstanbul.",
        "The Royal Arms hotel; Eagle Strike 2024 exercise; Qatar Airways ordered jets.",
        "Typhoon Haiyan hit Manila. Qatar bought a Typhoon fleet. US-supplied rockets; the US supplied rockets.",
        "  leading spaces,\ttabs\r\nand CRLF; trailing\u2003em-space and zero\u200Bwidth joiners.",
        "The  Government  of  Australia  has  requested  a  possible  sale; a  submarine  power  cable; Qatar  Air   Lines.",
        "Qatar  Air \t Lines, QatarAirways, Royal Arms  pub; several U.S.\u00A0troops, 1,200\u2003marines and 300 U.S. marines.",
        "Airways alone, Arms hotel, troops 12; The Royal\nArms\tinn; A B C D Strike.",
        "Battleship, Friendship and warship; the Warships; Qatar  Airways.",
        "x");

    [Fact]
    public void FindAll_SmallLexicon_LongestFirstAtEachPosition()
    {
        var matcher = new PhraseMatcher<string>(
        [
            new PhrasePattern<string>("sale", "sale"),
            new PhrasePattern<string>(@"sales?\s+of", "sale of"),
            new PhrasePattern<string>("(?-i:Guinea|GUINEA)", "Guinea"),
            new PhrasePattern<string>("(?-i:Guinea-Bissau|GUINEA-BISSAU)", "Guinea-Bissau"),
            new PhrasePattern<string>(@"(?-i:South\s+China\s+Sea|SOUTH\s+CHINA\s+SEA)", null),
            new PhrasePattern<string>("(?-i:China|CHINA)", "China"),
        ]);
        var hits = new List<Hit<string>>();

        matcher.FindAll("The sale of arms to Guinea-Bissau, Guinea and the South China Sea near China; a sale.", hits);

        Assert.Equal(["sale of", "Guinea-Bissau", "Guinea", "China", "sale"], hits.Select(h => h.Item));
    }

    [Fact]
    public void FindAll_ScriptsAndCase_AsTheRegexesDecide()
    {
        var matcher = new PhraseMatcher<string>(
        [
            new PhrasePattern<string>("(?-i:Россия|РОССИЯ)", "Russia"),
            new PhrasePattern<string>("(?:[وف]?(?:بال|لل|ال|[بل])?)(?:سلاح|[أا]سلحة)", "arms"),
            new PhrasePattern<string>("(?-i:Afganistán|AFGANISTÁN)", "Afghanistan"),
        ]);
        var hits = new List<Hit<string>>();
        const string text = "В России и Россия; وبالسلاح والأسلحة; Afganistán, AFGANISTÁN, afganistán.";

        matcher.FindAll(text, hits);

        Assert.Equal(["Россия", "وبالسلاح", "والأسلحة", "Afganistán", "AFGANISTÁN"], hits.Select(h => text.Substring(h.Start, h.Length)));
    }

    [Theory]
    [MemberData(nameof(TrickyTexts))]
    public void FindAll_SmallLexiconOnTrickyText_SameAsRegexesAlone(string text)
    {
        var matcher = new PhraseMatcher<string>(TrickyPatterns.Select(p => new PhrasePattern<string>(p, p)));

        AssertSameAsReference(matcher, text);
    }

    [Theory]
    [MemberData(nameof(TrickyTexts))]
    public void FindAll_SmallLexiconSkippingAfterHyphen_SameAsRegexesAlone(string text)
    {
        var matcher = new PhraseMatcher<string>(TrickyPatterns.Select(p => new PhrasePattern<string>(p, p)), skipAfterHyphen: true);

        AssertSameAsReference(matcher, text);
    }

    [Theory]
    [MemberData(nameof(TrickyTexts))]
    public void FindAll_EmbeddedLexicons_SameAsRegexesAlone(string text)
    {
        var lexicon = Lexicon.Default;

        AssertSameAsReference(lexicon.Parties, text);
        AssertSameAsReference(lexicon.Weapons, text);
        AssertSameAsReference(lexicon.Transfers, text);
        AssertSameAsReference(lexicon.Negatives, text);
    }

    [Fact]
    public void FindAll_EmbeddedLexiconsOnNewsProse_SameAsRegexesAlone()
    {
        const string text =
            "Poland signs $4.9 billion deal for Patriot missiles\n\nWARSAW (Reuters) - Poland signed a deal with the " +
            "United States on Wednesday to buy Patriot air defence systems, the Pentagon's Defense Security Cooperation " +
            "Agency said. Lockheed Martin and Raytheon will supply the PAC-3 MSE interceptors; Russia's Rostec objected. " +
            "Le Maroc a commandé des hélicoptères Apache ; Deutschland genehmigt Rüstungsexporte nach Israel.";
        var lexicon = Lexicon.Default;

        AssertSameAsReference(lexicon.Parties, text);
        AssertSameAsReference(lexicon.Weapons, text);
        AssertSameAsReference(lexicon.Transfers, text);
        AssertSameAsReference(lexicon.Negatives, text);
    }

    [Theory]
    [MemberData(nameof(TrickyTexts))]
    public void Scanner_FourLexiconsTogether_SameAsEachAlone(string text)
    {
        var lexicon = Lexicon.Default;
        var (parties, weapons, transfers, negatives) = (new List<Hit<PartyRef>>(), new List<Hit<WeaponTerm>>(), new List<Hit<TransferTerm>>(), new List<Hit<NegativeCueEntry>>());

        using (var input = MatchInput.Rent(text))
        {
            lexicon.Scanner.FindAll(input, parties, weapons, transfers, negatives);
        }

        Assert.Equal(Alone(lexicon.Parties, text), parties);
        Assert.Equal(Alone(lexicon.Weapons, text), weapons);
        Assert.Equal(Alone(lexicon.Transfers, text), transfers);
        Assert.Equal(Alone(lexicon.Negatives, text), negatives);
    }

    [Fact]
    public void EmbeddedLexicons_EveryPatternHasALiteralPrefix()
    {
        // A pattern without one is tried at every word of every article. Start it with text, a short class
        // ("[-‐‑– ]", "[أا]") or \d rather than ".", \w or a negated class.
        var lexicon = Lexicon.Default;

        Assert.Equal(0, lexicon.Parties.UnindexedCount);
        Assert.Equal(0, lexicon.Weapons.UnindexedCount);
        Assert.Equal(0, lexicon.Transfers.UnindexedCount);
        Assert.Equal(0, lexicon.Negatives.UnindexedCount);
    }

    [Fact]
    public void Countries_CaseRules_AsWrittenOrCapitalsAndCodesExactly()
    {
        const string text = "Turkey, TURKEY, turkey; Chad and chad; the U.S. and the u.s.; UAE, Uae; Pakistanis.";
        var hits = new List<Hit<PartyRef>>();

        Lexicon.Default.Parties.FindAll(text, hits);
        var found = hits.Select(h => text.Substring(h.Start, h.Length)).ToList();

        Assert.Equal(["Turkey", "TURKEY", "Chad", "U.S.", "UAE", "Pakistanis"], found);
    }

    [Fact]
    public void TextChars_WordSpaceAndDigit_AsTheRegexEngineSaysForEveryCharacter()
    {
        var all = string.Create(0x10000, 0, static (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)i;
            }
        });

        foreach (var (pattern, fact) in new (string, Func<char, bool>)[] { (@"\w", TextChars.IsWordChar), (@"\s", TextChars.IsSpace), (@"\d", TextChars.IsDigit) })
        {
            var expected = new bool[all.Length];
            foreach (var match in new Regex(pattern, TextChars.MatcherOptions).EnumerateMatches(all))
            {
                expected[match.Index] = true;
            }

            var wrong = Enumerable.Range(0, all.Length).Where(i => fact((char)i) != expected[i]).Select(i => $"U+{i:X4}").Take(10).ToList();
            Assert.True(wrong.Count == 0, $"{pattern} disagrees with the regex engine on {string.Join(", ", wrong)}");
        }
    }

    [Fact]
    public void TextChars_Fold_AtLeastAsCoarseAsIgnoreCase()
    {
        // Case-insensitive equivalence comes from case mappings, so every equivalent pair has a member that maps.
        var all = new string([.. Enumerable.Range(0, 0x10000).Select(i => (char)i)]);
        var mapped = Enumerable.Range(0, 0x10000).Select(i => (char)i)
            .Where(c => char.ToUpperInvariant(c) != c || char.ToLowerInvariant(c) != c).ToList();
        var wrong = new List<string>();
        foreach (var c in mapped)
        {
            foreach (var match in new Regex(Regex.Escape(c.ToString()), Options).EnumerateMatches(all))
            {
                var equivalent = all[match.Index];
                if (TextChars.Fold(equivalent) != TextChars.Fold(c))
                {
                    wrong.Add($"U+{(int)c:X4}~U+{(int)equivalent:X4}");
                }
            }
        }

        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData('k', 'K', true)]
    [InlineData('k', '\u212A', true)] // Kelvin sign
    [InlineData('é', 'É', true)]
    [InlineData('я', 'Я', true)]
    [InlineData('i', 'İ', false)]
    [InlineData(' ', '\u00A0', false)]
    [InlineData('3', '٣', false)]
    public void TextChars_IgnoreCaseEquals_AsTheRegexEngine(char pattern, char text, bool expected)
    {
        Assert.Equal(Regex.IsMatch(text.ToString(), "^" + Regex.Escape(pattern.ToString()) + "$", Options), TextChars.IgnoreCaseEquals(pattern, text));
        Assert.Equal(expected, TextChars.IgnoreCaseEquals(pattern, text));
    }

    [Theory]
    [InlineData("(?-i:Kabul|KABUL)", "kabul")]
    [InlineData(@"(?-i:United\s+States|UNITED\s+STATES)", "united state")]
    [InlineData(@"sales?\s+of", "sale of|sales of")]
    [InlineData("(?-i:Mi|MI)[-‐‑– ]?8", "mi 8|mi-8|mi8|mi‐8|mi‑8|mi–8")]
    [InlineData(@"\d+\s+troops", "0|1|2|3|4|5|6|7|8|9")]
    [InlineData(@"(?<!\w)(?-i:UN|U\.N\.)(?=\s|,)", "u.n.|un")]
    [InlineData(@"(?-i:[A-Z][a-z]+\s+Arms)", "a|b|c|d|e|f|g|h|i|j|k|l|m|n|o|p|q|r|s|t|u|v|w|x|y|z")]
    [InlineData(@"\w+ship", "")]
    [InlineData("a?", "")]
    public void RegexPrefixes_KnownShapes(string pattern, string expected)
    {
        Assert.Equal(expected.Split('|'), RegexPrefixes.Of(pattern));
    }

    private static readonly string[] TrickyPatterns =
    [
        "(?-i:Oman|OMAN)", "(?-i:Romania|ROMANIA)", "(?-i:US)", "(?-i:U\\.S\\.)", "(?-i:USA)",
        "(?-i:Guinea|GUINEA)", "(?-i:Guinea-Bissau|GUINEA-BISSAU)", @"(?-i:South\s+China\s+Sea|SOUTH\s+CHINA\s+SEA)",
        "(?-i:China|CHINA)", "(?-i:Turkey|TURKEY)", "(?-i:Chad|CHAD)", "sale", @"sales?\s+of", @"arms\s+sales?", "arms",
        @"(?:sale|supply|transfer)s?\s+of\s+(?:[\w.]+\s+){0,2}?(?:arms|weapons?)", "(?-i:F)[-‐‑–]?16(?:[A-Z]{1,2}(?:/[A-Z])?)?(?:\\s+Block\\s+\\d+)?(?:s|['’]s)?",
        @"(?-i:United\s+States|UNITED\s+STATES)", "(?-i:Россия|РОССИЯ)", "(?-i:России)", "танк(?:и|ов)?", "(?:[وف]?(?:بال|لل|ال|[بل])?)(?:سلاح|[أا]سلحة)",
        "(?-i:أفغانستان)", "(?-i:Afganistán|AFGANISTÁN)", "(?-i:Österreich|ÖSTERREICH)", @"\d[\d,]*\s+(?:troops|soldiers|marines)",
        "(?-i:Mi|MI)[-‐‑– ]?17(?:[A-Z]{1,3}\\d?)?(?:s|['’]s)?", "sales?", "(?-i:K)[-‐‑–]?9", "(?-i:İstanbul|ISTANBUL)",
        @"(?-i:[A-Z][a-z]+\s+Arms)(?=\s+(?:pub|hotel|inn|tavern))", @"(?-i:[A-Z][a-z]+\s+(?:Airways|Airlines|Air\s+Lines))",
        @"(?-i:[A-Z][a-z]+\s+(?:Shield|Strike|Eagle)\s+\d{2,4})", @"(?-i:Typhoon(?!\s+[A-Z][a-z]))", "supplied", @"to\s+buy",
        "(?-i:Qatar|QATAR)", @"\s+and\s+", @"zero\u200Bwidth", "(?i:x)", "leading",
        @"(?-i:[A-Z]\w+ship)", // wide, and no word to anchor it: a candidate at every start
    ];

    private static void AssertSameAsReference<T>(PhraseMatcher<T> matcher, string text) where T : class
    {
        var reference = new List<Hit<T>>();
        matcher.FindAllUnfiltered(text, reference);

        Assert.Equal(reference, Alone(matcher, text));
    }

    private static List<Hit<T>> Alone<T>(PhraseMatcher<T> matcher, string text) where T : class
    {
        var hits = new List<Hit<T>>();
        matcher.FindAll(text, hits);
        return hits;
    }
}
