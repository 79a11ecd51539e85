using NewsWatch.Classification;
using NewsWatch.Subscriptions;

namespace NewsWatch.UnitTests.Subscriptions;

public sealed class SubscriberTests
{
    private static readonly DealAssessment Seed = new(true, 0.9, "negotiating", "Russia", "Pakistan",
        [new WeaponSystemMention("Mi-35", WeaponCategory.Aircraft, null)], []);

    [Theory]
    [InlineData(new string[0], new string[0], true)]
    [InlineData(new[] { "Pakistan" }, new string[0], true)]
    [InlineData(new[] { "russia" }, new string[0], true)]
    [InlineData(new[] { "India", "Pakistan" }, new string[0], true)]
    [InlineData(new[] { "India" }, new string[0], false)]
    [InlineData(new string[0], new[] { "aircraft" }, true)]
    [InlineData(new string[0], new[] { "ships" }, false)]
    [InlineData(new[] { "Pakistan" }, new[] { "aircraft" }, true)]
    [InlineData(new[] { "Pakistan" }, new[] { "ships" }, false)]
    [InlineData(new[] { "India" }, new[] { "aircraft" }, false)]
    public void Follows_Filters_AnyWithinAListAllAcrossLists(string[] countries, string[] categories, bool expected) =>
        Assert.Equal(expected, new Subscriber("a@example.org", countries, categories).Follows(Seed));

    [Theory]
    [InlineData("suppliers", "Russia", true)]
    [InlineData("suppliers", "Pakistan", false)]    // Pakistan buys here, it does not supply
    [InlineData("recipients", "pakistan", true)]
    [InlineData("recipients", "Russia", false)]
    [InlineData("systems", "mi-35", true)]
    [InlineData("systems", "F-16", false)]
    [InlineData("stages", "negotiating", true)]
    [InlineData("stages", "embargo_lifted", true)]  // the seed's embargo counts as its own stage
    [InlineData("stages", "delivered", false)]
    public void Follows_OneNarrowFilter_MatchesOnlyItsOwnSide(string filter, string value, bool expected)
    {
        var subscriber = new Subscriber("a@example.org", [], [])
        {
            Suppliers = filter == "suppliers" ? [value] : [],
            Recipients = filter == "recipients" ? [value] : [],
            Systems = filter == "systems" ? [value] : [],
            Stages = filter == "stages" ? [value] : [],
        };

        Assert.Equal(expected, subscriber.Follows(Seed with { Embargo = "lifted" }));
    }

    [Theory]
    [InlineData(0.0, true)]
    [InlineData(0.9, true)]
    [InlineData(0.95, false)]
    public void Follows_MinScore_OnlyDealsScoredAtLeastThat(double minScore, bool expected)
    {
        Assert.Equal(expected, new Subscriber("a@example.org", [], []) { MinScore = minScore }.Follows(Seed));
    }

    [Fact]
    public void Follows_SeveralFilters_AllMustMatch()
    {
        var subscriber = new Subscriber("a@example.org", ["Pakistan"], ["aircraft"]) { Suppliers = ["Russia"], Stages = ["signed"] };

        Assert.False(subscriber.Follows(Seed));
        Assert.True(subscriber.Follows(Seed with { Stage = "signed" }));
    }
}
