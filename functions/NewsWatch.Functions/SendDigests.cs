using Microsoft.Azure.Functions.Worker;
using NewsWatch.Alerts;

namespace NewsWatch.Functions;

public sealed class SendDigests(DigestSender digests)
{
    // Hourly: each subscriber's digest goes at the first run after their local hour.
    [Function(nameof(SendDigests))]
    public Task Run([TimerTrigger("%NewsWatch:Alerts:DigestSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        digests.SendDueAsync(cancellationToken);
}
