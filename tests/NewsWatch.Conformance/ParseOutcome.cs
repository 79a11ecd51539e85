using NewsWatch.Feeds;

namespace NewsWatch.Conformance;

/// <summary>What parsing one corpus file gave: a feed, a clear parse error, or (a bug) any other exception.</summary>
internal sealed record ParseOutcome(ParsedFeed? Feed, string? ParseError, Exception? Crash)
{
    public static ParseOutcome Of(byte[] bytes, Uri baseUrl, string? contentType)
    {
        try
        {
            return new ParseOutcome(FeedParser.Parse(bytes, baseUrl, contentType), null, null);
        }
        catch (FeedParseException ex)
        {
            return new ParseOutcome(null, ex.Message, null);
        }
#pragma warning disable CA1031 // the point of this suite is to catch whatever escapes the parser
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new ParseOutcome(null, null, ex);
        }
    }
}
