namespace NewsWatch.Feeds;

/// <summary>A feed could not be fetched; the message says why in words an operator can act on.</summary>
public sealed class FeedFetchException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>How long the server asked us to wait (429/503 Retry-After), when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
