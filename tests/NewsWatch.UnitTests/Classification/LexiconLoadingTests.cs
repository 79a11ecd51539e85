using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using NewsWatch.Classification;

namespace NewsWatch.UnitTests.Classification;

/// <summary>
/// The lexicon load's shortcuts against their references: the files' own reader against the source-generated
/// serializer, the check that a pattern is plainly valid against the regex engine, and the prefixes read from a
/// pattern's text against those worked out from its parse tree.
/// </summary>
public sealed class LexiconLoadingTests
{
    private const RegexOptions CheckOptions = RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant;

    public static TheoryData<string> LexiconFiles => new(LexiconResources.All);

    /// <summary>Texts the serializer rejects too: the reader must be no more lenient.</summary>
    public static TheoryData<string> InvalidSystemsFiles => new(
        """{"version":1,"entries":[{"name":"X","category":"aircraft","patterns":["X"],"colour":"red"}]}""",
        """{"version":1,"entries":[{"name":"X","category":"aircraft"}]}""",
        """{"entries":[]}""",
        """{"version":1,"entries":[{"name":null,"category":"aircraft","patterns":["X"]}]}""",
        """{"version":1,"entries":[{"name":"X","category":"aircraft","patterns":null}]}""",
        """{"version":1,"entries":[{"name":"X","category":"aircraft","patterns":["X"],"caseSensitive":"yes"}]}""",
        """{"version":1.5,"entries":[]}""",
        """{"version":"1","entries":[]}""",
        """{"version":1,"entries":[],}""",
        """{"version":1,"entries":[{"name":"X","category":"aircraft","patterns":["X",]}]}""",
        """{"version":1, /* a comment */ "entries":[]}""",
        """{"version":1,"entries":[]} {}""",
        """{"version":1,"entries":[]""",
        """{"version":1,"entries":[{"name":"X\q","category":"aircraft","patterns":["X"]}]}""",
        """{"version":1,"entries":[{"name":"X\u00","category":"aircraft","patterns":["X"]}]}""",
        """{"version":01,"entries":[]}""",
        "{\"version\":1,\"entries\":[{\"name\":\"X\tY\",\"category\":\"aircraft\",\"patterns\":[\"X\"]}]}",
        """{"version":1 "entries":[]}""",
        """{"version":1,"entries":{}}""",
        """[]""",
        "");

    /// <summary>Patterns the regex engine rejects, of the kinds a lexicon edit could produce.</summary>
    public static TheoryData<string> InvalidPatterns => new(
        "*a", "a**", "a{2}{3}", "a?+", "[z-a]", "a{3,1}", "(a", "a)", "[a", "a\\", "\\q", "\\_", "[a-\\d]", "\\k<n>",
        "(?<n>a)\\k<m>", "\\1", "(?(a)b|c", "[a-z-[aeiou]", "\\p{Nope}", "(?", "(?z:a)", "a|*b", "(*a)", "\\<x>");

    /// <summary>Shapes from the lexicons and the odd corners of the syntax, for both prefix readers.</summary>
    public static TheoryData<string> PrefixShapes => new(
        "(?-i:Kabul|KABUL)", @"(?-i:United\s+States|UNITED\s+STATES)", @"sales?\s+of", "(?-i:Mi|MI)[-‐‑– ]?8",
        @"\d+\s+troops", @"(?<!\w)(?-i:UN|U\.N\.)(?=\s|,)", @"(?-i:[A-Z][a-z]+\s+Arms)", @"\w+ship", "a?", "(?:)",
        @"(?-i:People['’]s\s+Republic\s+of\s+China|PEOPLE['’]S\s+REPUBLIC\s+OF\s+CHINA)", "(?-i:Dhruv)\\s+(?:ALH|Mk\\s?(?:I{1,3}|\\d)|advanced\\s+light\\s+)?helicopters?(?:s|['’]s)?",
        "RBS[-‐‑– ]?(?:15|70)(?:\\s?Mk\\s?\\d)?(?:s|['’]s)?", "(?:[وف]?(?:بال|لل|ال|[بل])?)(?:سلاح|[أا]سلحة)", "(?>ab|a)c", "(?#note)abc",
        "(?i)ab(?-i)cd", "(?<name>ab)c", "a{2,}b", "[^a]bc", "x|", "|x", "a\\", "(?x)a b", "\\1a", "((a)", "a)", "[a", "(?(a)b|c)");

