namespace NewsWatch.Feeds;

public sealed record PollSummary(int FeedsPolled, int FeedsFailed, int ArticlesNew);
