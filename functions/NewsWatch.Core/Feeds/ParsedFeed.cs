namespace NewsWatch.Feeds;

public sealed record ParsedFeed(string? Title, IReadOnlyList<FeedItem> Items);
