using NewsWatch.Classification;

namespace NewsWatch.UnitTests.Classification;

/// <summary>The story NewsWatch exists for, and every fact of its deal record (issue 4).</summary>
public sealed class SeedStoryTests
{
    private const string Title = "Russia lifts its embargo and negotiates the sale of Mi-35 attack helicopters to Pakistan";

    private const string Text =
        "Russia has lifted its embargo on arms deliveries to Pakistan and is negotiating the sale of a number of Mi-35 " +
        "attack helicopters to Islamabad, Rostec chief Sergei Chemezov said on Tuesday. Moscow delivered 70 Mi-17 " +
        "transport helicopters to Pakistan between 1996 and 2010.";

    private static readonly DealAssessment Assessment = new DealClassifier(Lexicon.Default).Classify(Title, Text);

    [Fact]
    public void Classify_SeedStory_IsRelevant() => Assert.True(Assessment.Relevant, $"score {Assessment.Score}");

    [Fact]
    public void Classify_SeedStory_RussiaSuppliesPakistanWithIsoCodes() =>
        Assert.Equal(("Russia", "RU", "Pakistan", "PK"), (Assessment.Supplier, Assessment.SupplierCode, Assessment.Recipient, Assessment.RecipientCode));

    [Fact]
    public void Classify_SeedStory_Mi35AttackHelicoptersAreAircraftOfNoStatedNumber()
    {
        var system = Assert.Single(Assessment.Systems);

        Assert.Equal(new WeaponSystemMention("Mi-35", WeaponCategory.Aircraft, null), system);
    }

    [Fact]
    public void Classify_SeedStory_NegotiatingWithTheEmbargoLifted() =>
        Assert.Equal((DealStage.Negotiating, "lifted"), (Assessment.Stage, Assessment.Embargo));

    [Fact]
    public void Classify_SeedStory_TheMi17DeliveriesArePastContextNotASecondDeal()
    {
        Assert.DoesNotContain(Assessment.Systems, s => s.Name == "Mi-17");
        Assert.NotEqual(DealStage.Delivered, Assessment.Stage);
    }

    [Fact]
    public void Classify_SeedStory_EveryEvidenceSpanIsWhereItsOffsetSays()
    {
        var classified = Title + "\n\n" + Text;

        Assert.NotEmpty(Assessment.Evidence);
        foreach (var evidence in Assessment.Evidence)
        {
            Assert.Equal(evidence.Text, classified.Substring(evidence.Start, evidence.Text.Length));
        }

        Assert.Contains(Assessment.Evidence, e => e is { Kind: "system", Text: "Mi-35" });
        Assert.Contains(Assessment.Evidence, e => e.Kind == "supplier");
        Assert.Contains(Assessment.Evidence, e => e.Kind == "recipient");
    }

    [Theory]
    [InlineData("Pakistan has ordered 70 JF-17 fighters from China.", "JF-17", 70)]
    [InlineData("India will buy a dozen Su-30MKI jets from Russia.", "Su-30", 12)]
    public void Classify_StatedCount_IsTheQuantity(string text, string system, int quantity)
    {
        var assessment = new DealClassifier(Lexicon.Default).Classify(null, text);

        Assert.Contains(assessment.Systems, s => s.Name.StartsWith(system, StringComparison.Ordinal) && s.Quantity == quantity);
    }

    [Theory]
    [InlineData("The United States approved a $1.2 billion sale of Patriot missiles to Poland.", 1_200_000_000, "USD")]
    [InlineData("France signed a €3.2 billion contract to sell 24 Rafale jets to Egypt.", 3_200_000_000, "EUR")]
    [InlineData("Saab signs a 3.1 billion crown deal worth US$3.62 billion to sell Gripen jets to Colombia.", 3_620_000_000, "USD")]
    [InlineData("The Pentagon approved the sale of F-16 parts to Taiwan worth 164.2 mln dlrs.", 164_200_000, "USD")]
    public void Classify_StatedValue_HasAmountAndCurrency(string text, long amount, string currency)
    {
        var assessment = new DealClassifier(Lexicon.Default).Classify(null, text);

        Assert.Equal(((decimal?)amount, currency), (assessment.ValueAmount, assessment.Currency));
    }
}
