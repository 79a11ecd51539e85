using System.Globalization;
using System.Text;
using static NewsWatch.Feeds.Parsing.KnownNamespaces;

namespace NewsWatch.Feeds.Parsing;

/// <summary>
/// Maps the lenient XML tree of an RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 0.3/1.0 or CDF document to the
/// feed model. Elements are matched by namespace family and local name, case-insensitively where
/// feeds in the wild vary (pubdate, PubDate); the first non-empty source of a field wins, in the
/// order of precedence feedparser and Miniflux agree on.
/// </summary>
internal static class XmlFeedReader
{
    public static ParsedFeed Read(XmlElementNode root)
    {
        var name = root.LocalName.ToUpperInvariant();
        AdoptRootNamespace(root, name);
        return name switch
        {
            "RSS" => ReadRss(root, root.Elements().FirstOrDefault(e => Is(e, "", "channel")), "rss " + (root.Attr("version") ?? "2.0")),
            "RDF" => ReadRss(root, root.Elements().FirstOrDefault(e => IsRssFamily(e) && e.LocalName.Equals("channel", StringComparison.OrdinalIgnoreCase)), root.Elements().Any(e => e.Namespace == Rss09) ? "rss 0.90" : "rss 1.0"),
            "FEED" => ReadAtom(root),
            "CHANNEL" => ReadRss(root, root, "cdf"),
            "HTML" => throw new FeedParseException("not a feed: the document's root element is <html> (a web page, not its feed)"),
            _ => throw new FeedParseException($"not an RSS, Atom or JSON feed: the document's root element is <{root.QualifiedName}>"),
        };
    }

    /// <summary>
    /// A feed whose root is in an unknown namespace (Atom drafts, "rss2.1", none at all) means its
    /// format's elements by it: they are read as Atom or RSS elements.
    /// </summary>
    private static void AdoptRootNamespace(XmlElementNode root, string name)
    {
        var target = name switch
        {
            "FEED" when !IsAtom(root.Namespace) => Atom03,
            "RSS" or "CHANNEL" when !IsRss(root.Namespace) => "",
            _ => null,
        };
        if (target is null)
        {
            return;
        }

        var adopted = root.Namespace;
        root.Namespace = target;
        foreach (var e in root.Descendants())
        {
            if (e.Namespace == adopted && e.Namespace != Xhtml)
            {
                e.Namespace = target;
            }
        }
    }

    private static bool IsRssFamily(XmlElementNode e) => IsRss(e.Namespace);

    /// <summary>An element of the given namespace ("" = RSS's own, which also matches RSS 1.0 and 0.90).</summary>
    private static bool Is(XmlElementNode e, string ns, string localName) =>
        e.LocalName.Equals(localName, StringComparison.OrdinalIgnoreCase) && (ns.Length == 0 ? IsRss(e.Namespace) : ns == Atom10 ? IsAtom(e.Namespace) : e.Namespace == ns);

    private static XmlElementNode? Child(XmlElementNode parent, string ns, string localName)
    {
        foreach (var e in parent.Elements())
        {
            if (Is(e, ns, localName))
            {
                return e;
            }
        }

        return null;
    }

    /// <summary>The children of that name; foreach over it allocates nothing (it is asked for dozens of times per item).</summary>
    private static NamedChildren Children(XmlElementNode parent, string ns, string localName) => new(parent.Children, ns, localName);

    /// <summary>The text of a simple element; null when absent or blank.</summary>
    private static string? Text(XmlElementNode? e)
    {
        if (e is null)
        {
            return null;
        }

        var value = e.TrimmedInnerText();
        return value.Length == 0 ? null : value;
    }

    private static string? FirstText(XmlElementNode parent, params ReadOnlySpan<(string Ns, string Name)> sources)
    {
        foreach (var (ns, localName) in sources)
        {
            foreach (var e in Children(parent, ns, localName))
            {
                if (Text(e) is { } value)
                {
                    return value;
                }
            }
        }

        return null;
    }

