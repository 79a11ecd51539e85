namespace NewsWatch.Feeds;

/// <summary>A parsed feed: channel-level fields and its items, in document order.</summary>
/// <param name="Title">Plain text.</param>
public sealed record ParsedFeed(string? Title, IReadOnlyList<FeedItem> Items)
{
    /// <summary>What was read, e.g. "rss 2.0", "rss 1.0", "atom 1.0", "atom 0.3", "json 1.1".</summary>
    public string Format { get; init; } = "";

    /// <summary>Plain text of the channel description or Atom subtitle.</summary>
    public string? Description { get; init; }

    public Uri? Link { get; init; }

    public string? Language { get; init; }

    public string? Copyright { get; init; }

    public string? Generator { get; init; }

    public DateTimeOffset? Published { get; init; }

    public DateTimeOffset? Updated { get; init; }

    public IReadOnlyList<FeedPerson> Authors { get; init; } = [];

    public FeedImage? Image { get; init; }

    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>How often the publisher says the feed changes (RSS ttl, sy:updatePeriod/updateFrequency); polling never goes faster.</summary>
    public TimeSpan? UpdateInterval { get; init; }
}
