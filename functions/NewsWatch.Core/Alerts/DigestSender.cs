using System.Globalization;
using Microsoft.Extensions.Logging;
using NewsWatch.Email;
using NewsWatch.Subscriptions;

namespace NewsWatch.Alerts;

/// <summary>
/// The hourly digest run: every digest subscriber whose local hour has come gets one email with the stories set
/// aside since their last one, and nothing when there are none. The same ledger as alerts (story "digest", stage =
/// the local date) makes a rerun, or a run after a crash, send each digest once.
/// </summary>
public sealed partial class DigestSender(
    SubscriberStore subscribers,
    DigestBox digests,
    DeliveryLedger ledger,
    IEmailSender sender,
    SubscriptionLinks links,
    TimeProvider clock,
    ILogger<DigestSender> logger)
{
    public const string DigestStory = "digest";

    /// <returns>How many digests this run sent.</returns>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var sent = 0;
        var failures = new List<Exception>();
        foreach (var subscriber in await subscribers.ListAsync(cancellationToken))
        {
            if (!subscriber.Active || subscriber.Delivery != DeliveryMode.Digest)
            {
                continue;
            }

            var last = subscriber.LastDigest
                ?? DigestSchedule.Start(subscriber.TimeZone, subscriber.DigestHour, subscriber.ConfirmedAt ?? subscriber.CreatedAt ?? now);
            if (!DigestSchedule.IsDue(subscriber.TimeZone, subscriber.DigestHour, last, now))
            {
                continue;
            }

            try
            {
                sent += await SendAsync(subscriber, DigestSchedule.LocalDate(subscriber.TimeZone, now), cancellationToken) ? 1 : 0;
            }
            catch (EmailDeliveryException ex)
            {
                // The others still get theirs; this one is tried again at the next run (the hour has passed, so it is still due).
                LogFailed(ex.Message, ex);
                failures.Add(ex);
            }
        }

        if (failures.Count > 0)
        {
            throw new AggregateException($"{failures.Count} digests were not sent; the next run tries them again", failures);
        }

        return sent;
    }

    private async Task<bool> SendAsync(Subscriber subscriber, DateOnly date, CancellationToken cancellationToken)
    {
        var id = SubscriberStore.IdOf(subscriber.Email);
        var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var entries = await digests.SetAsideAsync(id, day, cancellationToken);
        var wasSent = false;
        if (entries.Count > 0)
        {
            var key = new DeliveryKey(DigestStory, id, day);
            switch (await ledger.SendOnceAsync(key, subscriber.Email, () => Task.FromResult(DigestEmail.Compose(subscriber, entries, date, key, links)), sender, cancellationToken))
            {
                case DeliveryOutcome.InProgress:
                    return false; // another run is sending it; the next run settles it
                case DeliveryOutcome.Sent:
                    wasSent = true;
                    break;
            }

            await digests.RemoveAsync(id, day, cancellationToken);
        }

        // Last: until here a rerun finds the digest due, and the ledger stops it from going twice.
        await subscribers.SetLastDigestAsync(subscriber.Email, date, cancellationToken);
        return wasSent;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A digest was not sent and will be tried at the next run: {Reason}")]
    private partial void LogFailed(string reason, Exception exception);
}