    /// <summary>An RSS text element as HTML: escaped HTML is already text; unescaped HTML elements are re-serialised.</summary>
    private static string? Html(XmlElementNode? e)
    {
        if (e is null)
        {
            return null;
        }

        var value = e.HasElementChildren ? e.InnerMarkup().Trim() : e.TrimmedInnerText();
        return value.Length == 0 ? null : HtmlText.ResolveUrls(value, e.Base);
    }

    /// <summary>
    /// <see cref="PlainText"/> of <see cref="Html"/>, without Html's trimmed copy: the plain-text conversion
    /// trims anyway, and a value that trims to nothing is still skipped (null), as Html skips it.
    /// </summary>
    private static string? PlainHtml(XmlElementNode? e)
    {
        if (e is null)
        {
            return null;
        }

        var value = e.HasElementChildren ? e.InnerMarkup() : e.InnerText();
        return value.AsSpan().IsWhiteSpace() ? null : HtmlText.ResolveUrls(value, e.Base);
    }

    private static string? PlainText(string? html)
    {
        if (html is null)
        {
            return null;
        }

        var text = HtmlText.ToPlainText(html);
        return text.Length == 0 ? null : text;
    }

    private static DateTimeOffset? FirstDate(XmlElementNode parent, params ReadOnlySpan<(string Ns, string Name)> sources)
    {
        foreach (var (ns, localName) in sources)
        {
            foreach (var e in Children(parent, ns, localName))
            {
                if (FeedDates.Parse(Text(e)) is { } date)
                {
                    return date;
                }
            }
        }

        return null;
    }

    private static ParsedFeed ReadRss(XmlElementNode root, XmlElementNode? channel, string format)
    {
        // An <rss> without a <channel> is an empty feed, not an error: the publisher has nothing yet.
        channel ??= root;
        var itemElements = Children(channel, "", "item").ToList();
        if (!ReferenceEquals(channel, root))
        {
            // RSS 1.0 puts items beside the channel; broken RSS 2.0 sometimes does too.
            itemElements.AddRange(Children(root, "", "item"));
        }

        var items = itemElements.Select(ReadRssItem).ToList();
        var imageElement = Child(channel, "", "image") ?? Child(root, "", "image");
        var feedLink = channel.Elements().Where(e => Is(e, "", "link")).Select(e => UrlText.ResolveWeb(e.Base, Text(e))).FirstOrDefault(u => u is not null)
            ?? AtomLinks(channel).FirstOrDefault(l => l.Rel == "alternate")?.Href
            ?? UrlText.ResolveWeb(channel.Base, channel.Attr("href"));
        return new ParsedFeed(PlainText(Html(Child(channel, "", "title")) ?? Html(Child(channel, Dc, "title")) ?? AtomTitle(channel)), items)
        {
            Format = format,
            Description = PlainText(Html(Child(channel, "", "description")) ?? Html(Child(channel, Dc, "description")) ?? Html(Child(channel, Itunes, "subtitle")) ?? Html(Child(channel, Itunes, "summary")) ?? Html(Child(channel, "", "abstract"))),
            Link = feedLink,
            Language = Language(FirstText(channel, ("", "language"), (Dc, "language")) ?? Lang(channel)),
            Copyright = PlainText(Html(Child(channel, "", "copyright")) ?? Html(Child(channel, Dc, "rights")) ?? Html(Child(channel, DcTerms, "rights"))),
            Generator = FirstText(channel, ("", "generator"), (Atom10, "generator")) ?? GeneratorAgent(channel),
            Published = FirstDate(channel, ("", "pubDate"), (DcTerms, "issued"), (DcTerms, "created")),
            Updated = FirstDate(channel, ("", "lastBuildDate"), (Dc, "date"), (DcTerms, "modified"), (Atom10, "updated")) ?? FeedDates.Parse(channel.Attr("lastmod")),
            Authors = RssPeople(channel, ("", "managingEditor"), ("", "author"), (Dc, "creator"), (Dc, "author"), (Itunes, "author"), (Dc, "publisher"), ("", "webMaster")),
            Image = ImageOf(imageElement is null ? null : Text(Child(imageElement, "", "url")) ?? imageElement.Attr("resource", Rdf), imageElement?.Base)
                ?? ImageOf(Child(channel, Itunes, "image") is { } itunesImage ? itunesImage.Attr("href") ?? itunesImage.Attr("url") : null, channel.Base)
                ?? ImageOf(Text(Child(channel, Atom10, "logo")), channel.Base),
            Categories = Categories(channel),
            UpdateInterval = UpdateInterval(channel),
        };
    }