    [Theory]
    [MemberData(nameof(LexiconFiles))]
    public void Read_EmbeddedFile_SameAsSourceGeneratedSerializer(string file)
    {
        var bytes = LexiconResources.ReadBytes(file);
        var (read, reference) = file switch
        {
            LexiconResources.Countries => (Json(LexiconResources.ReadCountries()), Json(JsonSerializer.Deserialize(bytes, LexiconJsonContext.Default.CountriesFile))),
            LexiconResources.Systems => (Json(LexiconResources.ReadSystems()), Json(JsonSerializer.Deserialize(bytes, LexiconJsonContext.Default.LexiconFileSystemEntry))),
            LexiconResources.CategoryTerms => (Json(LexiconResources.ReadCategoryTerms()), Json(JsonSerializer.Deserialize(bytes, LexiconJsonContext.Default.LexiconFileCategoryTermEntry))),
            LexiconResources.TransferTerms => (Json(LexiconResources.ReadTransferTerms()), Json(JsonSerializer.Deserialize(bytes, LexiconJsonContext.Default.LexiconFileTransferTermEntry))),
            LexiconResources.Organisations => (Json(LexiconResources.ReadOrganisations()), Json(JsonSerializer.Deserialize(bytes, LexiconJsonContext.Default.LexiconFileOrganisationEntry))),
            _ => (Json(LexiconResources.ReadNegativeCues()), Json(JsonSerializer.Deserialize(bytes, LexiconJsonContext.Default.LexiconFileNegativeCueEntry))),
        };

        Assert.Equal(reference, read);
        Assert.True(read.Length > 1000, file);
    }

    [Fact]
    public void ParseTransferTerms_EscapesNumbersAndOptionalMembers_SameAsSourceGeneratedSerializer()
    {
        const string json =
            " { \"version\" : 1 , \"notes\" : null, \"entries\" : [ " +
            """{"name":"caf\u00e9 \"deal\" \\ \/ \b\f\n\r\t \ud83d\ude80 é","stage":null,"direction":"supply","weight":1.5e0,"patterns":["sales?\\s+of","\\d"]},""" +
            """{"weight":-0.25,"name":"b","patterns":[],"impliedSupplier":"United States"}""" +
            "\r\n] }\n";
        var bytes = Encoding.UTF8.GetBytes(json);

        var read = LexiconResources.ParseTransferTerms(bytes);

        Assert.Equal(Json(JsonSerializer.Deserialize(bytes, LexiconJsonContext.Default.LexiconFileTransferTermEntry)), Json(read));
        Assert.Equal(Json(read), Json(LexiconResources.ParseTransferTerms([0xEF, 0xBB, 0xBF, .. bytes]))); // a byte order mark is skipped
        Assert.Equal("café \"deal\" \\ / \b\f\n\r\t 🚀 é", read.Entries[0].Name);
        Assert.Equal(@"sales?\s+of", read.Entries[0].Patterns[0]);
        Assert.Equal(-0.25, read.Entries[1].Weight);
    }

