using NewsWatch.Subscriptions;
using NewsWatch.Web;

namespace NewsWatch.UnitTests.Web;

public sealed class SubscriptionPagesTests
{
    [Fact]
    public void Preferences_HostileValues_EncodedNeverMarkup()
    {
        var subscriber = new Subscriber("a\"><script>alert(1)</script>@example.org", [], [])
        {
            Keywords = ["\"><img src=x onerror=alert(1)>", "</textarea><svg onload=alert(2)>"],
            TimeZone = "\"><b>zone",
        };

        var html = SubscriptionPages.Preferences(subscriber, "https://n.example/api/preferences?token=t\"><x>", "javascript:alert(3)", error: "<i>bad</i>").Html;

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>zone", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>bad", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<x>", html, StringComparison.Ordinal);
        Assert.Equal(400, SubscriptionPages.Preferences(subscriber, "/", "/", error: "e").Status);
    }

    [Fact]
    public void Page_Always_NoScriptAndLabelsForEveryField()
    {
        var html = SubscriptionPages.Subscribe("/api/subscribe").Html;

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<label for=\"email\">Email address</label><input type=\"email\" id=\"email\"", html);
        Assert.Contains("<html lang=\"en\">", html);
    }
}
