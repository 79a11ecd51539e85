using Microsoft.Azure.Functions.Worker;
using NewsWatch.Alerts;
using NewsWatch.Messages;
using NewsWatch.Storage;

namespace NewsWatch.Functions;

public sealed class SendAlerts(AlertDispatcher dispatcher)
{
    [Function(nameof(SendAlerts))]
    public Task Run([QueueTrigger(StorageNames.AlertsQueue)] string message, CancellationToken cancellationToken) =>
        dispatcher.DispatchAsync(QueueMessageSerializer.DeserializeAlert(message), cancellationToken);
}
