using Microsoft.Azure.Functions.Worker;
using NewsWatch.Feeds;

namespace NewsWatch.Functions;

public sealed class PollFeeds(FeedPoller poller)
{
    // Schedule from the same setting the local runner reads; RunOnStartup stays off so a
    // restart or scale-out never triggers an extra cycle.
    [Function(nameof(PollFeeds))]
    public Task Run([TimerTrigger("%NewsWatch:Feeds:PollSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        poller.PollAllAsync(cancellationToken);
}
