namespace NewsWatch.Feeds;

/// <param name="Url">The feed's address after this poll (a permanent redirect changes it).</param>
public sealed record FeedPollResult(Uri Url, FeedPollOutcome Outcome, int NewArticles, string? Error = null);
