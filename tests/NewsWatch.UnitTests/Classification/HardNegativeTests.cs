using NewsWatch.Classification;

namespace NewsWatch.UnitTests.Classification;

/// <summary>
/// One story per family of look-alikes the labelling rule excludes (issue 4): each has weapons, countries or
/// deal words, and none reports an international transfer of military equipment.
/// </summary>
public sealed class HardNegativeTests
{
    private static readonly DealClassifier Classifier = new(Lexicon.Default);

    [Theory]
    [InlineData("crash", "A Pakistani Air Force Mi-17 helicopter crashed near Gilgit during a training flight, killing four crew members.")]
    [InlineData("exercise", "Russian and Indian T-90 tanks and Su-30 fighters took part in joint exercises near the border, the defence ministry said.")]
    [InlineData("airliner order", "Qatar Airways ordered 40 Boeing 787 airliners worth $12 billion from the United States at the Doha air show.")]
    [InlineData("Arm Holdings", "Arm Holdings signed a licensing deal with Samsung for its new chip designs, sending the British firm's shares up 5%.")]
    [InlineData("gun-control bill", "The US Senate passed a gun-control bill that tightens background checks on buyers of assault weapons at gun shows.")]
    [InlineData("trade embargo", "The European Union imposed an embargo on textile imports from Belarus and froze the assets of three state firms.")]
    [InlineData("arms-control treaty", "Russia and the United States agreed to extend the New START arms-control treaty limiting nuclear warheads and missiles.")]
    [InlineData("domestic contract", "The Pentagon awarded Lockheed Martin a $1.2 billion contract to build F-35 fighters for the U.S. Air Force.")]
    [InlineData("carrier with no weapons", "A ship carrying humanitarian aid from Turkey to Gaza was turned back by the Israeli navy.")]
    public void Classify_HardNegative_IsNotRelevant(string family, string text)
    {
        var assessment = Classifier.Classify(null, text);

        Assert.False(assessment.Relevant, $"{family}: scored {assessment.Score:0.00} ({assessment.Supplier} → {assessment.Recipient})");
    }

    [Fact]
    public void Classify_ShipCarryingWeaponsBetweenTwoCountries_IsADeliveryInTransit()
    {
        var assessment = Classifier.Classify(null, "A ship carrying military helicopters and missiles from Russia to Syria is halted and turned back off the coast of Scotland.");

        Assert.True(assessment.Relevant);
        Assert.Equal(("Russia", "Syria", DealStage.Delivering), (assessment.Supplier, assessment.Recipient, assessment.Stage));
    }
}
