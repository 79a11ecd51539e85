using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using NewsWatch.Alerts;
using NewsWatch.Classification;
using NewsWatch.Email;
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

    private static readonly SubscriptionLinks Links = new(
        new SubscriptionTokens(Options.Create(new SubscriptionsOptions { TokenSigningKey = new string('k', 32) }), TimeProvider.System),
        Options.Create(new SubscriptionsOptions { PublicBaseUrl = "https://newswatch.example" }),
        Options.Create(new EmailOptions { From = "alerts@newswatch.example" }));

    private static EmailMessage Compose(DealAlert alert, Subscriber subscriber, bool update = false, params string[] outlets)
    {
        var story = new Story("story1", alert.Title, alert.Url, alert.Assessment.Stage, default, default) { Outlets = ["news.example", .. outlets] };
        return AlertEmail.Compose(alert, story, update, subscriber, new DeliveryKey("story1", SubscriberStore.IdOf(subscriber.Email), story.DeliveryStage), Links);
    }

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
        var mail = Compose(Alert, new Subscriber("desk@example.org", ["Pakistan"], []));

        Assert.Equal("desk@example.org", mail.To);
        Assert.Equal("[NewsWatch] Russia → Pakistan: Mi-35 (negotiating)", mail.Subject);
        Assert.Contains("Russia <lifts> embargo", mail.TextBody);
        Assert.Contains("Russia → Pakistan · 12 × Mi-35 (aircraft)", mail.TextBody);
        Assert.Contains("\"Russia is negotiating the sale of Mi-35 attack helicopters to Islamabad.\"  (news.example)", mail.TextBody);
        Assert.Contains("https://news.example/story?a=1&b=2", mail.TextBody);
        Assert.Contains("Why you got this: country Pakistan", mail.TextBody);

        Assert.Contains("Russia &lt;lifts&gt; embargo", mail.HtmlBody);
        Assert.DoesNotContain("<lifts>", mail.HtmlBody);
        Assert.Contains("href=\"https://news.example/story?a=1&amp;b=2\"", mail.HtmlBody);
        Assert.Contains("Russia → Pakistan", mail.HtmlBody);
        Assert.Contains("attack helicopters to Islamabad", mail.HtmlBody);
    }

    [Fact]
    public void Subject_EmbargoWithoutSystems_PartiesAndTheEmbargo()
    {
        var embargo = new DealAssessment(true, 0.8, "embargo_imposed", "European Union", "Myanmar", [], []) { Embargo = "imposed" };

        Assert.Equal("[NewsWatch] European Union → Myanmar (embargo imposed)", AlertEmail.Subject(Alert with { Assessment = embargo }));
    }

    [Fact]
    public void Subject_NoPartiesNorSystemsAndLineBreaksInTheTitle_TheTitleOnOneLine()
    {
        var bare = new DealAssessment(true, 0.6, null, null, null, [], []);

        var subject = AlertEmail.Subject(Alert with { Title = "Arms\r\nBcc: victim@example.org\n\tdeal\u2028signed", Assessment = bare });

        Assert.Equal("[NewsWatch] Arms Bcc: victim@example.org deal signed", subject);
    }

    [Fact]
    public void Subject_LongTitle_CutWithAnEllipsis()
    {
        var bare = new DealAssessment(true, 0.6, null, null, null, [], []);

        var subject = AlertEmail.Subject(Alert with { Title = string.Concat(Enumerable.Repeat("word ", 100)), Assessment = bare });

        Assert.Equal(150, subject.Length);
        Assert.EndsWith("…", subject);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "javascript:alert(1)")]
    [InlineData("<img src=x onerror=alert(1)>", "JaVaScRiPt:alert(1)")]
    [InlineData("\"><svg onload=alert(1)>", "data:text/html,<script>alert(1)</script>")]
    [InlineData("<a href=\"javascript:alert(2)\">x</a>", "vbscript:msgbox(1)")]
    public void Compose_HostileTitleEvidenceAndUrl_NoMarkupNoScriptLinkNoHeaderBreak(string hostile, string url)
    {
        var deal = Seed with { EvidenceSentence = hostile + " Russia sells Mi-35s." };
        var mail = Compose(new DealAlert("id1", url, hostile + "\r\nBcc: x@example.org", null, deal), new Subscriber("desk@example.org", [], []));

        Assert.DoesNotContain("<script", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<a href=\"javascript", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.All(Regex.Matches(mail.HtmlBody, "href=\"([^\"]*)\"").Select(m => m.Groups[1].Value), href => Assert.StartsWith("http", href, StringComparison.Ordinal));
        Assert.DoesNotContain(url, mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', mail.Subject);
        Assert.DoesNotContain('\n', mail.Subject);
    }

    [Fact]
    public void Compose_Alert_CategoryAndIdsForTheWebhook()
    {
        var mail = Compose(Alert, new Subscriber("Desk@Example.org", [], []));

        Assert.Equal(["newswatch-alert"], mail.Categories);
        Assert.Equal("id1", mail.CustomArgs["article_id"]);
        Assert.Equal(NewsWatch.Storage.EntityKeys.Hash("desk@example.org"), mail.CustomArgs["subscriber_id"]);
    }

    [Fact]
    public void Compose_SubscriberWithoutFilters_SaysAllDeals()
    {
        Assert.Contains("Why you got this: all arms deals", Compose(Alert, new Subscriber("a@example.org", [], [])).TextBody);
    }

    [Fact]
    public void Compose_Alert_OneClickUnsubscribeHeadersWithHttpsAndMailto()
    {
        var mail = Compose(Alert, new Subscriber("desk@example.org", [], []));

        Assert.Matches(@"^<https://newswatch\.example/api/unsubscribe\?token=[\w\-.]+>, <mailto:unsubscribe@newswatch\.example\?subject=unsubscribe%20[\w\-.]+>$", mail.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.Contains("https://newswatch.example/api/preferences?token=", mail.HtmlBody);
        Assert.Contains("Unsubscribe: https://newswatch.example/api/unsubscribe?token=", mail.TextBody);
    }

    [Fact]
    public void Compose_Alert_MatchedTermsHighlightedAndFactsInATable()
    {
        var deal = Seed with { Evidence = [new Evidence("system", "Mi-35"), new Evidence("transfer", "negotiating the sale")] };

        var mail = Compose(Alert with { Assessment = deal }, new Subscriber("desk@example.org", [], []));

        Assert.Contains(">Mi-35</mark>", mail.HtmlBody);
        Assert.Contains(">negotiating the sale</mark>", mail.HtmlBody);
        Assert.Contains(">Supplier → recipient</th><td style=\"padding:4px 0\">Russia → Pakistan</td>", mail.HtmlBody);
    }

    [Fact]
    public void Compose_StageUpdate_MarkedAsUpdateWithTheOtherOutlets()
    {
        var mail = Compose(Alert, new Subscriber("desk@example.org", [], []), update: true, "wire.example", "daily.example");

        Assert.Equal("[NewsWatch] Update: Russia → Pakistan: Mi-35 (negotiating)", mail.Subject);
        Assert.Contains("UPDATE: this deal is now negotiating", mail.TextBody);
        Assert.Contains("Also reported by: wire.example, daily.example", mail.TextBody);
        Assert.Equal("story1:" + SubscriberStore.IdOf("desk@example.org") + ":negotiating", mail.CustomArgs["delivery_id"]);
        Assert.Equal("story1", mail.CustomArgs["story_id"]);
    }
}
