using Microsoft.Azure.Functions.Worker;
using NewsWatch.Feeds;

namespace NewsWatch.Functions;

public sealed class PollFeeds(FeedScheduler scheduler)
{
    // Schedule from the same setting the local runner reads; RunOnStartup stays off so a
    // restart or scale-out never triggers an extra cycle. The timer only queues due feeds:
    // FetchFeed polls them, scaled out by the queue.
    [Function(nameof(PollFeeds))]
    public Task Run([TimerTrigger("%NewsWatch:Feeds:PollSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        scheduler.QueueDueFeedsAsync(everyFeed: false, cancellationToken);
}
