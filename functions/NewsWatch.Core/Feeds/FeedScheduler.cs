using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsWatch.Messages;
using NewsWatch.Storage;

namespace NewsWatch.Feeds;

/// <summary>
/// The timer's whole job, kept cheap at 10,000 feeds: find the feeds that are due and queue one
/// message per feed on "feeds", where queue-triggered fetchers (scaled out by Functions) poll
/// them. A queued feed is claimed for a while so a slow fetch is not queued twice.
/// </summary>
public sealed partial class FeedScheduler(
    FeedRegistry registry,
    FeedStateStore states,
    StorageAccount storage,
    TimeProvider clock,
    IOptions<FeedsOptions> options,
    ILogger<FeedScheduler> logger)
{
    private readonly QueueClient _feeds = storage.Queue(StorageNames.FeedsQueue);

    /// <param name="everyFeed">Queue every feed that is not retired, due or not (`newswatch run --once`).</param>
    /// <returns>How many feeds were queued.</returns>
    public async Task<int> QueueDueFeedsAsync(bool everyFeed, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var known = await states.ListAsync(cancellationToken);
        var due = new List<FeedState>();
        var failing = 0;
        foreach (var feed in await registry.ListAsync(cancellationToken))
        {
            var state = known.GetValueOrDefault(feed.Url) ?? new FeedState(feed.Url);
            if (state.FailingSince is { } since && now - since > options.Value.FailingWarningAfter)
            {
                failing++;
                LogFailingFeed(feed.Url, now - since, state.LastError);
            }

            if (!state.Retired && (everyFeed || state.IsDue(now)))
            {
                due.Add(state);
            }
        }

        FeedMetrics.FailingFeeds(failing);

        // The cycle has a deadline (before the next tick): what is not queued by then stays due
        // and is queued next time, instead of two cycles overlapping.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Value.CycleDeadline);
        var queued = 0;
        try
        {
            await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = deadline.Token }, async (state, token) =>
            {
                await states.SaveAsync(state with { NextCheckAt = now + options.Value.FetchClaim }, token);
                await _feeds.SendMessageAsync(QueueMessageSerializer.Serialize(new FeedDue(state.Url.AbsoluteUri, now)), token);
                Interlocked.Increment(ref queued);
            });
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogDeadline(queued, due.Count);
        }

        LogQueued(queued);
        return queued;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Poll cycle deadline reached after queueing {Queued} of {Due} due feeds; the rest go next cycle")]
    private partial void LogDeadline(int queued, int due);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {FeedUrl} has been failing for {Duration}: {LastError}")]
    private partial void LogFailingFeed(Uri feedUrl, TimeSpan duration, string? lastError);

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued {Count} feeds for polling")]
    private partial void LogQueued(int count);
}
