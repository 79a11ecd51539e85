using NewsWatch.Feeds;

namespace NewsWatch.UnitTests.Feeds;

public sealed class ArticleIdentityTests
{
    private static readonly Uri FeedA = new("https://a.example/rss");
    private static readonly Uri FeedB = new("https://b.example/atom");

    [Fact]
    public void IdOf_SameLinkInTwoFeedsWithTrackingParameters_SameArticle()
    {
        var plain = new FeedItem("1", "t", new Uri("https://News.Example:443/story?id=7#top"), "", null);
        var tracked = new FeedItem("other", "t2", new Uri("https://news.example/story?utm_source=rss&id=7&utm_medium=feed"), "", null);

        Assert.Equal(ArticleIdentity.IdOf(plain, FeedA), ArticleIdentity.IdOf(tracked, FeedB));
    }

    [Fact]
    public void IdOf_DifferentQuery_DifferentArticles()
    {
        var one = new FeedItem(null, "t", new Uri("https://news.example/story?id=7"), "", null);
        var two = new FeedItem(null, "t", new Uri("https://news.example/story?id=8"), "", null);

        Assert.NotEqual(ArticleIdentity.IdOf(one, FeedA), ArticleIdentity.IdOf(two, FeedA));
    }

    [Fact]
    public void IdOf_NoLink_UsesTheFeedsIdScopedToTheFeed()
    {
        var item = new FeedItem("guid-1", "t", null, "", null);

        Assert.Equal(ArticleIdentity.IdOf(item, FeedA), ArticleIdentity.IdOf(item with { Title = "edited" }, FeedA));
        Assert.NotEqual(ArticleIdentity.IdOf(item, FeedA), ArticleIdentity.IdOf(item, FeedB));
    }

    [Fact]
    public void IdOf_Always_IsAValidTableKey()
    {
        var id = ArticleIdentity.IdOf(new FeedItem(null, "t", new Uri("https://news.example/a/b?c=d#e"), "", null), FeedA);

        Assert.Matches("^[0-9a-f]{32}$", id);
    }
}
