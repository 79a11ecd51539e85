using System.Xml;
using System.Xml.Linq;

namespace NewsWatch.Feeds;

/// <summary>Reads RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 1.0 into the few fields the pipeline needs.</summary>
public static class FeedParser
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Rss10 = "http://purl.org/rss/1.0/";
    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";

    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        // Feeds never need a DTD; ignoring it keeps entity expansion attacks out.
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    public static ParsedFeed Parse(byte[] content, Uri baseUrl)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(content), ReaderSettings);
            document = XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException ex)
        {
            throw new FeedParseException($"not a well-formed XML feed: {ex.Message}", ex);
        }

        var root = document.Root ?? throw new FeedParseException("document is empty");
        return root.Name switch
        {
            { LocalName: "rss" } => ParseRss(root.Element("channel"), root.Element("channel")?.Elements("item"), baseUrl),
            { LocalName: "RDF" } when root.Name.Namespace == Rdf => ParseRss(root.Element(Rss10 + "channel"), root.Elements(Rss10 + "item"), baseUrl, Rss10),
            { LocalName: "feed" } when root.Name.Namespace == Atom => ParseAtom(root, baseUrl),
            _ => throw new FeedParseException($"not an RSS or Atom feed: the document's root element is <{root.Name.LocalName}>"),
        };
    }

    private static ParsedFeed ParseRss(XElement? channel, IEnumerable<XElement>? items, Uri baseUrl, XNamespace? ns = null)
    {
        ns ??= XNamespace.None;
        if (channel is null)
        {
            throw new FeedParseException("RSS document has no <channel>");
        }

        var parsed = (items ?? []).Select(item =>
        {
            var link = ResolveLink(Text(item.Element(ns + "link")), baseUrl);
            var guid = item.Element(ns + "guid");
            var id = Text(guid) ?? item.Attribute(Rdf + "about")?.Value;
            if (link is null && guid is not null && (string?)guid.Attribute("isPermaLink") != "false")
            {
                link = ResolveLink(id, baseUrl);
            }

            var summary = Text(item.Element(ns + "description")) ?? Text(item.Element(Content + "encoded")) ?? "";
            var date = Text(item.Element(ns + "pubDate")) ?? Text(item.Element(Dc + "date"));
            return new FeedItem(id, HtmlText.ToPlainText(Text(item.Element(ns + "title")) ?? ""), link, HtmlText.ToPlainText(summary), FeedDates.Parse(date));
        }).ToList();

        return new ParsedFeed(Text(channel.Element(ns + "title")), parsed);
    }

    private static ParsedFeed ParseAtom(XElement feed, Uri baseUrl)
    {
        var items = feed.Elements(Atom + "entry").Select(entry =>
        {
            var links = entry.Elements(Atom + "link").ToList();
            var alternate = links.FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate") ?? links.FirstOrDefault();
            var summary = Text(entry.Element(Atom + "summary")) ?? Text(entry.Element(Atom + "content")) ?? "";
            var date = Text(entry.Element(Atom + "published")) ?? Text(entry.Element(Atom + "updated"));
            return new FeedItem(
                Text(entry.Element(Atom + "id")),
                HtmlText.ToPlainText(Text(entry.Element(Atom + "title")) ?? ""),
                ResolveLink((string?)alternate?.Attribute("href"), baseUrl),
                HtmlText.ToPlainText(summary),
                FeedDates.Parse(date));
        }).ToList();

        return new ParsedFeed(Text(feed.Element(Atom + "title")), items);
    }

    private static string? Text(XElement? element)
    {
        var value = element?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static Uri? ResolveLink(string? href, Uri baseUrl) =>
        href is not null && Uri.TryCreate(baseUrl, href.Trim(), out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : null;
}
