using NewsWatch.Feeds;

namespace NewsWatch.UnitTests.Feeds;

public sealed class FeedUrlTests
{
    [Theory]
    [InlineData("https://news.example/rss.xml")]
    [InlineData("  http://127.0.0.1:8089/feed.atom ")]
    public void TryParse_HttpUrl_Accepted(string text) => Assert.True(FeedUrl.TryParse(text, out _, out _));

    [Theory]
    [InlineData("not a url", "not an absolute URL")]
    [InlineData("/relative/feed.xml", "not an absolute URL")]
    [InlineData("ftp://news.example/feed.xml", "uses ftp:")]
    [InlineData("file:///etc/passwd", "uses file:")]
    [InlineData("", "not an absolute URL")]
    public void TryParse_NotAnHttpUrl_RefusedWithReason(string text, string reason)
    {
        Assert.False(FeedUrl.TryParse(text, out _, out var error));
        Assert.Contains(reason, error);
    }
}
