using System.Text;
using NewsWatch.Feeds;
using NewsWatch.Feeds.Parsing;

namespace NewsWatch.UnitTests.Feeds;

/// <summary>
/// The tokenizer is reused per thread and reads from a rented buffer; URL checks skip building a
/// <see cref="Uri"/> where the answer is plain. None of it may change what is read.
/// </summary>
public sealed class FeedParserReuseTests
{
    private static readonly Uri Base = new("https://x.example/dir/feed.xml");

    private const string Rss =
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>" +
        "<item><title>  One  </title><link>/a</link><description><![CDATA[<p>x <a href=\"b\">y</a></p>]]></description></item>" +
        "<item><title>Two</title><link>https://x.example/two</link></item></channel></rss>";

    [Fact]
    public void Parse_SameDocumentTwice_ReadsTheSame_AfterOtherDocumentsAndFailures()
    {
        var first = FeedParser.Parse(Encoding.UTF8.GetBytes(Rss), Base);

        // A refused document in between must leave nothing behind for the next one.
        Assert.Throws<FeedParseException>(() => FeedParser.Parse(Encoding.UTF8.GetBytes("<html><body>" + new string('<', 10) + "</body></html>"), Base));
        Assert.Throws<FeedParseException>(() => FeedParser.Parse(Encoding.UTF8.GetBytes("<!DOCTYPE x [<!ENTITY a \"b\"><!ENTITY c \"&a;\">]><rss/>"), Base));
        FeedParser.Parse(Encoding.UTF8.GetBytes("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>E</title>"), Base);

        var second = FeedParser.Parse(Encoding.UTF8.GetBytes(Rss), Base);
        Assert.Equal(2, second.Items.Count);
        for (var i = 0; i < first.Items.Count; i++)
        {
            Assert.Equal(first.Items[i].Title, second.Items[i].Title);
            Assert.Equal(first.Items[i].Link, second.Items[i].Link);
            Assert.Equal(first.Items[i].Description, second.Items[i].Description);
        }

        Assert.Equal("One", second.Items[0].Title);
        Assert.Equal(new Uri("https://x.example/a"), second.Items[0].Link);
        Assert.Equal("<p>x <a href=\"https://x.example/dir/b\">y</a></p>", second.Items[0].Description);
    }

    [Fact]
    public void Parse_UnfinishedDocument_KeepsWhatItHad()
    {
        var feed = FeedParser.Parse(Encoding.UTF8.GetBytes("<rss><channel><title>T</title><item><title>A</title><description>d"), Base);
        var item = Assert.Single(feed.Items);
        Assert.Equal("A", item.Title);
        Assert.Equal("d", item.Description);
    }

    [Fact]
    public void Parse_Latin1Bytes_ReadAsWindows1252()
    {
        var bytes = Encoding.Latin1.GetBytes("<rss><channel><item><title>caf\u00e9 \u0093q\u0094</title></item></channel></rss>");
        Assert.Equal("caf\u00e9 \u201cq\u201d", Assert.Single(FeedParser.Parse(bytes, Base).Items).Title);
    }

    [Fact]
    public void Parse_JsonFeed_FromTheDecodedBuffer()
    {
        var json = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"J\",\"items\":[{\"id\":\"1\",\"url\":\"/p\",\"title\":\"P\"}]}";
        var feed = FeedParser.Parse(Encoding.UTF8.GetBytes(json), Base);
        Assert.Equal("J", feed.Title);
        Assert.Equal(new Uri("https://x.example/p"), Assert.Single(feed.Items).Link);
    }

    [Theory]
    [InlineData("https://example.com/a/b?c=d#e", true)]
    [InlineData("HTTP://Example.COM", true)]
    [InlineData("http://a-b.example.org/%20x", true)]
    [InlineData("http://example.com:8080/", false)] // ports are Uri's business
    [InlineData("http://1.2.3.4/", false)]
    [InlineData("http://-bad.example/", false)]
    [InlineData("http://a..b/", false)]
    [InlineData("http://xn--caf-dma.example/", false)]
    [InlineData("http://example.com/a b", false)]
    [InlineData("http://example.com/a&amp;b", false)]
    [InlineData("http:///path", false)]
    [InlineData("ftp://example.com/", false)]
    [InlineData("/relative", false)]
    public void IsPlainAbsoluteHttp_OnlyWhereUriAgrees(string text, bool expected)
    {
        Assert.Equal(expected, UrlText.IsPlainAbsoluteHttp(text));
        if (expected)
        {
            Assert.True(Uri.TryCreate(text, UriKind.Absolute, out var uri) && !uri.IsFile);
        }
    }

    [Theory]
    [InlineData("page.html")]
    [InlineData("/root/page")]
    [InlineData("../up?q=1")]
    [InlineData("//cdn.example/x.png")]
    [InlineData("https://other.example/x")]
    [InlineData("mailto:jo@example.com")]
    [InlineData("file:///etc/passwd")]
    [InlineData("javascript:alert(1)")]
    [InlineData("#top")]
    [InlineData("/")]
    public void Resolve_SameAsTryingAbsoluteFirst(string href)
    {
        Uri? expected;
        if (Uri.TryCreate(href, UriKind.Absolute, out var absolute) && !(absolute.IsFile && !href.StartsWith("file:", StringComparison.OrdinalIgnoreCase)))
        {
            expected = absolute;
        }
        else
        {
            expected = Uri.TryCreate(Base, href, out var resolved) ? resolved : null;
        }

        Assert.Equal(expected, UrlText.Resolve(Base, href));
    }
}
