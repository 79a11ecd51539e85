using NewsWatch.Alerts;
using NewsWatch.Classification;
using NewsWatch.Messages;
using NewsWatch.Subscriptions;

namespace NewsWatch.UnitTests.Alerts;

public sealed class AlertEmailTests
{
    private static readonly DealAssessment Seed = new(true, 0.9, "negotiating", "Russia", "Pakistan",
        [new WeaponSystemMention("Mi-35", WeaponCategory.Aircraft, 12)], [])
    {
        Embargo = "lifted",
        EvidenceSentence = "Russia is negotiating the sale of Mi-35 attack helicopters to Islamabad.",
    };

    private static readonly DealAlert Alert = new("id1", "https://news.example/story?a=1&b=2", "Russia <lifts> embargo", null, Seed);

    [Fact]
    public void Line_SeedStory_ReadsLikeTheDesign()
    {
        Assert.Equal("Russia → Pakistan · 12 × Mi-35 (aircraft) · stage: negotiating · embargo lifted", DealFacts.Line(Seed));
    }

    [Fact]
    public void Line_EmbargoOnly_NoStageRepeated()
    {
        var embargo = new DealAssessment(true, 0.8, "embargo_imposed", null, "Myanmar", [], []) { Embargo = "imposed" };

        Assert.Equal("? → Myanmar · embargo imposed", DealFacts.Line(embargo));
    }

    [Fact]
    public void Compose_Alert_BothPartsCarryHeadlineFactsEvidenceAndLink()
    {
        var mail = AlertEmail.Compose(Alert, new Subscriber("desk@example.org", ["Pakistan"], []));

        Assert.Equal("desk@example.org", mail.To);
        Assert.Equal("NewsWatch: Russia <lifts> embargo", mail.Subject);
        Assert.Contains("Russia <lifts> embargo", mail.TextBody);
        Assert.Contains("Russia → Pakistan · 12 × Mi-35 (aircraft)", mail.TextBody);
        Assert.Contains("\"Russia is negotiating the sale of Mi-35 attack helicopters to Islamabad.\"  (news.example)", mail.TextBody);
        Assert.Contains("https://news.example/story?a=1&b=2", mail.TextBody);
        Assert.Contains("follows Pakistan", mail.TextBody);

        Assert.Contains("Russia &lt;lifts&gt; embargo", mail.HtmlBody);
        Assert.DoesNotContain("<lifts>", mail.HtmlBody);
        Assert.Contains("href=\"https://news.example/story?a=1&amp;b=2\"", mail.HtmlBody);
        Assert.Contains("Russia → Pakistan", mail.HtmlBody);
        Assert.Contains("attack helicopters to Islamabad", mail.HtmlBody);
    }

    [Fact]
    public void Compose_SubscriberWithoutFilters_SaysAllDeals()
    {
        Assert.Contains("follows all arms deals", AlertEmail.Compose(Alert, new Subscriber("a@example.org", [], [])).TextBody);
    }
}