    /// <summary>
    /// How often the publisher says the feed changes: RSS 2.0 &lt;ttl&gt; (minutes), or the
    /// syndication module's sy:updatePeriod / sy:updateFrequency ("hourly", 2 = every 30 min).
    /// </summary>
    private static TimeSpan? UpdateInterval(XmlElementNode channel)
    {
        if (int.TryParse(Text(Child(channel, "", "ttl")), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && minutes > 0)
        {
            return TimeSpan.FromMinutes(minutes);
        }

        TimeSpan? period = Text(Child(channel, Syndication, "updatePeriod"))?.ToLowerInvariant() switch
        {
            "hourly" => TimeSpan.FromHours(1),
            "daily" => TimeSpan.FromDays(1),
            "weekly" => TimeSpan.FromDays(7),
            "monthly" => TimeSpan.FromDays(30),
            "yearly" => TimeSpan.FromDays(365),
            _ => null,
        };
        if (period is null)
        {
            return null;
        }

        return int.TryParse(Text(Child(channel, Syndication, "updateFrequency")), NumberStyles.None, CultureInfo.InvariantCulture, out var frequency) && frequency > 0
            ? period / frequency
            : period;
    }

    private static FeedItem ReadRssItem(XmlElementNode item)
    {
        // Links in document order: <link>, atom:link and enclosures as feedparser lists them.
        var links = new List<FeedLink>();
        foreach (var e in item.Elements())
        {
            if (Is(e, "", "link") && UrlText.ResolveWeb(e.Base, Text(e) ?? e.Attr("href")) is { } href)
            {
                links.Add(new FeedLink(href, "alternate", "text/html", null));
            }
            else if (Is(e, Atom10, "link") && AtomLink(e) is { } atomLink)
            {
                links.Add(atomLink);
            }
            else if (Is(e, "", "enclosure") && UrlText.ResolveWeb(e.Base, e.Attr("url")) is { } enclosureUrl)
            {
                links.Add(new FeedLink(enclosureUrl, "enclosure", e.Attr("type"), null));
            }
        }

        var guid = Child(item, "", "guid");
        var id = Text(guid) ?? item.Attr("about", Rdf) ?? Text(Child(item, Dc, "identifier")) ?? Text(Child(item, Atom10, "id"));
        var link = links.FirstOrDefault(l => l.Rel == "alternate")?.Href;
        if (link is null && UrlText.ResolveWeb(item.Base, item.Attr("href")) is { } cdfHref)
        {
            // CDF gives an item's address as its HREF attribute.
            link = cdfHref;
            links.Insert(0, new FeedLink(cdfHref, "alternate", "text/html", null));
        }

        if (link is null && guid is not null && !"false".Equals(guid.Attr("isPermaLink")?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            // A permalink guid is the item's address when the item has no <link>.
            link = UrlText.ResolveWeb(guid.Base, Text(guid));
            if (link is not null)
            {
                links.Add(new FeedLink(link, "alternate", "text/html", null));
            }
        }

        var description = Html(Child(item, "", "description")) ?? Html(Child(item, Dc, "description")) ?? AtomHtml(Child(item, Atom10, "summary")) ?? Html(Child(item, "", "abstract"))
            ?? Html(Child(item, "", "summary")) ?? Html(Child(item, Itunes, "summary")) ?? MediaDescription(item);
        var content = Html(Child(item, Content, "encoded")) ?? AtomHtml(Child(item, Atom10, "content")) ?? Html(Child(item, Xhtml, "body"))
            ?? Html(Child(item, "", "body")) ?? Html(Child(item, "", "fullitem"));
        var enclosures = new List<FeedEnclosure>();
        foreach (var enclosure in Children(item, "", "enclosure"))
        {
            AddEnclosure(enclosures, UrlText.ResolveWeb(enclosure.Base, enclosure.Attr("url")), enclosure.Attr("type"), enclosure.Attr("length"));
        }

        foreach (var atomEnclosure in links)
        {
            if (atomEnclosure.Rel == "enclosure")
            {
                AddEnclosure(enclosures, atomEnclosure.Href, atomEnclosure.Type, null);
            }
        }

        AddMediaEnclosures(item, enclosures);
        var title = PlainText(PlainHtml(Child(item, "", "title")) ?? PlainHtml(Child(item, Dc, "title")) ?? AtomTitle(item) ?? PlainHtml(Child(item, Media, "title")));
        var updated = FirstDate(item, (Atom10, "updated"), (Atom10, "modified"), (DcTerms, "modified"), (Dc, "date")) ?? FeedDates.Parse(item.Attr("lastmod"));
        var published = FirstDate(item, ("", "pubDate"), (Dc, "date"), (Atom10, "published"), (Atom10, "issued"), (DcTerms, "issued"), (DcTerms, "created")) ?? updated;
        return new FeedItem(id, title ?? "", link, PlainText(description ?? content) ?? "", published)
        {
            Description = description,
            Content = content,
            Links = links,
            Updated = updated,
            Authors = [.. RssPeople(item, ("", "author"), (Dc, "creator"), (Dc, "author"), (Itunes, "author"), (Dc, "contributor")), .. AtomPeople(item, "author")],
            Categories = Categories(item),
            Enclosures = enclosures,
            Image = ItemImage(item, enclosures),
        };
    }

    private static ParsedFeed ReadAtom(XmlElementNode feed)
    {
        var version = feed.Namespace == Atom03 || feed.Attr("version") == "0.3" ? "atom 0.3" : "atom 1.0";
        var links = AtomLinks(feed);
        var entries = feed.Elements().Where(e => e.LocalName.Equals("entry", StringComparison.OrdinalIgnoreCase) && (IsAtom(e.Namespace) || e.Namespace.Length == 0)).Select(ReadAtomEntry).ToList();
        return new ParsedFeed(AtomTitle(feed), entries)
        {
            Format = version,
            Description = PlainText(AtomHtml(Child(feed, Atom10, "subtitle")) ?? AtomHtml(Child(feed, Atom10, "tagline")) ?? AtomHtml(Child(feed, Atom10, "info"))),
            Link = links.FirstOrDefault(l => l.Rel == "alternate")?.Href,
            Language = Language(Lang(feed)),
            Copyright = PlainText(AtomHtml(Child(feed, Atom10, "rights")) ?? AtomHtml(Child(feed, Atom10, "copyright")) ?? Html(Child(feed, Dc, "rights"))),
            Generator = Text(Child(feed, Atom10, "generator")) ?? GeneratorAgent(feed),
            Published = FirstDate(feed, (Atom10, "published"), (Atom10, "issued"), (Atom10, "created")),
            Updated = FirstDate(feed, (Atom10, "updated"), (Atom10, "modified"), (Dc, "date")),
            Authors = [.. AtomPeople(feed, "author"), .. RssPeople(feed, (Dc, "creator"))],
            Image = ImageOf(Text(Child(feed, Atom10, "logo")), feed.Base) ?? ImageOf(Text(Child(feed, Atom10, "icon")), feed.Base),
            Categories = Categories(feed),
        };
    }

    private static FeedItem ReadAtomEntry(XmlElementNode entry)
    {
        var links = AtomLinks(entry);
        var enclosures = new List<FeedEnclosure>();
        foreach (var link in Children(entry, Atom10, "link"))
        {
            if ((link.Attr("rel") ?? "").AsSpan().Trim().Equals("enclosure", StringComparison.OrdinalIgnoreCase))
            {
                AddEnclosure(enclosures, UrlText.ResolveWeb(link.Base, link.Attr("href")), link.Attr("type"), link.Attr("length"));
            }
        }

        AddMediaEnclosures(entry, enclosures);
        var description = AtomHtml(Child(entry, Atom10, "summary")) ?? Html(Child(entry, Dc, "description")) ?? MediaDescription(entry);
        var content = AtomHtml(Child(entry, Atom10, "content")) ?? Html(Child(entry, Content, "encoded"));
        var updated = FirstDate(entry, (Atom10, "updated"), (Atom10, "modified"), (Dc, "date"), (DcTerms, "modified"));
        var published = FirstDate(entry, (Atom10, "published"), (Atom10, "issued"), (Atom10, "created"), (DcTerms, "issued"), (DcTerms, "created")) ?? updated;
        return new FeedItem(Text(Child(entry, Atom10, "id")) ?? Text(Child(entry, "", "guid")), AtomTitle(entry) ?? "", links.FirstOrDefault(l => l.Rel == "alternate")?.Href, PlainText(description ?? content) ?? "", published)
        {
            Description = description,
            Content = content,
            Links = links,
            Updated = updated,
            Authors = [.. AtomPeople(entry, "author"), .. RssPeople(entry, (Dc, "creator"))],
            Categories = Categories(entry),
            Enclosures = enclosures,
            Image = ItemImage(entry, enclosures),
        };
    }

    private static string? MediaDescription(XmlElementNode item)
    {
        var description = Child(item, Media, "description");
        if (description is null)
        {
            foreach (var group in Children(item, Media, "group"))
            {
                if ((description = Child(group, Media, "description")) is not null)
                {
                    break;
                }
            }
        }

        return Html(description);
    }

    private static string? AtomTitle(XmlElementNode parent) => PlainText(AtomHtml(Child(parent, Atom10, "title")));

    /// <summary>An Atom text construct as HTML, whatever its type (text, html, xhtml; Atom 0.3 modes).</summary>
    private static string? AtomHtml(XmlElementNode? e)
    {
        if (e is null)
        {
            return null;
        }

        var type = (e.Attr("type") ?? "text").Trim().ToUpperInvariant();
        var mode = (e.Attr("mode") ?? "").Trim().ToUpperInvariant();
        string value;
        // Atom 1.0 §3.1.1 / 4.1.3.3: a MIME type that is neither text nor XML means base64 content.
        if (mode == "BASE64" || (type.Contains('/', StringComparison.Ordinal) && !type.StartsWith("TEXT/", StringComparison.Ordinal) && !type.Contains("XML", StringComparison.Ordinal)))
        {
            value = FromBase64(e.InnerText()) ?? "";
        }
        else if (type is "XHTML" or "APPLICATION/XHTML+XML" || mode == "XML")
        {
            var div = e.Elements().FirstOrDefault(c => c.LocalName.Equals("div", StringComparison.OrdinalIgnoreCase));
            value = div is not null && e.Elements().Count() == 1 ? div.InnerMarkup() : e.InnerMarkup();
        }
        else if (type is "HTML" or "TEXT/HTML" || mode == "ESCAPED")
        {
            value = e.HasElementChildren ? e.InnerMarkup() : e.InnerText();
        }
        else if (e.HasElementChildren)
        {
            value = e.InnerMarkup();
        }
        else
        {
            // Plain text: escaped so that "a < b" stays text once it is treated as HTML.
            value = HtmlText.Escape(e.InnerText());
        }

        value = value.Trim();
        return value.Length == 0 ? null : HtmlText.ResolveUrls(value, e.Base);
    }

    private static string? FromBase64(string text)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(text.Trim()));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static List<FeedLink> AtomLinks(XmlElementNode parent)
    {
        var links = new List<FeedLink>();
        foreach (var e in Children(parent, Atom10, "link"))
        {
            if (AtomLink(e) is { } link)
            {
                links.Add(link);
            }
        }

        return links;
    }

    private static FeedLink? AtomLink(XmlElementNode e)
    {
        // Atom 0.3 drafts sometimes wrote the address as the element's text.
        var href = e.Attr("href") ?? (e.HasElementChildren ? null : Text(e));
        if (UrlText.ResolveWeb(e.Base, href) is not { } url)
        {
            return null;
        }

        var rel = (e.Attr("rel") ?? "alternate").Trim().ToLowerInvariant();
        return new FeedLink(url, rel.Length == 0 ? "alternate" : rel, e.Attr("type"), e.Attr("title"));
    }

    /// <summary>Language tags as BCP 47 writes them: "en_US" is "en-US".</summary>
    private static string? Language(string? tag) => string.IsNullOrWhiteSpace(tag) ? null : tag.Trim().Replace('_', '-');

    private static string? Lang(XmlElementNode e)
    {
        for (var at = e; at is not null; at = at.Parent)
        {
            if (at.Attr("lang", XmlElementNode.XmlNamespace) is { Length: > 0 } lang)
            {
                return lang.Trim();
            }
        }

        return null;
    }

    private static string? GeneratorAgent(XmlElementNode channel) =>
        Child(channel, "http://webns.net/mvcb/", "generatorAgent")?.Attr("resource", Rdf);

    /// <summary>RSS people: "jo@example.com (Jo Bloggs)", "Jo Bloggs &lt;jo@example.com&gt;", or a name.</summary>
    private static List<FeedPerson> RssPeople(XmlElementNode parent, params ReadOnlySpan<(string Ns, string Name)> sources)
    {
        var people = new List<FeedPerson>();
        foreach (var (ns, localName) in sources)
        {
            foreach (var e in Children(parent, ns, localName))
            {
                if (e.HasElementChildren && Child(e, Atom10, "name") is not null)
                {
                    people.Add(AtomPerson(e));
                }
                else if (Text(e) is { } text && ParsePerson(text) is var person && !people.Contains(person))
                {
                    // Parsed before any markup is stripped: "Jo <jo@example.com>" is not an HTML tag.
                    people.Add(person with { Name = PlainText(person.Name) });
                }
            }

            if (people.Count > 0)
            {
                break; // the first source that names someone is the author list
            }
        }

        return people;
    }

    internal static FeedPerson ParsePerson(string text)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            return new FeedPerson(text, null);
        }

