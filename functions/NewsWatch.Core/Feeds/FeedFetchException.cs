namespace NewsWatch.Feeds;

/// <summary>A feed could not be fetched; the message says why in words an operator can act on.</summary>
public sealed class FeedFetchException(string message, Exception? inner = null) : Exception(message, inner);
