using System.Globalization;
using System.Text;
using NewsWatch.Feeds;

namespace NewsWatch.UnitTests.Feeds;

/// <summary>
/// The parser's fast paths (common date shapes, single-pass plain text, copy-free URL resolution,
/// cached entities) must read exactly what the general code reads, including its edge cases.
/// </summary>
public sealed class FeedParsingFastPathTests
{
    private static readonly Uri Base = new("https://x.example/dir/feed.xml");

    [Theory]
    [InlineData("2026-11-25t09:30:00z", "2026-11-25T09:30:00Z")]
    [InlineData("2026-11-25T09:30:00,5+01:00", "2026-11-25T08:30:00.5Z")]
    [InlineData("2026-11-25T09:30:00-00:30", "2026-11-25T10:00:00Z")]
    [InlineData("Wed, 25 Nov 2026 09:30:00 +1500", "2026-11-25T09:30:00Z")] // a zone out of range reads as UTC
    [InlineData("Mon, 5 Jan 2026 09:30:00 cest", "2026-01-05T07:30:00Z")]
    [InlineData("5 Jan 2026 09:30:00 M", "2026-01-05T21:30:00Z")]
    [InlineData("Sun, 06 Nov 1994 08:49:37 -0500", "1994-11-06T13:49:37Z")]
    [InlineData("Sun, 06 Nov 1994 08:49:37 XYZ", null)] // an unknown zone word: the general reader decides (and refuses)
    [InlineData("Wed, 25 Nov 2026 25:30:00 GMT", null)]
    [InlineData("2026-02-30T10:00:00Z", null)]
    public void Dates_CommonShapes_ReadAsTheGeneralReaderDoes(string text, string? expected)
    {
        var parsed = FeedDates.Parse(text);
        Assert.Equal(expected is null ? null : DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), parsed);
    }

    [Theory]
    [InlineData("  Hello \n\t world  ", "Hello world")]
    [InlineData("<p>a<script type=\"x\">var b = 1 < 2;</SCRIPT>c</p>", "a c")]
    [InlineData("a < b", "a < b")]
    [InlineData("x <b>bold</b> &amp; &nbsp;y", "x bold & y")]
    [InlineData("1 &lt; 2", "1 < 2")]
    [InlineData("<style>p{}</style >", "")]
    [InlineData("<a title=\"1 > 0\">t</a>", "0\">t")]
    public void PlainText_SameAsTagsThenEntitiesThenWhitespace(string html, string expected) =>
        Assert.Equal(expected, HtmlText.ToPlainText(html));

    [Fact]
    public void PlainText_AlreadyPlain_ReturnsTheSameString()
    {
        var title = "Nothing to do here";
        Assert.Same(title, HtmlText.ToPlainText(title));
    }

    [Fact]
    public void ResolveUrls_OnlyRelativeValuesChange()
    {
        var html = "<a href='/x'>a</a> <img src=\"http://e.example/i.png\"> <a HREF=\"y?a=1&amp;b=2\"> <a href=\"#top\">";
        Assert.Equal(
            "<a href='https://x.example/x'>a</a> <img src=\"http://e.example/i.png\"> <a HREF=\"https://x.example/dir/y?a=1&amp;b=2\"> <a href=\"#top\">",
            HtmlText.ResolveUrls(html, Base));
    }

    [Theory]
    [InlineData("<a href=\"http://e.example/\">a</a><img src='https://e.example/i.png'>")]
    [InlineData("<a href=\"/a'>mismatched quotes are not an attribute value</a>")]
    public void ResolveUrls_NothingToResolve_ReturnsTheSameString(string html) =>
        Assert.Same(html, HtmlText.ResolveUrls(html, Base));

    [Fact]
    public void References_DecodedTheSameEveryTime()
    {
        // Character references (C1 as windows-1252, astral, invalid), HTML entities (cached after
        // the first), unknown names kept, and attribute whitespace read as spaces.
        var xml = """
            <rss version="2.0"><channel><title>t</title>
            <item><title>&#150;&#x1F600;&#0; &eacute;&eacute; &nosuch; &amp;</title><link>http://e.example/1</link>
            <enclosure url="http://e.example/a.mp3" type="audio/&#10;mpeg&#9;x" length="1"/></item>
            <item><title>&eacute;</title><link>http://e.example/2</link></item>
            </channel></rss>
            """;
        var feed = FeedParser.Parse(Encoding.UTF8.GetBytes(xml), Base);
        Assert.Equal("\u2013\U0001F600\uFFFD éé &nosuch; &", feed.Items[0].Title);
        Assert.Equal("audio/ mpeg x", feed.Items[0].Enclosures[0].Type);
        Assert.Equal("é", feed.Items[1].Title);
    }

    [Fact]
    public void Decoding_LatinOneSentAsUtf8_FallsBackAndC1IsWindows1252()
    {
        // Declares UTF-8 but is windows-1252 (0xE9 é, 0x93/0x94 curly quotes): read, not refused.
        var head = Encoding.ASCII.GetBytes("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><channel><title>caf");
        var tail = Encoding.ASCII.GetBytes("</title></channel></rss>");
        byte[] bytes = [.. head, 0xE9, (byte)' ', 0x93, (byte)'q', 0x94, .. tail];
        Assert.Equal("café \u201Cq\u201D", FeedParser.Parse(bytes, Base).Title);
    }
}
