namespace NewsWatch.Feeds;

public enum FeedPollOutcome
{
    Fetched,
    NotModified,
    Failed,
    Retired,
    Skipped,
}
