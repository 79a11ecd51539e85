using NewsWatch.Classification;

namespace NewsWatch.UnitTests.Classification;

/// <summary>Who supplies and who receives, from sentences written for each rule of PartyRoleResolver.</summary>
public sealed class PartyRoleTests
{
    private static readonly DealClassifier Classifier = new(Lexicon.Default);

    [Theory]
    [InlineData("The Netherlands awards a contract to French shipbuilder Naval Group to build four Orka-class submarines.", "France", "Netherlands")]
    [InlineData("Turkey confirms it has seized an Iranian arms shipment to Syria.", "Iran", "Syria")]
    [InlineData("The government lifts its ban on American weapons sales to Saudi Arabia.", "United States", "Saudi Arabia")]
    [InlineData("President Sarkozy defends his plans to sell up to four French warships to Russia, despite Georgian concerns.", "France", "Russia")]
    [InlineData("United Nations diplomats say the UAE seized a North Korean ship carrying weapons to Iran.", "North Korea", "Iran")]
    public void Classify_OriginWordBeforeTheWeapon_IsTheSupplier(string text, string supplier, string recipient) =>
        AssertRoles(text, supplier, recipient);

    [Fact]
    public void Classify_PossessiveBeforeTheWeapon_IsTheRecipient() =>
        AssertRoles("Airmen worked around the clock to ensure Israel's first two F-35 aircraft were delivered on Monday.", "United States", "Israel");

    [Fact]
    public void Classify_SubjectOfAnApprovalWithRecipientGiven_IsTheSupplier() =>
        AssertRoles("The United States approves a $11.1 billion arms sale to Taiwan, including howitzers and drones.", "United States", "Taiwan");

    [Fact]
    public void Classify_CurrencyCode_IsNoParty() =>
        AssertRoles("Saab signs a contract worth 3.1 billion (US$3.62 billion) with the Colombian government to provide 17 Gripen fighter jets.", "Sweden", "Colombia");

    [Fact]
    public void Classify_TensionsWithAThirdCountry_AreNoCounterpart() =>
        AssertRoles("The U.S. State Department approves the sale of 341 Javelin anti-tank missiles to Lithuania amid rising tensions with Russia.", "United States", "Lithuania");

    [Fact]
    public void Classify_AgentOfAPlanToSell_IsTheSupplier() =>
        AssertRoles("The United States is blocking a $400 million plan by South Korea to sell T-50 trainer jets to Uzbekistan.", "South Korea", "Uzbekistan");

    [Fact]
    public void Classify_EmbargoOfTheSecurityCouncil_HasTheCouncilAsSupplier() =>
        AssertRoles("The United Nations Security Council arms embargo on Iran formally expires.", "UN Security Council", "Iran");

    [Fact]
    public void Classify_BuyerNamedInsideTheRequest_IsTheRecipientAndTheUnitedStatesSupplies() =>
        AssertRoles("The Government of Japan has requested a possible sale of AEGIS combat system upgrades for two destroyers.", "United States", "Japan");

    [Fact]
    public void Classify_DeliveryUsedAsANoun_DoesNotMakeTheSubjectTheSupplier() =>
        AssertRoles("Japan achieved a historic milestone with the delivery of the first F-35 Lightning II aircraft.", "United States", "Japan");

    [Theory]
    [InlineData("Россия поставит Пакистану ударные вертолёты Ми-35 по новому контракту.", "Russia", "Pakistan")]
    [InlineData("RUSSIA, March 5 - Moscow will sell Mi-35 attack helicopters to Pakistan.", "Russia", "Pakistan")]
    public void Classify_CountryOpeningTheBody_IsAPartyUnlessItIsADateline(string text, string supplier, string recipient) =>
        AssertRoles(text, supplier, recipient);

    [Theory]
    [InlineData("L'Égypte achète 24 avions de combat Rafale à la France.", "France", "Egypt")]
    [InlineData("La India compra 36 cazas Rafale a Francia.", "France", "India")]
    [InlineData("La France vend 24 avions de combat Rafale à l'Égypte.", "France", "Egypt")]
    public void Classify_BuyingFromInRomanceLanguages_TheDativeSupplies(string text, string supplier, string recipient) =>
        AssertRoles(text, supplier, recipient);

    private static void AssertRoles(string text, string supplier, string recipient)
    {
        var assessment = Classifier.Classify(null, text);

        Assert.Equal((supplier, recipient), (assessment.Supplier, assessment.Recipient));
    }
}
