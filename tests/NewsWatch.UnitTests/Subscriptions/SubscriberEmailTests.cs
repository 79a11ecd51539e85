using NewsWatch.Subscriptions;

namespace NewsWatch.UnitTests.Subscriptions;

public sealed class SubscriberEmailTests
{
    [Theory]
    [InlineData("analyst@example.org", "analyst@example.org")]
    [InlineData("  Analyst@Example.ORG ", "Analyst@example.org")]
    [InlineData("first.last+arms@news.example.co.uk", "first.last+arms@news.example.co.uk")]
    public void TryNormalize_Address_Accepted(string text, string expected)
    {
        Assert.True(SubscriberEmail.TryNormalize(text, out var email, out _));
        Assert.Equal(expected, email);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("a@b")]
    [InlineData("Analyst <analyst@example.org>")]
    [InlineData("two@example.org, three@example.org")]
    [InlineData("")]
    [InlineData(null)]
    public void TryNormalize_NotAnAddress_RefusedWithMessage(string? text)
    {
        Assert.False(SubscriberEmail.TryNormalize(text, out _, out var error));
        Assert.Contains("is not an email address", error);
    }
}
