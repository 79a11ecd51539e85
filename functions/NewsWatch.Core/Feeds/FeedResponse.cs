namespace NewsWatch.Feeds;

public enum FeedResponseKind
{
    /// <summary>200: a document, with new validators.</summary>
    Fetched,

    /// <summary>304: nothing changed since the validators we sent; nothing was downloaded.</summary>
    NotModified,

    /// <summary>410: the publisher retired the feed.</summary>
    Gone,
}

/// <param name="MovedTo">Where a chain of permanent redirects (301/308) led: the feed's new address.</param>
public sealed record FeedResponse(FeedResponseKind Kind, byte[] Content, string? ContentType, string? ETag, string? LastModified, Uri? MovedTo)
{
    public static FeedResponse NotModified(Uri? movedTo) => new(FeedResponseKind.NotModified, [], null, null, null, movedTo);

    public static FeedResponse Gone(Uri? movedTo) => new(FeedResponseKind.Gone, [], null, null, null, movedTo);
}
