namespace NewsWatch.Feeds;

/// <summary>An attached file (RSS enclosure, Atom rel="enclosure", media:content, JSON attachment).</summary>
public sealed record FeedEnclosure(Uri Url, string? Type, long? Length);
