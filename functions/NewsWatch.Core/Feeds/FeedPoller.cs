using System.Text;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using NewsWatch.Messages;
using NewsWatch.Storage;

namespace NewsWatch.Feeds;

/// <summary>
/// Polls one feed (the FetchFeed stage): a conditional GET, the parse, each article not seen
/// before onto the "articles" queue, and the feed's state and next check updated. A feed that
/// fails is recorded against its URL with a back-off and the message completes; a storage
/// failure throws so the host retries it.
/// </summary>
public sealed partial class FeedPoller(
    FeedRegistry registry,
    FeedStateStore states,
    FeedFetcher fetcher,
    FeedSchedule schedule,
    SeenArticles seen,
    ArticleBodies bodies,
    StorageAccount storage,
    TimeProvider clock,
    ILogger<FeedPoller> logger)
{
    // An article whose message would pass the queue's limit travels by claim check: its text
    // goes to a blob and the message keeps this much of it. Titles are cut so that one absurd
    // item can never make a message too large.
    internal const int ClaimCheckSummaryLength = 4000;
    internal const int MaxTitleLength = 500;

    private readonly QueueClient _articles = storage.Queue(StorageNames.ArticlesQueue);

    public async Task<FeedPollResult> PollAsync(Uri feedUrl, CancellationToken cancellationToken)
    {
        var state = await states.GetAsync(feedUrl, cancellationToken);
        if (state.Retired)
        {
            return new FeedPollResult(feedUrl, FeedPollOutcome.Skipped, 0);
        }

        FeedResponse response;
        ParsedFeed? feed = null;
        try
        {
            response = await fetcher.FetchAsync(feedUrl, state.ETag, state.LastModified, cancellationToken);
            if (response.Kind == FeedResponseKind.Fetched)
            {
                feed = FeedParser.Parse(response.Content, response.MovedTo ?? feedUrl, response.ContentType);
            }
        }
        catch (Exception ex) when (ex is FeedFetchException or FeedParseException)
        {
            return await FailedAsync(state, ex, cancellationToken);
        }

        var url = feedUrl;
        if (response.MovedTo is { } movedTo && movedTo != feedUrl)
        {
            await registry.MoveAsync(feedUrl, movedTo, cancellationToken);
            await states.RemoveAsync(feedUrl, cancellationToken);
            LogMoved(feedUrl, movedTo);
            url = movedTo;
            state = state with { Url = movedTo };
        }

        var now = clock.GetUtcNow();
        state = state with
        {
            LastCheckAt = now,
            LastSuccessAt = now,
            LastError = null,
            LastErrorAt = null,
            ConsecutiveFailures = 0,
            FailingSince = null,
        };

        if (response.Kind == FeedResponseKind.Gone)
        {
            await states.SaveAsync(state with { Retired = true, NextCheckAt = null }, cancellationToken);
            FeedMetrics.Polled("gone");
            LogRetired(url);
            return new FeedPollResult(url, FeedPollOutcome.Retired, 0);
        }

        if (feed is null)
        {
            await states.SaveAsync(state with { NextCheckAt = schedule.AfterSuccess(now, state.PublishingInterval) }, cancellationToken);
            FeedMetrics.Polled("not-modified");
            LogNotModified(url);
            return new FeedPollResult(url, FeedPollOutcome.NotModified, 0);
        }

        var added = await EnqueueNewAsync(url, feed, cancellationToken);
        // Kept in the state, so a 304 (which carries no items) keeps the same pace.
        var interval = FeedSchedule.PublishingInterval(feed.Items.Select(i => i.Published), feed.UpdateInterval) ?? state.PublishingInterval;
        await states.SaveAsync(
            state with
            {
                // Validators change only with a full 200 answer.
                ETag = response.ETag,
                LastModified = response.LastModified,
                PublishingInterval = interval,
                NextCheckAt = schedule.AfterSuccess(now, interval),
                ItemsSeen = state.ItemsSeen + added,
            },
            cancellationToken);
        FeedMetrics.Polled("fetched");
        LogFeedPolled(url, feed.Items.Count, added);
        return new FeedPollResult(url, FeedPollOutcome.Fetched, added);
    }

    private async Task<int> EnqueueNewAsync(Uri feedUrl, ParsedFeed feed, CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var item in feed.Items)
        {
            var keys = ArticleIdentity.KeysOf(item, feedUrl);
            if (await seen.ContainsAnyAsync(keys, cancellationToken))
            {
                continue;
            }

            var message = new ArticleDiscovered(
                keys[0],
                feedUrl.AbsoluteUri,
                (item.Link ?? feedUrl).AbsoluteUri,
                Truncate(item.Title, MaxTitleLength),
                item.Summary,
                item.Published,
                clock.GetUtcNow());
            var body = QueueMessageSerializer.Serialize(message);
            if (Encoding.UTF8.GetByteCount(body) > QueueMessageSerializer.MaxMessageBytes)
            {
                var blob = await bodies.SaveAsync(message.ArticleId, item.Summary, cancellationToken);
                body = QueueMessageSerializer.Serialize(message with { Summary = Truncate(item.Summary, ClaimCheckSummaryLength), BodyBlob = blob });
            }

            // Enqueue before marking seen: a crash in between re-sends the article (the stages
            // downstream are idempotent) instead of losing it.
            await _articles.SendMessageAsync(body, cancellationToken);
            await seen.MarkAsync(keys, message.Url, cancellationToken);
            added++;
        }

        return added;
    }

    private static string Truncate(string text, int length) => text.Length > length ? text[..length] : text;

    private async Task<FeedPollResult> FailedAsync(FeedState state, Exception error, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var failures = state.ConsecutiveFailures + 1;
        var next = schedule.AfterFailure(now, failures, (error as FeedFetchException)?.RetryAfter);
        await states.SaveAsync(
            state with
            {
                LastCheckAt = now,
                LastError = error.Message,
                LastErrorAt = now,
                ConsecutiveFailures = failures,
                FailingSince = state.FailingSince ?? now,
                NextCheckAt = next,
            },
            cancellationToken);
        FeedMetrics.Polled("failed");
        LogFeedFailed(state.Url, failures, next, error.Message, error);
        return new FeedPollResult(state.Url, FeedPollOutcome.Failed, 0, error.Message);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {FeedUrl} failed ({Failures} in a row, next try {NextCheckAt:O}): {Reason}")]
    private partial void LogFeedFailed(Uri feedUrl, int failures, DateTimeOffset nextCheckAt, string reason, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed {FeedUrl}: {ItemCount} items, {NewCount} new")]
    private partial void LogFeedPolled(Uri feedUrl, int itemCount, int newCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed {FeedUrl}: not modified")]
    private partial void LogNotModified(Uri feedUrl);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {FeedUrl} moved permanently to {NewUrl}")]
    private partial void LogMoved(Uri feedUrl, Uri newUrl);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {FeedUrl} is gone (HTTP 410) and is retired")]
    private partial void LogRetired(Uri feedUrl);
}
