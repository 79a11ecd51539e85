using System.ServiceModel.Syndication;
using System.Xml;
using NewsWatch.Feeds;

namespace NewsWatch.Benchmarks;

/// <summary>The three parsers, each called the way an application would call it on a downloaded byte[].</summary>
public static class Parsers
{
    // DTDs ignored (not prohibited): otherwise every RSS 0.91 document with its DOCTYPE would
    // fail, which is a setting, not the library. No resolver: no network or file access.
    private static readonly XmlReaderSettings SyndicationSettings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        CloseInput = true,
    };

    /// <summary>NewsWatch's own parser; throws only <see cref="FeedParseException"/>.</summary>
    public static int NewsWatch(CorpusFile file) => FeedParser.Parse(file.Content, file.BaseUrl).Items.Count;

    /// <summary>System.ServiceModel.Syndication: SyndicationFeed.Load over an XmlReader (RSS 2.0 and Atom 1.0 only).</summary>
    public static int Syndication(CorpusFile file)
    {
        using var reader = XmlReader.Create(new MemoryStream(file.Content, writable: false), SyndicationSettings);
        var feed = SyndicationFeed.Load(reader);
        return feed.Items.Count();
    }

    /// <summary>CodeHollow.FeedReader: FeedReader.ReadFromByteArray (RSS 0.91–2.0, RSS 1.0, Atom, JSON Feed).</summary>
    public static int CodeHollow(CorpusFile file) => global::CodeHollow.FeedReader.FeedReader.ReadFromByteArray(file.Content).Items.Count;

    public static bool TryNewsWatch(CorpusFile file, out int items)
    {
        try
        {
            items = NewsWatch(file);
            return true;
        }
        catch (FeedParseException)
        {
            items = 0;
            return false;
        }
    }

    public static bool TrySyndication(CorpusFile file, out int items) => TryLibrary(Syndication, file, out items);

    public static bool TryCodeHollow(CorpusFile file, out int items) => TryLibrary(CodeHollow, file, out items);

    private static bool TryLibrary(Func<CorpusFile, int> parse, CorpusFile file, out int items)
    {
        try
        {
            items = parse(file);
            return true;
        }
#pragma warning disable CA1031 // any exception is that library's way of saying "not a feed I can read"
        catch (Exception)
#pragma warning restore CA1031
        {
            items = 0;
            return false;
        }
    }
}
