using System.Xml;
using System.Xml.Linq;

namespace NewsWatch.Feeds;

/// <summary>OPML, the format feed readers exchange subscription lists in.</summary>
public static class Opml
{
    /// <summary>Every outline's xmlUrl, at any depth (folders nest outlines).</summary>
    /// <exception cref="FormatException">The file is not OPML.</exception>
    public static IReadOnlyList<string> ReadFeedUrls(Stream opml)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(opml, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new FormatException($"not an OPML file: {ex.Message}", ex);
        }

        if (document.Root?.Name.LocalName != "opml")
        {
            throw new FormatException($"not an OPML file: the root element is <{document.Root?.Name.LocalName}>");
        }

        return document.Descendants("outline")
            .Select(o => (string?)o.Attribute("xmlUrl") ?? (string?)o.Attribute("xmlurl"))
            .OfType<string>()
            .ToList();
    }

    public static string Write(IEnumerable<RegisteredFeed> feeds, DateTimeOffset now)
    {
        var document = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement("opml",
                new XAttribute("version", "2.0"),
                new XElement("head",
                    new XElement("title", "NewsWatch feeds"),
                    new XElement("dateCreated", now.ToString("r", System.Globalization.CultureInfo.InvariantCulture))),
                new XElement("body",
                    feeds.Select(f => new XElement("outline",
                        new XAttribute("type", "rss"),
                        new XAttribute("text", f.Url.Host),
                        new XAttribute("xmlUrl", f.Url.AbsoluteUri))))));
        return document.Declaration + Environment.NewLine + document;
    }
}
