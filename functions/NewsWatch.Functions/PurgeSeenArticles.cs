using Microsoft.Azure.Functions.Worker;
using NewsWatch.Feeds;

namespace NewsWatch.Functions;

public sealed class PurgeSeenArticles(SeenArticles seen)
{
    [Function(nameof(PurgeSeenArticles))]
    public Task Run([TimerTrigger("%NewsWatch:Feeds:PurgeSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        seen.PurgeExpiredAsync(cancellationToken);
}
