namespace NewsWatch.Feeds.Parsing;

/// <summary>
/// The namespaces feeds use, and the prefixes they are conventionally written with: a feed that
/// writes <c>dc:creator</c> without declaring <c>dc</c> still means Dublin Core.
/// </summary>
internal static class KnownNamespaces
{
    public const string Atom10 = "http://www.w3.org/2005/Atom";
    public const string Atom03 = "http://purl.org/atom/ns#";
    public const string Rss10 = "http://purl.org/rss/1.0/";
    public const string Rss09 = "http://my.netscape.com/rdf/simple/0.9/";
    public const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public const string Dc = "http://purl.org/dc/elements/1.1/";
    public const string DcTerms = "http://purl.org/dc/terms/";
    public const string Content = "http://purl.org/rss/1.0/modules/content/";
    public const string Media = "http://search.yahoo.com/mrss/";
    public const string Itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    public const string Xhtml = "http://www.w3.org/1999/xhtml";
    public const string Syndication = "http://purl.org/rss/1.0/modules/syndication/";

    private static readonly Dictionary<string, string> ByPrefix = new(StringComparer.OrdinalIgnoreCase)
    {
        ["atom"] = Atom10,
        ["rdf"] = Rdf,
        ["dc"] = Dc,
        ["dcterms"] = DcTerms,
        ["content"] = Content,
        ["media"] = Media,
        ["itunes"] = Itunes,
        ["xhtml"] = Xhtml,
        ["sy"] = Syndication,
        ["xml"] = XmlElementNode.XmlNamespace,
    };

    public static string? ForUndeclaredPrefix(string prefix) => ByPrefix.GetValueOrDefault(prefix);

    /// <summary>Namespace URIs as written in the wild (case, trailing slash, old variants) mapped to one spelling.</summary>
    public static string Normalise(string uri)
    {
        var trimmed = uri.Trim();
        var key = trimmed.TrimEnd('/', '#').ToUpperInvariant();
        return key switch
        {
            "HTTP://WWW.W3.ORG/2005/ATOM" => Atom10,
            // Atom 0.3's namespace and the names its drafts went by.
            "HTTP://PURL.ORG/ATOM/NS" or "HTTP://EXAMPLE.COM/NEWFORMAT" or "HTTP://EXAMPLE.COM/NECHO" or "HTTP://PURL.ORG/ECHO" or "HTTP://PURL.ORG/PIE" or "HTTP://PURL.ORG/ATOM/NS#DRAFT-ECMASCRIPT" => Atom03,
            "HTTP://WWW.ITUNES.COM/DTDS/PODCAST-1.0.DTD" or "HTTP://EXAMPLE.COM/DTDS/PODCAST-1.0.DTD" => Itunes,
            "HTTP://PURL.ORG/RSS/1.0" => Rss10,
            "HTTP://MY.NETSCAPE.COM/RDF/SIMPLE/0.9" => Rss09,
            "HTTP://PURL.ORG/DC/ELEMENTS/1.1" or "HTTP://PURL.ORG/DC/ELEMENTS/1.0" => Dc,
            "HTTP://PURL.ORG/DC/TERMS" => DcTerms,
            "HTTP://PURL.ORG/RSS/1.0/MODULES/CONTENT" => Content,
            "HTTP://SEARCH.YAHOO.COM/MRSS" or "HTTP://TOOLS.CADENZA.IO/RSS/MRSS" => Media,
            "HTTP://WWW.W3.ORG/1999/02/22-RDF-SYNTAX-NS" => Rdf,
            "HTTP://WWW.W3.ORG/1999/XHTML" => Xhtml,
            // RSS 2.0 elements have no namespace; a few generators put them in Userland's.
            "HTTP://BACKEND.USERLAND.COM/RSS2" or "HTTP://BLOGS.LAW.HARVARD.EDU/TECH/RSS" or "HTTP://BACKEND.USERLAND.COM/RSS" => "",
            _ => trimmed,
        };
    }

    public static bool IsAtom(string ns) => ns is Atom10 or Atom03;

    public static bool IsRss(string ns) => ns is "" or Rss10 or Rss09;
}
