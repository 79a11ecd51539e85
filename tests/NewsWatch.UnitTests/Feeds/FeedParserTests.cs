using System.Text;
using NewsWatch.Feeds;

namespace NewsWatch.UnitTests.Feeds;

public sealed class FeedParserTests
{
    private static ParsedFeed ParseFixture(string name, string baseUrl = "https://wire.example/feed.xml") =>
        FeedParser.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "feeds", name)), new Uri(baseUrl));

    [Fact]
    public void Parse_Rss2_ReadsTitlesLinksIdsDatesAndPlainText()
    {
        var feed = ParseFixture("rss2.xml");

        Assert.Equal("Test & Wire", feed.Title);
        Assert.Equal(2, feed.Items.Count);
        var first = feed.Items[0];
        Assert.Equal("First & foremost", first.Title);
        Assert.Equal(new Uri("https://wire.example/news/first"), first.Link);
        Assert.Equal("wire-1", first.Id);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 14, 30, 0, TimeSpan.Zero), first.Published);
        Assert.Equal("Lead with markup & an entity.", first.Summary);
    }

    [Fact]
    public void Parse_RssPermalinkGuidWithoutLink_UsesGuidAsLink()
    {
        var second = ParseFixture("rss2.xml").Items[1];

        Assert.Equal(new Uri("https://wire.example/news/second"), second.Link);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero), second.Published);
        Assert.Equal("Only content", second.Summary);
    }

    [Fact]
    public void Parse_Atom_PrefersAlternateLinkAndFallsBackToContent()
    {
        var feed = ParseFixture("atom.xml");

        Assert.Equal("Atom Test", feed.Title);
        Assert.Equal("Deal signed", feed.Items[0].Title);
        Assert.Equal(new Uri("https://atom.example/news/1"), feed.Items[0].Link);
        Assert.Equal("Summary text.", feed.Items[0].Summary);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero), feed.Items[1].Published);
        Assert.Equal("Content only", feed.Items[1].Summary);
    }

    [Fact]
    public void Parse_Rss1Rdf_ReadsItemsOutsideTheChannel()
    {
        var item = Assert.Single(ParseFixture("rss1.rdf").Items);

        Assert.Equal("RDF item", item.Title);
        Assert.Equal(new Uri("https://rdf.example/a"), item.Link);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body>Not a feed</body></html>", "root element is <html>")]
    [InlineData("this is plain text", "not a well-formed XML feed")]
    [InlineData("", "empty")]
    [InlineData("{\"not\": \"a feed\"}", "not a JSON feed")]
    [InlineData("{\"items\": [", "not a well-formed JSON feed")]
    public void Parse_NotAFeed_ThrowsFeedParseExceptionSayingWhy(string document, string reason)
    {
        var error = Assert.Throws<FeedParseException>(() => FeedParser.Parse(Encoding.UTF8.GetBytes(document), new Uri("https://x.example/")));

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Parse_DocumentWithDtdEntityExpansion_RefusedWithoutExpandingIt()
    {
        const string billionLaughs = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
            <rss version="2.0"><channel><title>t</title><item><title>&b;</title></item></channel></rss>
            """;

        var error = Assert.Throws<FeedParseException>(() => FeedParser.Parse(Encoding.UTF8.GetBytes(billionLaughs), new Uri("https://x.example/")));

        Assert.Contains("entity", error.Message);
    }
}
