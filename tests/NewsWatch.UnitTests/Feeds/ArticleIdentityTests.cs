using NewsWatch.Feeds;

namespace NewsWatch.UnitTests.Feeds;

public sealed class ArticleIdentityTests
{
    private static readonly Uri FeedA = new("https://a.example/rss");
    private static readonly Uri FeedB = new("https://b.example/atom");

    private static FeedItem Item(string? id, string? link, string title = "t", string summary = "") =>
        new(id, title, link is null ? null : new Uri(link), summary, null);

    [Fact]
    public void KeysOf_SameLinkInTwoFeedsWithTrackingParameters_ShareAKey()
    {
        var plain = Item("a-1", "https://News.Example:443/story?id=7#top");
        var tracked = Item("b-99", "https://news.example/story?utm_source=rss&id=7&utm_medium=feed&fbclid=x");

        Assert.NotEmpty(ArticleIdentity.KeysOf(plain, FeedA).Intersect(ArticleIdentity.KeysOf(tracked, FeedB)));
    }

    [Fact]
    public void KeysOf_RepublishedWithNewTitleAndLink_SameGuidSameArticleId()
    {
        var first = Item("guid-1", "https://news.example/story-draft", "Draft headline");
        var edited = Item("guid-1", "https://news.example/story-final", "Final headline");

        Assert.Equal(ArticleIdentity.IdOf(first, FeedA), ArticleIdentity.IdOf(edited, FeedA));
    }

    [Fact]
    public void KeysOf_PermalinkGuid_SameKeyAsTheLink()
    {
        var permalink = Item("https://news.example/story?utm_campaign=x", null);
        var linked = Item(null, "https://news.example/story");

        Assert.Equal(ArticleIdentity.IdOf(permalink, FeedA), ArticleIdentity.IdOf(linked, FeedB));
    }

    [Fact]
    public void KeysOf_PlainGuid_ScopedToItsFeed()
    {
        Assert.NotEqual(ArticleIdentity.IdOf(Item("42", null), FeedA), ArticleIdentity.IdOf(Item("42", null), FeedB));
    }

    [Fact]
    public void KeysOf_NoGuidNoLink_ContentHash()
    {
        var one = Item(null, null, "Title", "Body");

        Assert.Equal(ArticleIdentity.IdOf(one, FeedA), ArticleIdentity.IdOf(Item(null, null, "Title", "Body"), FeedA));
        Assert.NotEqual(ArticleIdentity.IdOf(one, FeedA), ArticleIdentity.IdOf(Item(null, null, "Title", "Other body"), FeedA));
    }

    [Fact]
    public void KeysOf_DifferentQuery_DifferentArticles()
    {
        Assert.Empty(ArticleIdentity.KeysOf(Item(null, "https://news.example/story?id=7"), FeedA)
            .Intersect(ArticleIdentity.KeysOf(Item(null, "https://news.example/story?id=8"), FeedA)));
    }

    [Fact]
    public void IdOf_Always_IsAValidTableKey()
    {
        Assert.Matches("^[0-9a-f]{32}$", ArticleIdentity.IdOf(Item("x/y?z#w", "https://news.example/a/b?c=d#e"), FeedA));
    }
}
