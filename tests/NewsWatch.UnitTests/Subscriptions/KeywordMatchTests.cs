using NewsWatch.Classification;
using NewsWatch.Subscriptions;

namespace NewsWatch.UnitTests.Subscriptions;

public sealed class KeywordMatchTests
{
    [Theory]
    [InlineData("tank", "Poland orders 250 Abrams tanks", false)]      // a word, not a piece of one
    [InlineData("tanks", "Poland orders 250 Abrams tanks", true)]
    [InlineData("black sea", "Drones for the Black Sea fleet", true)]
    [InlineData("Sao Paulo", "Embraer plant in São Paulo wins order", true)] // accents and case do not matter
    [InlineData("lodz", "Tank plant in Łódź expands", true)]
    [InlineData("offset", "", false)]
    [InlineData("  ", "anything at all", false)]
    public void In_Text_WholeWordsWithoutCaseOrAccents(string keyword, string text, bool expected) =>
        Assert.Equal(expected, KeywordMatch.In(keyword, text));

    [Fact]
    public void Follows_Keywords_HeadlineOrEvidenceMustHoldOne()
    {
        var deal = new DealAssessment(true, 0.9, "signed", "Turkey", "Pakistan", [], []) { EvidenceSentence = "The corvettes will patrol the Arabian Sea." };
        var subscriber = new Subscriber("a@example.org", [], []) { Keywords = ["Arabian Sea", "offset"] };

        Assert.True(subscriber.Follows(deal, "Turkey signs corvette deal"));
        Assert.False(subscriber.Follows(deal with { EvidenceSentence = "No sea named." }, "Turkey signs corvette deal"));
        Assert.Equal(["keyword \"Arabian Sea\""], subscriber.Reasons(deal, "Turkey signs corvette deal"));
    }

    [Fact]
    public void Reasons_CountryAndCategory_NameWhatMatched()
    {
        var deal = new DealAssessment(true, 0.9, "negotiating", "Russia", "Pakistan", [new WeaponSystemMention("Mi-35", WeaponCategory.Aircraft, null)], []);

        Assert.Equal(["country Pakistan", "category aircraft"], new Subscriber("a@example.org", ["Pakistan", "India"], [WeaponCategory.Aircraft]).Reasons(deal));
    }
}
