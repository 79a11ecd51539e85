using NewsWatch.Classification;
using NewsWatch.Classification.Evaluation;

namespace NewsWatch.UnitTests.Classification.Evaluation;

public sealed class GoldFactsTests
{
    private static readonly GoldFacts Gold = new(Lexicon.Default);

    [Theory]
    [InlineData("United States", "United States", true)]
    [InlineData("U.S.", "United States", true)]
    [InlineData("the UK", "United Kingdom", true)]
    [InlineData("Denmark; United States", "United States", true)]
    [InlineData("EADS (France/Germany/Spain)", "Germany", true)]
    [InlineData("EADS (France/Germany/Spain)", "EADS", true)]
    [InlineData("Russia (private arms dealer)", "Russia", true)]
    [InlineData("Houthis (Yemen)", "Houthis", true)]
    [InlineData("UN Security Council", "UN Security Council", true)]
    [InlineData("France", "Germany", false)]
    [InlineData("EADS (France/Germany/Spain)", "Italy", false)]
    public void PartyMatches_LabelAsPeopleWriteIt_AgreesThroughTheLexicon(string gold, string predicted, bool expected) =>
        Assert.Equal(expected, Gold.PartyMatches(gold, predicted));

    [Fact]
    public void PartyMatches_NothingPredicted_IsWrong() => Assert.False(Gold.PartyMatches("France", null));

    [Fact]
    public void SystemMatches_SameDesignation_IsRight()
    {
        WeaponSystemMention[] gold = [new("Mi-17", WeaponCategory.Aircraft, null)];
        WeaponSystemMention[] predicted = [new("Mi-17", WeaponCategory.Aircraft, 70)];

        Assert.True(GoldFacts.SystemMatches("Mil Mi-17 helicopters", predicted, gold));
    }

    [Fact]
    public void SystemMatches_LabelNamesADesignationButOnlyACategoryWasFound_IsWrong()
    {
        WeaponSystemMention[] gold = [new("F-16", WeaponCategory.Aircraft, null)];
        WeaponSystemMention[] predicted = [new("fighter jets", WeaponCategory.Aircraft, null)];

        Assert.False(GoldFacts.SystemMatches("F-16 Block 52", predicted, gold));
    }

    [Fact]
    public void SystemMatches_LabelNamesOnlyACategory_SameCategoryIsRight()
    {
        WeaponSystemMention[] gold = [new("fighter aircraft", WeaponCategory.Aircraft, null)];
        WeaponSystemMention[] predicted = [new("Rafale", WeaponCategory.Aircraft, 36)];

        Assert.True(GoldFacts.SystemMatches("fighter aircraft", predicted, gold));
        Assert.False(GoldFacts.SystemMatches("fighter aircraft", [new("T-90", WeaponCategory.ArmouredVehicles, null)], gold));
    }

    [Fact]
    public void StageMatches_EmbargoLabel_MetByTheEmbargoBesideATransferStage()
    {
        var assessment = new DealAssessment(true, 0.9, DealStage.Negotiating, "Russia", "Pakistan", [], []) { Embargo = "lifted" };

        Assert.True(GoldFacts.StageMatches(DealStage.EmbargoLifted, assessment));
        Assert.True(GoldFacts.StageMatches(DealStage.Negotiating, assessment));
        Assert.False(GoldFacts.StageMatches(DealStage.Signed, assessment));
    }
}
