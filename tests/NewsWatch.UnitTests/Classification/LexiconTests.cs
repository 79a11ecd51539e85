using System.Text.Json;
using NewsWatch.Classification;

namespace NewsWatch.UnitTests.Classification;

public sealed class LexiconTests
{
    public static TheoryData<string> LexiconFiles => new(LexiconResources.All);

    [Theory]
    [MemberData(nameof(LexiconFiles))]
    public void LexiconFile_Embedded_HasVersionOne(string file)
    {
        Assert.Equal(1, LexiconResources.ReadVersion(file));
    }

    [Fact]
    public void Default_Loads_AllMatchersHavePatterns()
    {
        var lexicon = Lexicon.Default;

        Assert.True(lexicon.Parties.Count > 500);
        Assert.True(lexicon.Weapons.Count > 300);
        Assert.True(lexicon.Transfers.Count > 100);
        Assert.True(lexicon.Negatives.Count > 50);
    }

    [Fact]
    public void Systems_EveryCategory_IsWeaponCategorySlug()
    {
        var file = LexiconResources.ReadSystems();

        Assert.Equal(1, file.Version);
        Assert.All(file.Entries, e => Assert.Contains(e.Category, WeaponCategory.All));
    }

    [Fact]
    public void CategoryTerms_EveryCategory_IsWeaponCategorySlug()
    {
        var file = LexiconResources.ReadCategoryTerms();

        Assert.Equal(1, file.Version);
        Assert.All(file.Entries, e => Assert.Contains(e.Category, WeaponCategory.All));
    }

    [Fact]
    public void TransferTerms_EveryStage_IsAllowedName()
    {
        var file = LexiconResources.ReadTransferTerms();

        Assert.Equal(1, file.Version);
        Assert.All(file.Entries, e =>
        {
            if (e.Stage is not null)
            {
                Assert.Contains(e.Stage, DealStage.All);
            }
        });
    }

    [Fact]
    public void TransferTerms_CoverEveryStage()
    {
        var stages = LexiconResources.ReadTransferTerms().Entries.Select(e => e.Stage).ToHashSet();

        Assert.All(DealStage.All, stage => Assert.Contains(stage, stages));
    }

    [Fact]
    public void Countries_CoverUnMembersAndNamedTerritories()
    {
        var file = LexiconResources.ReadCountries();

        Assert.True(file.Entries.Count >= 196, $"only {file.Entries.Count} countries");
        Assert.Equal(file.Entries.Count, file.Entries.Select(c => c.Iso2).Distinct().Count());
        Assert.Equal(file.Entries.Count, file.Entries.Select(c => c.Iso3).Distinct().Count());
        Assert.Contains(file.Entries, c => c.Name == "Taiwan");
        Assert.Contains(file.Entries, c => c.Name == "Kosovo");
        Assert.Contains(file.Entries, c => c.Name == "Palestine");
    }

    [Fact]
    public void Organisations_EveryCountry_IsCanonical()
    {
        var lexicon = Lexicon.Default;

        Assert.All(LexiconResources.ReadOrganisations().Entries, o =>
        {
            if (o.Country is not null)
            {
                Assert.True(lexicon.TryResolveCountry(o.Country, out var name) && name == o.Country, o.Name);
            }
        });
    }

    [Fact]
    public void NegativeCues_EveryWeight_IsPositive()
    {
        Assert.All(LexiconResources.ReadNegativeCues().Entries, c => Assert.InRange(c.Weight, 0.1, 6.0));
    }

    [Theory]
    [InlineData("pakistan")]
    [InlineData("Pakistan")]
    [InlineData("PK")]
    [InlineData("pak")]
    [InlineData("Islamabad")]
    [InlineData("Pakistani")]
    [InlineData("Pakistanis")]
    [InlineData(" Pakistan ")]
    public void TryResolveCountry_PakistanForms_ResolveToPakistan(string text)
    {
        Assert.True(Lexicon.Default.TryResolveCountry(text, out var name));
        Assert.Equal("Pakistan", name);
    }

    [Theory]
    [InlineData("USA", "United States")]
    [InlineData("U.S.", "United States")]
    [InlineData("Washington", "United States")]
    [InlineData("American", "United States")]
    [InlineData("UK", "United Kingdom")]
    [InlineData("British", "United Kingdom")]
    [InlineData("the Philippines", "Philippines")]
    [InlineData("Moscow", "Russia")]
    [InlineData("Soviet Union", "Russia")]
    [InlineData("ROK", "South Korea")]
    [InlineData("DPRK", "North Korea")]
    [InlineData("Türkiye", "Turkey")]
    [InlineData("XK", "Kosovo")]
    [InlineData("TW", "Taiwan")]
    [InlineData("PSE", "Palestine")]
    public void TryResolveCountry_KnownForms_ResolveToCanonicalName(string text, string expected)
    {
        Assert.True(Lexicon.Default.TryResolveCountry(text, out var name));
        Assert.Equal(expected, name);
    }

    [Theory]
    [InlineData("Atlantis")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Narnia")]
    public void TryResolveCountry_Unknown_ReturnsFalse(string text)
    {
        Assert.False(Lexicon.Default.TryResolveCountry(text, out var name));
        Assert.Equal(string.Empty, name);
    }

    [Fact]
    public void Build_UnknownCategory_Throws()
    {
        var systems = new LexiconFile<SystemEntry>
        {
            Version = 1,
            Entries = [new SystemEntry { Name = "Laser", Category = "lasers", Patterns = ["Laser"] }],
        };

        var error = Assert.Throws<InvalidDataException>(() => Build(systems: systems));
        Assert.Contains("lasers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WrongVersion_Throws()
    {
        var systems = LexiconResources.ReadSystems();
        var future = new LexiconFile<SystemEntry> { Version = 2, Entries = systems.Entries };

        Assert.Throws<InvalidDataException>(() => Build(systems: future));
    }

    [Fact]
    public void Read_UnknownMember_IsRejected()
    {
        const string json = """{"version":1,"entries":[{"name":"X","category":"aircraft","patterns":["X"],"colour":"red"}]}""";

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, LexiconJsonContext.Default.LexiconFileSystemEntry));
    }

    private static Lexicon Build(LexiconFile<SystemEntry>? systems = null) => LexiconBuilder.Build(
        LexiconResources.ReadCountries(),
        systems ?? LexiconResources.ReadSystems(),
        LexiconResources.ReadCategoryTerms(),
        LexiconResources.ReadTransferTerms(),
        LexiconResources.ReadOrganisations(),
        LexiconResources.ReadNegativeCues());
}
