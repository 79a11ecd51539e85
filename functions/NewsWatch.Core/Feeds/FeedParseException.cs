namespace NewsWatch.Feeds;

/// <summary>The document is not a feed we can read; the message says what was found instead.</summary>
public sealed class FeedParseException(string message, Exception? inner = null) : Exception(message, inner);
