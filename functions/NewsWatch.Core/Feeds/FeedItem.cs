namespace NewsWatch.Feeds;

/// <param name="Id">The feed's own id for the item (guid / atom:id), when it has one.</param>
/// <param name="Summary">Plain text: markup stripped, entities decoded.</param>
public sealed record FeedItem(string? Id, string Title, Uri? Link, string Summary, DateTimeOffset? Published);
