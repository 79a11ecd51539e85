using System.Text;
using NewsWatch.Feeds;

namespace NewsWatch.UnitTests.Feeds;

/// <summary>Ill-formed and hostile documents: read what a person would read, refuse what is an attack, never throw anything but FeedParseException.</summary>
public sealed class FeedParserLeniencyTests
{
    private static readonly Uri BaseUrl = new("https://wire.example/feeds/main.xml");

    private static ParsedFeed Parse(string document, string? contentType = null) =>
        FeedParser.Parse(Encoding.UTF8.GetBytes(document), BaseUrl, contentType);

    [Fact]
    public void Parse_BareAmpersandsAndHtmlEntities_ReadAsText()
    {
        var feed = Parse("<rss version=\"2.0\"><channel><title>Arms & Deals</title><item><title>Rafale&nbsp;order &eacute;tendue &amp; signed &unknown; too</title></item></channel></rss>");

        Assert.Equal("Arms & Deals", feed.Title);
        Assert.Equal("Rafale order étendue & signed &unknown; too", Assert.Single(feed.Items).Title);
    }

    [Fact]
    public void Parse_TruncatedDocument_KeepsTheItemsItHas()
    {
        var feed = Parse("<rss version=\"2.0\"><channel><title>t</title><item><title>whole</title><link>https://wire.example/1</link></item><item><title>cut off");

        Assert.Equal(["whole", "cut off"], feed.Items.Select(i => i.Title));
        Assert.Equal(new Uri("https://wire.example/1"), feed.Items[0].Link);
    }

    [Fact]
    public void Parse_MismatchedAndUnclosedTags_RecoversLaterItems()
    {
        var feed = Parse("<rss><channel><item><title>one</b></title><description>a<br>b<p>c</description></item><item><title>two</title></item></channel></rss>");

        Assert.Equal(["one", "two"], feed.Items.Select(i => i.Title));
        Assert.Equal("a b c", feed.Items[0].Summary);
    }

    [Fact]
    public void Parse_RssWithoutChannel_EmptyFeedRatherThanError()
    {
        Assert.Empty(Parse("<rss version=\"2.0\"></rss>").Items);
    }

    [Fact]
    public void Parse_QuadraticEntityBlowup_RefusedWithClearError()
    {
        var big = new string('a', 100_000);
        var references = string.Concat(Enumerable.Repeat("&big;", 1_000));
        var document = $"<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY big \"{big}\">]><rss><channel><title>{references}</title></channel></rss>";

        var error = Assert.Throws<FeedParseException>(() => Parse(document));

        Assert.Contains("entity", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ExternalEntityToALocalFile_NeverRead()
    {
        var secret = Path.GetTempFileName();
        File.WriteAllText(secret, "TOP-SECRET");
        try
        {
            var feed = Parse($"<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file://{secret}\">]><rss><channel><title>a&xxe;b</title></channel></rss>");

            Assert.Equal("ab", feed.Title);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void Parse_InternalPlainEntity_Expanded()
    {
        Assert.Equal("NewsWatch feed", Parse("<!DOCTYPE rss [<!ENTITY name \"NewsWatch\">]><rss><channel><title>&name; feed</title></channel></rss>").Title);
    }

    [Fact]
    public void Parse_HtmlPage_ClearError()
    {
        var error = Assert.Throws<FeedParseException>(() => Parse("<html><head><title>x</title></head><body>hi</body></html>"));

        Assert.Contains("<html>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DeeplyNestedElements_ClearErrorNotStackOverflow()
    {
        var document = "<rss><channel>" + string.Concat(Enumerable.Repeat("<x>", 100_000));

        Assert.Throws<FeedParseException>(() => Parse(document));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    public void Parse_RandomBytes_OnlyFeedParseExceptionOrAFeed(int seed)
    {
        var random = new Random(seed);
        var bytes = new byte[4096];
        random.NextBytes(bytes);
        "<rss><channel><item><title>"u8.CopyTo(bytes);

        var feed = FeedParser.Parse(bytes, BaseUrl);

        Assert.Single(feed.Items);
    }
}
