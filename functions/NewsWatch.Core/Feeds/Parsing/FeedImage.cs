namespace NewsWatch.Feeds;

/// <summary>A picture for a feed or item (RSS image, Atom logo/icon, media:thumbnail, JSON image).</summary>
public sealed record FeedImage(Uri Url);
