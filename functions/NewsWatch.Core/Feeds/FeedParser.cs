using System.Buffers;
using NewsWatch.Feeds.Parsing;

namespace NewsWatch.Feeds;

/// <summary>
/// Reads RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 0.3/1.0, CDF and JSON Feed 1.0/1.1 into the feed model.
/// Lenient by design (see docs/feeds.md): a document a person can read yields its items.
/// <see cref="FeedParseException"/> is the only exception that leaves it.
/// </summary>
public static class FeedParser
{
    public static ParsedFeed Parse(byte[] content, Uri baseUrl) => Parse(content, baseUrl, contentType: null);

    /// <param name="contentType">The HTTP Content-Type header, whose charset outranks the XML declaration.</param>
    public static ParsedFeed Parse(byte[] content, Uri baseUrl, string? contentType)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(baseUrl);
        char[]? buffer = null;
        try
        {
            // The text lives in a rented array: it is read once, into the tree, and given back.
            (buffer, var length) = FeedTextDecoder.DecodePooled(content, contentType);
            var text = buffer.AsSpan(0, length);
            var start = FirstSignificant(text);
            if (start < 0)
            {
                throw new FeedParseException("the document is empty");
            }

            if (text[start] is '{' or '[')
            {
                return JsonFeedReader.Read(buffer.AsMemory(0, length), baseUrl);
            }

            var root = LenientXmlParser.Parse(buffer, length, baseUrl)
                ?? throw new FeedParseException("not a well-formed XML feed: no element found (is it a feed at all?)");
            ArrayPool<char>.Shared.Return(buffer);
            buffer = null;
            return XmlFeedReader.Read(root);
        }
        catch (FeedParseException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A parser bug must not take down a polling cycle: it becomes this feed's error.
            throw new FeedParseException($"could not read the feed ({ex.GetType().Name}: {ex.Message})", ex);
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<char>.Shared.Return(buffer);
            }
        }
    }

    private static int FirstSignificant(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]) && text[i] != '\uFEFF')
            {
                return i;
            }
        }

        return -1;
    }
}
