namespace NewsWatch.Feeds;

public sealed record RegisteredFeed(Uri Url, DateTimeOffset AddedAt);
