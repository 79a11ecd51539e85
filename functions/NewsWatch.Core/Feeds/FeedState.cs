namespace NewsWatch.Feeds;

/// <summary>
/// What NewsWatch knows about polling one feed (table "feedstate"): its HTTP validators, when
/// to look next, and its health. A feed is never disabled for good by errors: only a 410 retires it.
/// </summary>
public sealed record FeedState(Uri Url)
{
    public string? ETag { get; init; }

    public string? LastModified { get; init; }

    /// <summary>Null for a feed never polled: it is due at once.</summary>
    public DateTimeOffset? NextCheckAt { get; init; }

    public DateTimeOffset? LastCheckAt { get; init; }

    public DateTimeOffset? LastSuccessAt { get; init; }

    public string? LastError { get; init; }

    public DateTimeOffset? LastErrorAt { get; init; }

    public int ConsecutiveFailures { get; init; }

    /// <summary>When the current run of failures began; null while healthy.</summary>
    public DateTimeOffset? FailingSince { get; init; }

    /// <summary>New articles this feed has contributed, in all.</summary>
    public long ItemsSeen { get; init; }

    /// <summary>The interval the feed's own publishing rate suggests, kept for 304 answers (which carry no items).</summary>
    public TimeSpan? PublishingInterval { get; init; }

    /// <summary>Set when the server answered 410 Gone.</summary>
    public bool Retired { get; init; }

    public bool IsDue(DateTimeOffset now) => !Retired && (NextCheckAt is null || NextCheckAt <= now);
}
