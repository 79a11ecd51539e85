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
}