        // Find the token holding the '@': that is the address; what is left (minus brackets) is the name.
        var start = at;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]) && text[start - 1] is not ('<' or '(' or '[' or '"'))
        {
            start--;
        }

        var end = at;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not ('>' or ')' or ']' or '"'))
        {
            end++;
        }

        var email = text[start..end].Trim().TrimEnd('.', ',', ';');
        if (email.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            email = email[7..];
        }

        var name = (text[..start] + " " + text[end..]).Replace("<", " ", StringComparison.Ordinal).Replace(">", " ", StringComparison.Ordinal)
            .Replace("()", " ", StringComparison.Ordinal).Trim().Trim('(', ')', '"', ' ').Trim();
        return new FeedPerson(name.Length == 0 ? null : name, email.Length == 0 ? null : email);
    }

    private static List<FeedPerson> AtomPeople(XmlElementNode parent, string localName)
    {
        var people = new List<FeedPerson>();
        foreach (var e in Children(parent, Atom10, localName))
        {
            if (AtomPerson(e) is var person && (person.Name is not null || person.Email is not null))
            {
                people.Add(person);
            }
        }

        return people;
    }

    private static FeedPerson AtomPerson(XmlElementNode e)
    {
        if (!e.HasElementChildren && Text(e) is { } text)
        {
            return ParsePerson(text);
        }

        return new FeedPerson(PlainText(Text(Child(e, Atom10, "name"))), Text(Child(e, Atom10, "email")));
    }

    private static List<string> Categories(XmlElementNode parent)
    {
        var categories = new List<string>();
        void Add(string? value) => AddCategory(categories, value);

        foreach (var e in parent.Elements())
        {
            if (Is(e, "", "category") || Is(e, Atom10, "category"))
            {
                Add(e.Attr("term") ?? Text(e) ?? e.Attr("label"));
            }
            else if (Is(e, Dc, "subject"))
            {
                Add(Text(e));
            }
            else if (Is(e, Itunes, "category"))
            {
                Add(e.Attr("text"));
                foreach (var nested in Children(e, Itunes, "category"))
                {
                    Add(nested.Attr("text"));
                }
            }
            else if (Is(e, Media, "category"))
            {
                Add(Text(e));
            }
            else if (Is(e, Itunes, "keywords") || Is(e, Media, "keywords") || Is(e, "", "tags"))
            {
                foreach (var keyword in (Text(e) ?? "").Split(','))
                {
                    Add(keyword);
                }
            }
        }

        return categories;
    }

    private static void AddCategory(List<string> categories, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value) && !categories.Contains(value.Trim()))
        {
            categories.Add(value.Trim());
        }
    }

    private static void AddEnclosure(List<FeedEnclosure> enclosures, Uri? url, string? type, string? length)
    {
        if (url is null || enclosures.Exists(e => e.Url == url))
        {
            return;
        }

        var size = long.TryParse(length?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) ? bytes : (long?)null;
        enclosures.Add(new FeedEnclosure(url, string.IsNullOrWhiteSpace(type) ? null : type.Trim(), size));
    }

    private static void AddMediaEnclosures(XmlElementNode item, List<FeedEnclosure> enclosures)
    {
        // media:content may stand alone or be grouped; either way each is a file of the item.
        foreach (var media in Children(item, Media, "content"))
        {
            AddEnclosure(enclosures, UrlText.ResolveWeb(media.Base, media.Attr("url")), media.Attr("type"), media.Attr("fileSize"));
        }

        foreach (var group in Children(item, Media, "group"))
        {
            foreach (var media in Children(group, Media, "content"))
            {
                AddEnclosure(enclosures, UrlText.ResolveWeb(media.Base, media.Attr("url")), media.Attr("type"), media.Attr("fileSize"));
            }
        }
    }

    private static FeedImage? ItemImage(XmlElementNode item, List<FeedEnclosure> enclosures)
    {
        var thumbnail = Child(item, Media, "thumbnail");
        if (thumbnail is null)
        {
            foreach (var group in Children(item, Media, "group"))
            {
                if ((thumbnail = Child(group, Media, "thumbnail")) is not null)
                {
                    break;
                }
            }
        }

        if (ImageOf(thumbnail?.Attr("url"), thumbnail?.Base) is { } fromThumbnail)
        {
            return fromThumbnail;
        }

        XmlElementNode? mediaImage = null;
        foreach (var m in Children(item, Media, "content"))
        {
            if (m.Attr("medium") == "image" || (m.Attr("type") ?? "").StartsWith("image/", StringComparison.OrdinalIgnoreCase))
            {
                mediaImage = m;
                break;
            }
        }
        if (ImageOf(mediaImage?.Attr("url"), mediaImage?.Base) is { } fromMedia)
        {
            return fromMedia;
        }

        if (Child(item, Itunes, "image") is { } itunes && ImageOf(itunes.Attr("href"), itunes.Base) is { } fromItunes)
        {
            return fromItunes;
        }

        var imageEnclosure = enclosures.Find(e => e.Type?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true);
        return imageEnclosure is null ? null : new FeedImage(imageEnclosure.Url);
    }

    private static FeedImage? ImageOf(string? url, Uri? baseUrl) =>
        UrlText.ResolveWeb(baseUrl, url) is { } resolved ? new FeedImage(resolved) : null;

    /// <summary>The child elements matching <see cref="Is"/>: a struct, enumerable without allocating, and through LINQ (boxed) where that reads better.</summary>
    private readonly struct NamedChildren(object[] children, string ns, string localName) : IEnumerable<XmlElementNode>
    {
        public Enumerator GetEnumerator() => new(children, ns, localName);

        IEnumerator<XmlElementNode> IEnumerable<XmlElementNode>.GetEnumerator() => GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public struct Enumerator(object[] children, string ns, string localName) : IEnumerator<XmlElementNode>
        {
            private int _index = -1;

            public XmlElementNode Current { get; private set; } = null!;

            readonly object System.Collections.IEnumerator.Current => Current;

            public bool MoveNext()
            {
                while (++_index < children.Length)
                {
                    if (children[_index] is XmlElementNode element && Is(element, ns, localName))
                    {
                        Current = element;
                        return true;
                    }
                }

                return false;
            }

            public void Reset() => _index = -1;

            public readonly void Dispose()
            {
            }
        }
    }
}
