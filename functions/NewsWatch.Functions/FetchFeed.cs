using Microsoft.Azure.Functions.Worker;
using NewsWatch.Feeds;
using NewsWatch.Messages;
using NewsWatch.Storage;

namespace NewsWatch.Functions;

public sealed class FetchFeed(FeedPoller poller)
{
    [Function(nameof(FetchFeed))]
    public Task Run([QueueTrigger(StorageNames.FeedsQueue)] string message, CancellationToken cancellationToken) =>
        poller.PollAsync(new Uri(QueueMessageSerializer.DeserializeFeedDue(message).FeedUrl), cancellationToken);
}
