using System.Text;
using NewsWatch.Feeds;

namespace NewsWatch.UnitTests.Feeds;

/// <summary>The formats and modules the parser reads, and how their fields land in the model.</summary>
public sealed class FeedParserFormatTests
{
    private static readonly Uri BaseUrl = new("https://wire.example/feeds/main.xml");

    private static ParsedFeed Parse(string document, string? contentType = null) =>
        FeedParser.Parse(Encoding.UTF8.GetBytes(document), BaseUrl, contentType);

    [Fact]
    public void Parse_RssWithModules_ReadsDcContentMediaAndAtomLink()
    {
        var feed = Parse("""
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                 xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom">
              <channel>
                <title>Wire</title><language>en_GB</language><managingEditor>desk@wire.example (News Desk)</managingEditor>
                <item>
                  <title><![CDATA[Deal <b>signed</b>]]></title>
                  <atom:link rel="alternate" href="/news/1"/>
                  <dc:creator>Jo Bloggs</dc:creator>
                  <dc:date>2026-11-25T09:30:00+01:00</dc:date>
                  <category>Defence</category><category>Europe</category>
                  <description>Short &lt;i&gt;lead&lt;/i&gt;</description>
                  <content:encoded><![CDATA[<p>Full <a href="/more">story</a></p>]]></content:encoded>
                  <enclosure url="https://cdn.wire.example/a.mp3" type="audio/mpeg" length="1234"/>
                  <media:thumbnail url="https://cdn.wire.example/a.jpg"/>
                </item>
              </channel>
            </rss>
            """);

        Assert.Equal("en-GB", feed.Language);
        Assert.Equal(new FeedPerson("News Desk", "desk@wire.example"), Assert.Single(feed.Authors));
        var item = Assert.Single(feed.Items);
        Assert.Equal("Deal signed", item.Title);
        Assert.Equal(new Uri("https://wire.example/news/1"), item.Link);
        Assert.Equal("Jo Bloggs", Assert.Single(item.Authors).Name);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 8, 30, 0, TimeSpan.Zero), item.Published);
        Assert.Equal(["Defence", "Europe"], item.Categories);
        Assert.Equal("Short lead", item.Summary);
        Assert.Equal("<p>Full <a href=\"https://wire.example/more\">story</a></p>", item.Content);
        Assert.Equal(new FeedEnclosure(new Uri("https://cdn.wire.example/a.mp3"), "audio/mpeg", 1234), Assert.Single(item.Enclosures));
        Assert.Equal(new Uri("https://cdn.wire.example/a.jpg"), item.Image?.Url);
    }

    [Fact]
    public void Parse_AtomWithXmlBaseAndXhtml_ResolvesLinksAndKeepsMarkup()
    {
        var feed = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://atom.example/blog/" xml:lang="fr">
              <title type="html">Arms &amp;lt;watch&amp;gt;</title>
              <link href="./"/>
              <entry xml:base="posts/">
                <id>tag:atom.example,2026:1</id>
                <title type="text">A &lt; B</title>
                <link rel="self" href="1.atom"/><link rel="alternate" type="text/html" href="1.html"/>
                <updated>2026-11-25T09:30:00Z</updated>
                <author><name>Ana</name><email>ana@atom.example</email></author>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hi <a href="x">there</a></p></div></content>
              </entry>
            </feed>
            """);

        Assert.Equal("Arms <watch>", feed.Title);
        Assert.Equal("fr", feed.Language);
        Assert.Equal(new Uri("https://atom.example/blog/"), feed.Link);
        var entry = Assert.Single(feed.Items);
        Assert.Equal("A < B", entry.Title);
        Assert.Equal(new Uri("https://atom.example/blog/posts/1.html"), entry.Link);
        Assert.Equal(2, entry.Links.Count);
        Assert.Equal(new FeedPerson("Ana", "ana@atom.example"), Assert.Single(entry.Authors));
        Assert.Equal(entry.Updated, entry.Published);
        Assert.Equal("<p>Hi <a href=\"https://atom.example/blog/posts/x\">there</a></p>", entry.Content);
    }

    [Fact]
    public void Parse_Atom03_ReadsIssuedModifiedAndEscapedContent()
    {
        var feed = Parse("""
            <feed version="0.3" xmlns="http://purl.org/atom/ns#">
              <title>Old Atom</title>
              <entry><title>E</title><link rel="alternate" type="text/html" href="https://old.example/e"/>
                <issued>2003-12-13T08:29:29-04:00</issued><modified>2003-12-13T18:30:02Z</modified>
                <content type="text/html" mode="escaped">&lt;p&gt;Body&lt;/p&gt;</content></entry>
            </feed>
            """);

        var entry = Assert.Single(feed.Items);
        Assert.Equal("atom 0.3", feed.Format);
        Assert.Equal(new DateTimeOffset(2003, 12, 13, 12, 29, 29, TimeSpan.Zero), entry.Published);
        Assert.Equal("<p>Body</p>", entry.Content);
        Assert.Equal("Body", entry.Summary);
    }

    [Fact]
    public void Parse_JsonFeed11_ReadsItemsAuthorsAndAttachments()
    {
        var feed = Parse("""
            {"version": "https://jsonfeed.org/version/1.1", "title": "JSON wire", "home_page_url": "https://json.example/",
             "authors": [{"name": "Desk"}],
             "items": [{"id": 42, "url": "/a", "title": "Sale approved", "content_html": "<p>The <b>sale</b></p>",
                        "date_published": "2026-11-25T09:30:00-05:00", "tags": ["usa"],
                        "attachments": [{"url": "https://json.example/a.pdf", "mime_type": "application/pdf", "size_in_bytes": 99}]}]}
            """);

        Assert.Equal("json 1.1", feed.Format);
        Assert.Equal("Desk", Assert.Single(feed.Authors).Name);
        var item = Assert.Single(feed.Items);
        Assert.Equal("42", item.Id);
        Assert.Equal(new Uri("https://wire.example/a"), item.Link);
        Assert.Equal("The sale", item.Summary);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 14, 30, 0, TimeSpan.Zero), item.Published);
        Assert.Equal(99, Assert.Single(item.Enclosures).Length);
    }

    [Fact]
    public void Parse_HttpCharsetOutranksXmlDeclaration()
    {
        var bytes = Encoding.Latin1.GetBytes("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><channel><title>Défense</title></channel></rss>");

        Assert.Equal("Défense", FeedParser.Parse(bytes, BaseUrl, "application/rss+xml; charset=ISO-8859-1").Title);
    }

    [Fact]
    public void Parse_DeclaredUtf8ButLatin1Bytes_FallsBackInsteadOfFailing()
    {
        var bytes = Encoding.Latin1.GetBytes("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><channel><title>Défense</title></channel></rss>");

        Assert.Equal("Défense", FeedParser.Parse(bytes, BaseUrl).Title);
    }

    [Fact]
    public void Parse_Utf16WithByteOrderMark_OutranksDeclaration()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss><channel><title>Ünïcode</title></channel></rss>")).ToArray();

        Assert.Equal("Ünïcode", FeedParser.Parse(bytes, BaseUrl).Title);
    }

    [Fact]
    public void Parse_DeclaredWindows1251_Decoded()
    {
        var bytes = Encoding.GetEncoding(1251).GetBytes("<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss><channel><title>Оружие</title></channel></rss>");

        Assert.Equal("Оружие", FeedParser.Parse(bytes, BaseUrl).Title);
    }

    [Theory]
    [InlineData("<ttl>90</ttl>", 90)]
    [InlineData("<sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency>", 30)]
    [InlineData("<sy:updatePeriod>daily</sy:updatePeriod>", 1440)]
    [InlineData("<ttl>soon</ttl>", null)]
    [InlineData("", null)]
    public void Parse_PublisherUpdateHints_ReadAsTheUpdateInterval(string hint, int? minutes)
    {
        var feed = Parse($"""
            <rss version="2.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"><channel><title>t</title>{hint}</channel></rss>
            """);

        Assert.Equal(minutes is null ? null : TimeSpan.FromMinutes(minutes.Value), feed.UpdateInterval);
    }
}