    [Theory]
    [MemberData(nameof(InvalidSystemsFiles))]
    public void ParseSystems_InvalidText_ThrowsJsonException(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);

        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(bytes, LexiconJsonContext.Default.LexiconFileSystemEntry));
        Assert.Throws<JsonException>(() => LexiconResources.ParseSystems(bytes));
    }

    [Theory]
    [InlineData("""{"version":1,"version":1,"entries":[]}""")]
    [InlineData("""{"version":1,"entries":[{"name":"X","category":"aircraft","patterns":["X", null]}]}""")]
    [InlineData("""{"version":1,"entries":[{"name":"X\ud800","category":"aircraft","patterns":["X"]}]}""")]
    public void ParseSystems_RepeatedMemberNullItemOrHalfSurrogate_ThrowsJsonException(string json)
    {
        Assert.Throws<JsonException>(() => LexiconResources.ParseSystems(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void ParseSystems_InvalidUtf8_ThrowsJsonException()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"version":1,"entries":[{"name":"X?","category":"aircraft","patterns":["X"]}]}""");
        bytes[Array.IndexOf(bytes, (byte)'?')] = 0xFF;

        Assert.Throws<JsonException>(() => LexiconResources.ParseSystems(bytes));
    }

    [Fact]
    public void Build_InvalidPattern_ThrowsNamingIt()
    {
        var systems = new LexiconFile<SystemEntry>
        {
            Version = 1,
            Entries = [new SystemEntry { Name = "Broken", Category = "aircraft", Patterns = ["F-(16"] }],
        };

        var error = Assert.Throws<InvalidDataException>(() => LexiconBuilder.Build(
            LexiconResources.ReadCountries(), systems, LexiconResources.ReadCategoryTerms(), LexiconResources.ReadTransferTerms(),
            LexiconResources.ReadOrganisations(), LexiconResources.ReadNegativeCues()));
        Assert.Contains("F-(16", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AppendLiteral_EveryCharacter_EscapedAsRegexEscapeDoes()
    {
        var wrong = new List<string>();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var text = "a" + (char)c + "b";
            if (c is ' ' or '\'' || Literal(text) == Append(text))
            {
                continue;
            }

            wrong.Add($"U+{c:X4}");
        }

        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData("Côte d'Ivoire")]
    [InlineData("  United   States ")]
    [InlineData("U.S.")]
    [InlineData("a\tb (c) [d] {e} $f^ #g|h*+?")]
    [InlineData("")]
    public void AppendLiteral_Name_WordsJoinedByWhitespaceAndApostrophesEitherWay(string name)
    {
        Assert.Equal(Literal(name), Append(name));
    }

    [Fact]
    public void IsPlainlyValid_EveryLexiconPattern_ValidToTheEngine()
    {
        var patterns = LexiconPatterns();
        var plain = patterns.Where(RegexSyntax.IsPlainlyValid).ToList();

        Assert.All(plain, p => _ = new Regex(p, CheckOptions));
        Assert.True(plain.Count > patterns.Count * 9 / 10, $"only {plain.Count} of {patterns.Count} are plainly valid");
    }

    [Theory]
    [MemberData(nameof(InvalidPatterns))]
    public void IsPlainlyValid_PatternTheEngineRejects_False(string pattern)
    {
        Assert.ThrowsAny<ArgumentException>(() => new Regex(pattern, CheckOptions));
        Assert.False(RegexSyntax.IsPlainlyValid(pattern));
    }

    [Fact]
    public void IsPlainlyValid_RandomPatterns_NeverWhereTheEngineRejects()
    {
        var wrong = new List<string>();
        var accepted = 0;
        foreach (var pattern in RandomPatterns(seed: 20240601, count: 20_000))
        {
            if (!RegexSyntax.IsPlainlyValid(pattern))
            {
                continue;
            }

            accepted++;
            try
            {
                _ = new Regex(pattern, CheckOptions);
            }
            catch (ArgumentException)
            {
                wrong.Add(pattern);
            }
        }

        Assert.Empty(wrong);
        Assert.True(accepted > 1000, $"only {accepted} random patterns were plainly valid");
    }

    [Theory]
    [MemberData(nameof(PrefixShapes))]
    public void RegexPrefixesOf_Shape_SameFromTextAsFromTree(string pattern)
    {
        Assert.Equal(RegexPrefixes.Of(RegexSyntax.Parse(pattern)), RegexPrefixes.Of(pattern));
    }

    [Fact]
    public void RegexPrefixesOf_LexiconPatternsAsBuilt_SameFromTextAsFromTree()
    {
        // The patterns as the builder writes them: as they are, case-sensitive, with the plural ending; and names.
        var bodies = LexiconPatterns().SelectMany(p => new[] { p, "(?-i:" + p + ")", p + "(?:s|['’]s)?", "(?-i:" + p + ")(?:s|['’]s)?" })
            .Concat(CountryNames().Select(n => "(?-i:" + Literal(n) + "|" + Literal(n.ToUpperInvariant()) + ")(?-i:s|S)?"))
            .ToList();

        var wrong = bodies.Where(b => !RegexPrefixes.Of(b).SequenceEqual(RegexPrefixes.Of(RegexSyntax.Parse(b)))).ToList();

        Assert.Empty(wrong);
    }

    [Fact]
    public void RegexPrefixesOf_RandomPatterns_SameFromTextAsFromTree()
    {
        var wrong = RandomPatterns(seed: 7, count: 20_000)
            .Where(p => !RegexPrefixes.Of(p).SequenceEqual(RegexPrefixes.Of(RegexSyntax.Parse(p))))
            .ToList();

        Assert.Empty(wrong);
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)LexiconJsonContext.Default.GetTypeInfo(typeof(T))!);

    private static List<string> LexiconPatterns() =>
    [
        .. LexiconResources.ReadSystems().Entries.SelectMany(e => e.Patterns),
        .. LexiconResources.ReadCategoryTerms().Entries.SelectMany(e => e.Patterns),
        .. LexiconResources.ReadTransferTerms().Entries.SelectMany(e => e.Patterns),
        .. LexiconResources.ReadOrganisations().Entries.SelectMany(e => e.Patterns),
        .. LexiconResources.ReadNegativeCues().Entries.SelectMany(e => e.Patterns),
    ];

    private static IEnumerable<string> CountryNames() =>
        LexiconResources.ReadCountries().Entries.SelectMany(c => c.Aliases.Prepend(c.Name).Concat(c.Capitals).Concat(c.Demonyms).Concat(c.TextCodes));

    private static string Append(string text)
    {
        var builder = new StringBuilder("x");
        LexiconBuilder.AppendLiteral(builder, text);
        return builder.ToString(1, builder.Length - 1);
    }

    /// <summary>A name as a regex, written the builder's way: words joined by \s+, escaped, ' as ['’].</summary>
    private static string Literal(string name) =>
        string.Join(@"\s+", name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => Regex.Escape(w).Replace("'", "['’]", StringComparison.Ordinal)));

    /// <summary>Patterns put together from pieces of regex syntax, valid and not, at random but repeatably.</summary>
    private static IEnumerable<string> RandomPatterns(int seed, int count)
    {
        string[] pieces =
        [
            "a", "b", "Z", "é", "Ж", "ب", "’", "'", " ", "#", "-", ",", "\\s", "\\s+", "\\S", "\\d", "\\w", "\\b", ".", "^", "$",
            "(", "(?:", "(?i:", "(?-i:", "(?=", "(?!", "(?<=", "(?<!", "(?<n>", "(?>", "(?#c)", "(?i)", "(?-i)", ")", ")", "|",
            "?", "*", "+", "??", "{2}", "{1,3}", "{2,}", "{3,1}", "{,2}", "{", "}", "[", "]", "[a-z]", "[z-a]", "[^a]", "[-a]",
            "[a-]", "[-‐‑– ]", "['’]", "[a-\\d]", "[\\d-a]", "[]a]", "[a-b-c]", "\\.", "\\-", "\\_", "\\q", "\\", "\\<", "\\1",
            "\\k<n>", "\\p{L}", "\\t", "\\u0041", "\\x41", "\\(", "[.]", "(?x)", "(?(a)b|c)", "sales", "Mk", "16", "abcdefghijklmn",
        ];
        var random = new Random(seed);
        for (var k = 0; k < count; k++)
        {
            var text = new StringBuilder();
            for (var n = random.Next(1, 12); n > 0; n--)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            yield return text.ToString();
        }
    }
}
