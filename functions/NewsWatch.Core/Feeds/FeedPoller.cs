using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsWatch.Messages;
using NewsWatch.Storage;

namespace NewsWatch.Feeds;

/// <summary>
/// One polling cycle: every registered feed is fetched and parsed, and each article not seen
/// before goes onto the "articles" queue. A feed that fails is logged against its URL and the
/// cycle goes on; a storage failure fails the cycle so the host retries it.
/// </summary>
public sealed partial class FeedPoller(
    FeedRegistry registry,
    FeedFetcher fetcher,
    SeenArticles seen,
    StorageAccount storage,
    TimeProvider clock,
    IOptions<FeedsOptions> options,
    ILogger<FeedPoller> logger)
{
    // Queue messages are capped at 64 KiB (48 KiB of text once base64-encoded); the classifier needs the lead, not the whole body.
    internal const int MaxSummaryLength = 4000;

    private readonly QueueClient _articles = storage.Queue(StorageNames.ArticlesQueue);

    public async Task<PollSummary> PollAllAsync(CancellationToken cancellationToken)
    {
        var feeds = await registry.ListAsync(cancellationToken);
        var failed = 0;
        var articles = 0;
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = options.Value.MaxParallelFetches,
            CancellationToken = cancellationToken,
        };

        await Parallel.ForEachAsync(feeds, parallel, async (feed, token) =>
        {
            try
            {
                Interlocked.Add(ref articles, await PollAsync(feed.Url, token));
            }
            catch (Exception ex) when (ex is FeedFetchException or FeedParseException)
            {
                Interlocked.Increment(ref failed);
                LogFeedFailed(feed.Url, ex.Message, ex);
            }
        });

        LogCycle(feeds.Count, failed, articles);
        return new PollSummary(feeds.Count, failed, articles);
    }

    /// <returns>How many new articles the feed had.</returns>
    public async Task<int> PollAsync(Uri feedUrl, CancellationToken cancellationToken)
    {
        var fetched = await fetcher.FetchAsync(feedUrl, cancellationToken);
        var feed = FeedParser.Parse(fetched.Content, feedUrl);
        var added = 0;
        foreach (var item in feed.Items)
        {
            var articleId = ArticleIdentity.IdOf(item, feedUrl);
            if (await seen.ContainsAsync(articleId, cancellationToken))
            {
                continue;
            }

            var message = new ArticleDiscovered(
                articleId,
                feedUrl.AbsoluteUri,
                (item.Link ?? feedUrl).AbsoluteUri,
                item.Title,
                item.Summary.Length > MaxSummaryLength ? item.Summary[..MaxSummaryLength] : item.Summary,
                item.Published,
                clock.GetUtcNow());

            // Enqueue before marking seen: a crash in between re-sends the article (the stages
            // downstream are idempotent) instead of losing it.
            await _articles.SendMessageAsync(QueueMessageSerializer.Serialize(message), cancellationToken);
            await seen.MarkAsync(articleId, message.Url, cancellationToken);
            added++;
        }

        LogFeedPolled(feedUrl, feed.Items.Count, added);
        return added;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {FeedUrl} failed: {Reason}")]
    private partial void LogFeedFailed(Uri feedUrl, string reason, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed {FeedUrl}: {ItemCount} items, {NewCount} new")]
    private partial void LogFeedPolled(Uri feedUrl, int itemCount, int newCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Poll cycle: {FeedCount} feeds, {FailedCount} failed, {ArticleCount} new articles")]
    private partial void LogCycle(int feedCount, int failedCount, int articleCount);
}
