using System.Text.Json;
using Microsoft.Extensions.Logging;
using NewsWatch.Email;
using NewsWatch.Subscriptions;

namespace NewsWatch.Alerts;

/// <summary>
/// SendGrid's Event Webhook: a bounce, a dropped message, a spam report or an unsubscribe (from SendGrid's own link
/// or a group) suppresses the address, so nothing more is sent to it; a "processed" or "delivered" event carrying
/// our delivery_id marks that delivery sent in the ledger, settling a claim whose sender died before it could
/// (<see cref="DeliveryLedger"/>). Other events (open, click…) change nothing. Only posts that
/// <see cref="EventWebhookVerifier"/> trusts are read.
/// </summary>
public sealed partial class EmailEvents(EventWebhookVerifier verifier, SubscriberStore subscribers, DeliveryLedger ledger, ILogger<EmailEvents> logger)
{
    private static readonly HashSet<string> Suppressing = new(StringComparer.Ordinal) { "bounce", "dropped", "spamreport", "unsubscribe", "group_unsubscribe" };

    public async Task<WebhookOutcome> ReceiveAsync(string? signature, string? timestamp, byte[] body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var verdict = verifier.Verify(signature, timestamp, body);
        if (verdict != WebhookVerdict.Valid)
        {
            LogRefused(verdict);
            return new WebhookOutcome(verdict);
        }

        List<(string Event, string Email, string? DeliveryId)> events;
        try
        {
            events = Read(body);
        }
        catch (JsonException ex)
        {
            // Signed by SendGrid, yet not the array of events it documents: say so loudly, change nothing.
            LogUnreadable(ex.Message, ex);
            return new WebhookOutcome(verdict, Readable: false);
        }

        var suppressed = 0;
        var confirmed = 0;
        foreach (var (name, email, deliveryId) in events)
        {
            if (Suppressing.Contains(name) && await subscribers.SuppressAsync(email, name, cancellationToken))
            {
                suppressed++;
            }

            // SendGrid took the mail: a claim whose sender died before writing "sent" is settled by this.
            if (name is "processed" or "delivered" && deliveryId is not null && await ledger.ConfirmSentAsync(deliveryId, cancellationToken))
            {
                confirmed++;
            }
        }

        return new WebhookOutcome(verdict, Events: events.Count, Suppressed: suppressed, Confirmed: confirmed);
    }

    /// <summary>The events' names and addresses; an event without either is skipped.</summary>
    /// <exception cref="JsonException">The body is not a JSON array of objects.</exception>
    private static List<(string, string, string?)> Read(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("the body is not a JSON array");
        }

        var events = new List<(string, string, string?)>();
        foreach (var item in document.RootElement.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object &&
                item.TryGetProperty("event", out var name) && name.ValueKind == JsonValueKind.String &&
                item.TryGetProperty("email", out var email) && email.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(email.GetString()))
            {
                // custom_args come back as top-level fields of each event.
                var deliveryId = item.TryGetProperty("delivery_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
                events.Add((name.GetString()!, email.GetString()!, deliveryId));
            }
        }

        return events;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SendGrid event post refused: {Verdict}")]
    private partial void LogRefused(WebhookVerdict verdict);

    [LoggerMessage(Level = LogLevel.Error, Message = "SendGrid event post signed but unreadable: {Reason}")]
    private partial void LogUnreadable(string reason, Exception exception);
}
