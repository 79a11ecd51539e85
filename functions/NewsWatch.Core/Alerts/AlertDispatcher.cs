using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using NewsWatch.Email;
using NewsWatch.Messages;
using NewsWatch.Storage;
using NewsWatch.Subscriptions;

namespace NewsWatch.Alerts;

/// <summary>
/// The alert stage: joins a relevant article to its story, then emails every confirmed subscriber who follows it
/// once per story and stage (a later report at the same stage only adds its outlet; a later stage is an update),
/// or sets the story aside for their digest. Never to a suppressed address (unsubscribed, bounced, reported as
/// spam). Each subscriber is settled on their own, so one bad address or one slow send never holds back the others:
/// a mail refused for good is recorded and not retried; a mail that failed is retried with the whole alert (the
/// ledger skips those already sent); a mail another attempt is still sending is looked at again once that
/// attempt's lease has run out.
/// </summary>
public sealed partial class AlertDispatcher(
    SubscriberStore subscribers,
    StoryStore stories,
    DigestBox digests,
    DeliveryLedger ledger,
    SubscriptionLinks links,
    IEmailSender sender,
    StorageAccount storage,
    ILogger<AlertDispatcher> logger)
{
    private readonly QueueClient _alerts = storage.Queue(StorageNames.AlertsQueue);

    /// <returns>How many emails this call sent.</returns>
    public async Task<int> DispatchAsync(DealAlert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var story = (await stories.AttachAsync(alert, cancellationToken)).Story;
        var sent = 0;
        var inProgress = false;
        var failures = new List<Exception>();
        foreach (var subscriber in await subscribers.ListAsync(cancellationToken))
        {
            if (!subscriber.Active || !subscriber.Follows(alert.Assessment, alert.Title))
            {
                continue;
            }

            if (subscriber.Delivery == DeliveryMode.Digest)
            {
                await digests.AddAsync(subscriber, story, alert, cancellationToken);
                continue;
            }

            // One email per (subscriber, story, stage): later reports at the same stage find it sent; a later stage is an update.
            var key = new DeliveryKey(story.Id, SubscriberStore.IdOf(subscriber.Email), story.DeliveryStage);
            try
            {
                var outcome = await ledger.SendOnceAsync(
                    key,
                    subscriber.Email,
                    async () => AlertEmail.Compose(alert, story, await ledger.HasSentAnyAsync(story.Id, key.SubscriberId, cancellationToken), subscriber, key, links),
                    sender,
                    cancellationToken);
                if (outcome == DeliveryOutcome.Sent)
                {
                    LogSent(alert.ArticleId);
                    sent++;
                }

                inProgress |= outcome == DeliveryOutcome.InProgress;
            }
            catch (EmailDeliveryException ex) when (ex.Failure == DeliveryFailure.Refused)
            {
                LogRefused(alert.ArticleId, subscriber.Email, ex.Message, ex);
            }
            catch (EmailDeliveryException ex)
            {
                // Unknown outcomes keep their claim, so nothing is sent again before its lease runs out (or SendGrid's event settles it).
                LogSendFailed(alert.ArticleId, subscriber.Email, ex.Message, ex);
                failures.Add(ex);
            }
        }

        if (failures.Count > 0)
        {
            throw new AggregateException($"{failures.Count} of the alert's emails were not sent; the alert will be retried for them", failures);
        }

        if (inProgress)
        {
            // Another attempt holds a claim: look again when its lease has run out, rather than
            // spending this message's retries (and reaching the poison queue) while it is live.
            await _alerts.SendMessageAsync(QueueMessageSerializer.Serialize(alert), ledger.Lease, cancellationToken: cancellationToken);
        }

        return sent;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {ArticleId} sent")]
    private partial void LogSent(string articleId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {ArticleId} to {Email} failed and will be retried: {Reason}")]
    private partial void LogSendFailed(string articleId, string email, string reason, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert {ArticleId} to {Email} was refused and will not be retried: {Reason}")]
    private partial void LogRefused(string articleId, string email, string reason, Exception exception);
}
