namespace NewsWatch.Messages;

/// <summary>A new article found in a feed, on its way to the classifier (queue "articles").</summary>
public sealed record ArticleDiscovered(
    string ArticleId,
    string FeedUrl,
    string Url,
    string Title,
    string Summary,
    DateTimeOffset? Published,
    DateTimeOffset DiscoveredAt)
{
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;

    /// <summary>
    /// Claim check: when the article's text would not fit in a queue message, it is in this
    /// blob (container "article-bodies") and <see cref="Summary"/> holds only its beginning.
    /// </summary>
    public string? BodyBlob { get; init; }
}
