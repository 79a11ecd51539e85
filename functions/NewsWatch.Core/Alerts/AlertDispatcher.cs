using Microsoft.Extensions.Logging;
using NewsWatch.Email;
using NewsWatch.Messages;
using NewsWatch.Subscriptions;

namespace NewsWatch.Alerts;

/// <summary>
/// The alert stage: emails one relevant article to every subscriber who follows it, at most
/// once each. A failed send does not stop the others; the alert is then retried for the rest.
/// </summary>
public sealed partial class AlertDispatcher(
    SubscriberStore subscribers,
    DeliveryLedger ledger,
    IEmailSender sender,
    ILogger<AlertDispatcher> logger)
{
    /// <returns>How many emails this call sent.</returns>
    public async Task<int> DispatchAsync(DealAlert alert, CancellationToken cancellationToken)
    {
        var sent = 0;
        var failures = new List<Exception>();
        foreach (var subscriber in await subscribers.ListAsync(cancellationToken))
        {
            if (!subscriber.Follows(alert.Assessment)
                || !await ledger.TryClaimAsync(alert.ArticleId, subscriber.Email, cancellationToken))
            {
                continue;
            }

            try
            {
                await sender.SendAsync(AlertEmail.Compose(alert, subscriber), cancellationToken);
            }
            catch (EmailDeliveryException ex)
            {
                await ledger.ReleaseAsync(alert.ArticleId, subscriber.Email, cancellationToken);
                LogSendFailed(alert.ArticleId, subscriber.Email, ex.Message, ex);
                failures.Add(ex);
                continue;
            }

            await ledger.MarkSentAsync(alert.ArticleId, subscriber.Email, cancellationToken);
            LogSent(alert.ArticleId, subscriber.Email);
            sent++;
        }

        if (failures.Count > 0)
        {
            // Thrown after the loop so one bad address never holds back everyone else's alert.
            throw new AggregateException($"{failures.Count} of the alert's emails were not sent; the alert will be retried for them", failures);
        }

        return sent;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {ArticleId} sent to {Email}")]
    private partial void LogSent(string articleId, string email);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {ArticleId} to {Email} failed: {Reason}")]
    private partial void LogSendFailed(string articleId, string email, string reason, Exception exception);
}
