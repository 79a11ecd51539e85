using NewsWatch.Classification;

namespace NewsWatch.UnitTests.Classification;

/// <summary>The order, de-duplication and caps of an assessment's evidence and systems lists, pinned span by span.</summary>
public sealed class AssessmentListsTests
{
    private static readonly DealClassifier Classifier = new(Lexicon.Default);

    [Fact]
    public void Classify_RepeatedSpans_EvidenceOnceBestSentenceFirst()
    {
        var assessment = Classifier.Classify(
            "Russia to sell Su-35 jets to Egypt",
            "Egypt has long flown MiG-29 jets from Russia. Russia will sell 24 Su-35 fighters and Su-35 engines to " +
            "Egypt for $2 billion, Rostec said. The Su-35 deal follows a MiG-29 order by Egypt and talks with France on Rafale jets.");

        // The best (last) sentence's spans first, then the rest in text order; a span already listed under its
        // kind, or quoted as supplier or recipient, is not listed again.
        Assert.Equal(
            [
                ("system", "Su-35", 177), ("system", "MiG-29", 198), ("system", "Rafale", 245), ("system", "fighters", 108),
                ("transfer", "deal", 183), ("transfer", "order", 205), ("transfer", "talks with", 224), ("transfer", "to sell", 7),
                ("transfer", "sell", 94), ("supplier", "France", 235), ("recipient", "Egypt", 214), ("party", "Russia", 0),
                ("party", "Rostec", 160), ("value", "$2 billion", 148),
            ],
            assessment.Evidence.Select(e => (e.Kind, e.Text, e.Start)));
    }

    [Fact]
    public void Classify_ManySpans_AtMostSixPerKind()
    {
        var assessment = Classifier.Classify(
            null,
            "Russia sold Su-35 jets, MiG-29 jets, Mi-35 helicopters, T-90 tanks, S-400 systems, Yak-130 trainers and " +
            "Ka-52 helicopters to Egypt, Algeria, Iraq, Syria, Iran, India, China, Vietnam and Angola.");

        Assert.Equal(
            [
                ("system", "Su-35", 12), ("system", "MiG-29", 24), ("system", "Mi-35", 37), ("system", "helicopters", 43),
                ("system", "T-90", 56), ("system", "tanks", 61), ("transfer", "sold", 7), ("supplier", "Russia", 0),
                ("recipient", "Egypt", 125), ("party", "Algeria", 132), ("party", "Iraq", 141), ("party", "Syria", 147),
                ("party", "Iran", 154), ("party", "India", 160), ("party", "China", 167),
            ],
            assessment.Evidence.Select(e => (e.Kind, e.Text, e.Start)));
        Assert.Equal(
            ["Su-35", "MiG-29", "Mi-35", "T-90", "S-400", "Yak-130", "Ka-52"],
            assessment.Systems.Select(s => s.Name));
    }

    [Fact]
    public void Classify_GenericNounWrittenTwoWays_OneSystemWithTheLaterCount()
    {
        var assessment = Classifier.Classify(
            null,
            "Egypt will buy ATTACK  Helicopters from Russia, and 12 attack helicopters arrive first.");

        var system = Assert.Single(assessment.Systems);
        Assert.Equal(new WeaponSystemMention("attack helicopters", WeaponCategory.Aircraft, 12), system);
        Assert.Equal(
            [("ATTACK  Helicopters", 15), ("attack helicopters", 55)],
            assessment.Evidence.Where(e => e.Kind == "system").Select(e => (e.Text, e.Start)));
    }

    [Fact]
    public void Classify_OwnedNounsAfterFourWords_NotListedBesideNamedSystem()
    {
        // "their old helicopters and submarines": both are owned, the second four words after "their".
        var assessment = Classifier.Classify(
            null,
            "Egypt will buy Rafale jets from France for its air force to replace their old helicopters and submarines.");

        Assert.Equal(["Rafale"], assessment.Systems.Select(s => s.Name));
    }
}
