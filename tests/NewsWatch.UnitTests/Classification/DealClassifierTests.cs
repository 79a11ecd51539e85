using NewsWatch.Classification;

namespace NewsWatch.UnitTests.Classification;

public sealed class DealClassifierTests
{
    private static readonly DealClassifier Classifier = new(Lexicon.Default);

    [Fact]
    public void Classify_SeedStory_ExtractsNegotiationAndLiftedEmbargo()
    {
        var assessment = Classifier.Classify(
            "Russia lifts arms embargo on Pakistan, negotiates Mi-35 sale",
            "Russia has lifted an embargo on weapons deliveries to Pakistan and is negotiating the sale of a number of " +
            "Mi-35 attack helicopters to Islamabad, Rostec chief Sergei Chemezov said.");

        Assert.True(assessment.Relevant);
        Assert.Equal("Russia", assessment.Supplier);
        Assert.Equal("Pakistan", assessment.Recipient);
        Assert.Contains(assessment.Systems, s => s is { Name: "Mi-35", Category: WeaponCategory.Aircraft });
        Assert.Equal(DealStage.Negotiating, assessment.Stage);
        Assert.Equal("lifted", assessment.Embargo);
        Assert.Contains("Mi-35", assessment.EvidenceSentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_SeedStory_EvidenceQuotesTheSpans()
    {
        var assessment = Classifier.Classify(
            "Russia lifts arms embargo on Pakistan, negotiates Mi-35 sale",
            "Russia has lifted an embargo on weapons deliveries to Pakistan and is negotiating the sale of a number of " +
            "Mi-35 attack helicopters to Islamabad, Rostec chief Sergei Chemezov said.");

        Assert.Contains(assessment.Evidence, e => e is { Kind: "system", Text: "Mi-35" });
        Assert.Contains(assessment.Evidence, e => e.Kind == "transfer" && e.Text.StartsWith("negotiating the sale", StringComparison.Ordinal));
        Assert.Contains(assessment.Evidence, e => e.Kind == "supplier" && e.Text == "Russia");
        Assert.Contains(assessment.Evidence, e => e.Kind == "recipient" && e.Text is "Pakistan" or "Islamabad");
        Assert.DoesNotContain(assessment.Evidence, e => e.Kind == "negative");
        Assert.InRange(assessment.Score, 0.5, 1.0);
    }

    [Fact]
    public void Classify_FmsApproval_ApprovedFromUnitedStatesWithQuantity()
    {
        var assessment = Classifier.Classify(
            "Poland – AH-64E Apache Helicopters",
            "The State Department has approved a possible Foreign Military Sale to the Government of Poland of 96 AH-64E " +
            "Apache helicopters, related equipment and training, at an estimated cost of $12 billion.");

        Assert.True(assessment.Relevant);
        Assert.Equal(DealStage.Approved, assessment.Stage);
        Assert.Equal("United States", assessment.Supplier);
        Assert.Equal("Poland", assessment.Recipient);
        var apache = Assert.Single(assessment.Systems, s => s.Name == "AH-64 Apache");
        Assert.Equal(WeaponCategory.Aircraft, apache.Category);
        Assert.Equal(96, apache.Quantity);
        Assert.Equal("$12 billion", assessment.Value);
    }

    [Fact]
    public void Classify_ContractWithFrance_SignedWithOriginAsSupplier()
    {
        var assessment = Classifier.Classify(
            null,
            "India signed a contract with France for 26 Rafale Marine jets for its navy's aircraft carrier.");

        Assert.True(assessment.Relevant);
        Assert.Equal(DealStage.Signed, assessment.Stage);
        Assert.Equal("France", assessment.Supplier);
        Assert.Equal("India", assessment.Recipient);
        var rafale = Assert.Single(assessment.Systems, s => s.Name == "Rafale");
        Assert.Equal(26, rafale.Quantity);
    }

    [Theory]
    [InlineData("India signed a contract with France for 26 Rafale Marine jets for its navy's aircraft carriers.")]
    [InlineData("Egypt will buy 12 Rafale jets from France to fly alongside their existing helicopters and tanks.")]
    public void Classify_GenericWeaponTheRecipientAlreadyOwns_NotListedAsTransferred(string text)
    {
        var assessment = Classifier.Classify(null, text);

        Assert.True(assessment.Relevant);
        Assert.Equal([WeaponCategory.Aircraft], assessment.Systems.Select(s => s.Category).Distinct());
    }

    [Fact]
    public void Classify_NamedSystemAndAnotherGenericWeapon_BothListed()
    {
        var assessment = Classifier.Classify(null, "The United States approved the sale of 20 F-16 jets and 300 missiles to Turkey.");

        Assert.Contains(assessment.Systems, s => s.Category == WeaponCategory.Aircraft);
        Assert.Contains(assessment.Systems, s => s.Category == WeaponCategory.Missiles && s.Quantity == 300);
    }

    [Fact]
    public void Classify_AirDefenceDelivery_DeliveredToUkraine()
    {
        var assessment = Classifier.Classify(
            "First IRIS-T battery arrives",
            "Germany delivered the first IRIS-T air defence system to Ukraine on Tuesday, the defence ministry in Berlin confirmed.");

        Assert.True(assessment.Relevant);
        Assert.Equal(DealStage.Delivered, assessment.Stage);
        Assert.Equal("Germany", assessment.Supplier);
        Assert.Equal("Ukraine", assessment.Recipient);
        Assert.Contains(assessment.Systems, s => s is { Name: "IRIS-T", Category: WeaponCategory.AirDefence });
    }

    [Fact]
    public void Classify_PurchaseFromSeller_SupplierAfterFrom()
    {
        var assessment = Classifier.Classify(null, "Egypt is buying 24 Typhoon fighters from Italy in a deal worth €3 billion.");

        Assert.True(assessment.Relevant);
        Assert.Equal("Italy", assessment.Supplier);
        Assert.Equal("Egypt", assessment.Recipient);
        var typhoon = Assert.Single(assessment.Systems, s => s.Name == "Eurofighter Typhoon");
        Assert.Equal(24, typhoon.Quantity);
        Assert.Equal("€3 billion", assessment.Value);
    }

    [Fact]
    public void Classify_MakerWinsExportOrder_MakerCountrySuppliesNamedBuyer()
    {
        var assessment = Classifier.Classify(
            "Hanwha wins Polish howitzer order",
            "South Korea's Hanwha Aerospace has signed a $2.6 billion contract to supply 152 K9 Thunder self-propelled howitzers to Poland.");

        Assert.True(assessment.Relevant);
        Assert.Equal(DealStage.Signed, assessment.Stage);
        Assert.Equal("South Korea", assessment.Supplier);
        Assert.Equal("Poland", assessment.Recipient);
        var k9 = Assert.Single(assessment.Systems, s => s.Name == "K9 Thunder");
        Assert.Equal(WeaponCategory.Artillery, k9.Category);
        Assert.Equal(152, k9.Quantity);
    }

    [Fact]
    public void Classify_CancelledSubmarineOrder_CancelledShips()
    {
        var assessment = Classifier.Classify(
            null,
            "Canberra scrapped its order for twelve Attack-class submarines from France, ending the contract with Naval Group.");

        Assert.True(assessment.Relevant);
        Assert.Equal(DealStage.Cancelled, assessment.Stage);
        Assert.Equal("France", assessment.Supplier);
        Assert.Equal("Australia", assessment.Recipient);
        var subs = Assert.Single(assessment.Systems, s => s.Name == "Attack-class");
        Assert.Equal(WeaponCategory.Ships, subs.Category);
        Assert.Equal(12, subs.Quantity);
    }

    [Fact]
    public void Classify_EmbargoOnly_StageIsTheEmbargoChange()
    {
        var assessment = Classifier.Classify(
            null,
            "The UN Security Council imposed an arms embargo on South Sudan, banning all weapons deliveries to the country.");

        Assert.True(assessment.Relevant);
        Assert.Equal(DealStage.EmbargoImposed, assessment.Stage);
        Assert.Equal("imposed", assessment.Embargo);
        Assert.Equal("UN Security Council", assessment.Supplier);
        Assert.Equal("South Sudan", assessment.Recipient);
    }

    [Fact]
    public void Classify_DemonymAndCapital_ResolveToCountries()
    {
        var assessment = Classifier.Classify(
            null,
            "Moscow has delivered a second batch of S-400 missile systems to Ankara, Turkish officials said.");

        Assert.True(assessment.Relevant);
        Assert.Equal("Russia", assessment.Supplier);
        Assert.Equal("Turkey", assessment.Recipient);
        Assert.Contains(assessment.Systems, s => s is { Name: "S-400", Category: WeaponCategory.AirDefence });
    }

    [Fact]
    public void Classify_HelicopterCrash_NotRelevant()
    {
        var assessment = Classifier.Classify(
            null,
            "A Pakistani army Mi-17 helicopter crashed during a training flight near Gilgit, killing four crew.");

        Assert.False(assessment.Relevant);
        Assert.Contains(assessment.Evidence, e => e.Kind == "negative");
    }

    [Fact]
    public void Classify_AirlinerOrder_NotRelevant()
    {
        var assessment = Classifier.Classify(
            null, "Emirates orders 65 Boeing 777X airliners worth $25 billion at the Dubai Airshow.");

        Assert.False(assessment.Relevant);
    }

    [Fact]
    public void Classify_MilitaryExercise_NotRelevant()
    {
        var assessment = Classifier.Classify(
            "Allies drill together",
            "French Rafale jets and Indian Su-30MKI fighters took part in a joint air exercise over Rajasthan this week.");

        Assert.False(assessment.Relevant);
    }

    [Theory]
    [InlineData("The new mayor unveiled the town's coat of arms, a lion holding a sword, at a ceremony on Monday.")]
    [InlineData("Refugees arriving from Syria were welcomed with open arms by volunteers in the German town.")]
    [InlineData("The champion threw her arms around her coach after winning the final in Paris.")]
    public void Classify_OtherSensesOfArms_NotRelevant(string text)
    {
        Assert.False(Classifier.Classify(null, text).Relevant);
    }

    [Fact]
    public void Classify_OilEmbargo_NotRelevant()
    {
        var assessment = Classifier.Classify(
            "Oil embargo bites",
            "The European Union imposed an oil embargo on Russia, banning seaborne crude imports from the country.");

        Assert.False(assessment.Relevant);
    }

    [Fact]
    public void Classify_DomesticOrder_NotRelevant()
    {
        var assessment = Classifier.Classify(
            null, "The U.S. Army awarded Lockheed Martin a contract for 500 more Javelin missiles to restock its own arsenal.");

        Assert.False(assessment.Relevant);
    }

    [Fact]
    public void Classify_ForeignSuppliedWeaponUsedInCombat_NotRelevant()
    {
        var assessment = Classifier.Classify(
            null, "Ukrainian forces used British-supplied Storm Shadow missiles to strike a bridge in occupied territory.");

        Assert.False(assessment.Relevant);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "")]
    [InlineData("   ", "\n\n")]
    public void Classify_EmptyArticle_NotRelevantAndEmpty(string? title, string? text)
    {
        var assessment = Classifier.Classify(title, text);

        Assert.False(assessment.Relevant);
        Assert.Empty(assessment.Systems);
        Assert.Null(assessment.Stage);
        Assert.Null(assessment.Supplier);
    }

    [Fact]
    public void Classify_LongArticle_Completes()
    {
        var text = string.Concat(Enumerable.Repeat("Officials met again in Geneva to discuss regional security. ", 2_000));

        var assessment = Classifier.Classify("Talks", text);

        Assert.False(assessment.Relevant);
    }

    [Fact]
    public void Classify_ParallelCalls_GiveTheSameAnswer()
    {
        const string text = "Egypt is buying 24 Typhoon fighters from Italy in a deal worth €3 billion.";
        var expected = Classifier.Classify(null, text);

        var results = new DealAssessment[64];
        Parallel.For(0, results.Length, i => results[i] = Classifier.Classify(null, text));

        Assert.All(results, r =>
        {
            Assert.Equal(expected.Score, r.Score);
            Assert.Equal(expected.Supplier, r.Supplier);
            Assert.Equal(expected.Systems, r.Systems);
        });
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Constructor_ThresholdOutsideUnitInterval_Throws(double threshold)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DealClassifier(Lexicon.Default, threshold));
    }

    [Fact]
    public void Classify_ThresholdZero_EverythingRelevant()
    {
        var classifier = new DealClassifier(Lexicon.Default, relevanceThreshold: 0);

        Assert.True(classifier.Classify(null, "The weather in Oslo was mild.").Relevant);
    }
}
