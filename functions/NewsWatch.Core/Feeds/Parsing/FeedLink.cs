namespace NewsWatch.Feeds;

/// <summary>A link of an entry (Atom link, RSS link, atom:link inside RSS, JSON external_url).</summary>
public sealed record FeedLink(Uri Href, string Rel, string? Type, string? Title);
