using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using NewsWatch.Email;
using NewsWatch.Storage;

namespace NewsWatch.Alerts;

/// <summary>
/// One row per email in table "deliveries", keyed by (story, subscriber, stage): the reason a redelivered alert, a
/// retried one or a crashed worker never sends the same email twice, and never loses one. The protocol
/// (docs/architecture.md, "Exactly one email"):
/// 1. claim: insert-if-absent, status "claimed" (two workers cannot both win);
/// 2. send, with the key as custom_args "delivery_id";
/// 3. mark "sent" (or "refused" for good, or release the claim when the send surely failed).
/// A crash after 1 leaves a claim. SendGrid's "processed" event for that delivery_id marks it sent
/// (<see cref="ConfirmSentAsync"/>), so the retry after the lease finds it sent; a claim still unconfirmed after the
/// lease was never processed by SendGrid, and is sent.
/// </summary>
public sealed class DeliveryLedger(StorageAccount storage, TimeProvider clock, IOptions<AlertsOptions> options)
{
    private const string Claimed = "claimed";
    private const string Sent = "sent";
    private const string Refused = "refused";
    private readonly TableClient _table = storage.Table(StorageNames.DeliveriesTable);

    public TimeSpan Lease => options.Value.DeliveryClaimLease;

    /// <returns>The claim when this attempt should send; null when the mail was already sent (or refused for good).</returns>
    /// <exception cref="DeliveryInProgressException">Another attempt claimed it less than a lease ago.</exception>
    public async Task<DeliveryClaim?> TryClaimAsync(DeliveryKey key, string email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        while (true)
        {
            var now = clock.GetUtcNow();
            try
            {
                var added = await _table.AddEntityAsync(
                    new TableEntity(key.StoryId, RowKeyOf(key))
                    {
                        ["SubscriberId"] = key.SubscriberId, ["Stage"] = key.Stage, ["Email"] = email, ["Status"] = Claimed, ["ClaimedAt"] = now,
                    },
                    cancellationToken);
                return new DeliveryClaim(key, email, added.Headers.ETag ?? ETag.All);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Someone got here first: look at what they left.
            }

            var found = await _table.GetEntityIfExistsAsync<TableEntity>(key.StoryId, RowKeyOf(key), cancellationToken: cancellationToken);
            if (!found.HasValue)
            {
                continue; // released between our insert and our read: try the insert again
            }

            var existing = found.Value!;
            if (existing.GetString("Status") is Sent or Refused)
            {
                return null;
            }

            var claimedAt = existing.GetDateTimeOffset("ClaimedAt") ?? DateTimeOffset.MinValue;
            if (now - claimedAt < Lease)
            {
                throw new DeliveryInProgressException($"delivery {key.Id} was claimed at {claimedAt:O} and is not confirmed yet");
            }

            // Unconfirmed for a whole lease, by the sender and by SendGrid's events: the earlier attempt died before the mail left.
            existing["ClaimedAt"] = now;
            try
            {
                var updated = await _table.UpdateEntityAsync(existing, existing.ETag, TableUpdateMode.Replace, cancellationToken);
                return new DeliveryClaim(key, email, updated.Headers.ETag ?? ETag.All);
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                throw new DeliveryInProgressException($"delivery {key.Id} was taken over by another attempt");
            }
        }
    }

    /// <summary>
    /// The whole protocol for one email: claim, compose (only when the claim is won), send, record. A refusal is
    /// recorded for good and a send that surely failed releases its claim, and both are rethrown, as is an unknown
    /// outcome, whose claim stays until the lease or SendGrid's event settles it.
    /// </summary>
    /// <exception cref="EmailDeliveryException">The send failed; the ledger already says what that means for a retry.</exception>
    public async Task<DeliveryOutcome> SendOnceAsync(DeliveryKey key, string email, Func<Task<EmailMessage>> compose, IEmailSender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(compose);
        ArgumentNullException.ThrowIfNull(sender);
        DeliveryClaim? claim;
        try
        {
            claim = await TryClaimAsync(key, email, cancellationToken);
        }
        catch (DeliveryInProgressException)
        {
            return DeliveryOutcome.InProgress;
        }

        if (claim is null)
        {
            return DeliveryOutcome.AlreadyDone;
        }

        try
        {
            await sender.SendAsync(await compose(), cancellationToken);
        }
        catch (EmailDeliveryException ex) when (ex.Failure == DeliveryFailure.Refused)
        {
            await MarkRefusedAsync(claim);
            throw;
        }
        catch (EmailDeliveryException ex) when (ex.Failure == DeliveryFailure.NotSent)
        {
            await ReleaseAsync(claim);
            throw;
        }

        await MarkSentAsync(claim);
        return DeliveryOutcome.Sent;
    }

    // Confirmations are written even when the caller is being cancelled: the mail has gone, and
    // forgetting that would send it again.
    public Task MarkSentAsync(DeliveryClaim claim) => Finish(claim, Sent);

    /// <summary>The provider refused this mail for good; it is not tried again.</summary>
    public Task MarkRefusedAsync(DeliveryClaim claim) => Finish(claim, Refused);

    /// <summary>Gives up a claim whose send definitely failed, so the retry can send straight away.</summary>
    public async Task ReleaseAsync(DeliveryClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        try
        {
            await _table.DeleteEntityAsync(claim.Key.StoryId, RowKeyOf(claim.Key), claim.ETag, CancellationToken.None);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            // Another attempt took the claim over meanwhile: it is theirs now.
        }
    }

    /// <summary>
    /// SendGrid processed the mail with this delivery id (its Event Webhook says so): a claim left by a worker that
    /// died between the send and step 3 is marked sent. Ids of no claim are ignored.
    /// </summary>
    /// <returns>Whether a claim was confirmed.</returns>
    public async Task<bool> ConfirmSentAsync(string deliveryId, CancellationToken cancellationToken)
    {
        if (DeliveryKey.Parse(deliveryId) is not { } key || !EntityKeys.IsValid(key.StoryId) || !EntityKeys.IsValid(RowKeyOf(key)))
        {
            return false;
        }

        var found = await _table.GetEntityIfExistsAsync<TableEntity>(key.StoryId, RowKeyOf(key), cancellationToken: cancellationToken);
        if (!found.HasValue || found.Value!.GetString("Status") != Claimed)
        {
            return false;
        }

        try
        {
            await _table.UpdateEntityAsync(
                new TableEntity(key.StoryId, RowKeyOf(key)) { ["Status"] = Sent, ["FinishedAt"] = clock.GetUtcNow(), ["ConfirmedBy"] = "sendgrid-event" },
                found.Value.ETag,
                TableUpdateMode.Merge,
                cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false; // finished or taken over meanwhile: whoever did it wrote the truth
        }
    }

    /// <summary>Whether this subscriber already had an email about this story (at another stage): the next one is an update.</summary>
    public async Task<bool> HasSentAnyAsync(string storyId, string subscriberId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {storyId} and SubscriberId eq {subscriberId} and Status eq {Sent}");
        await foreach (var _ in _table.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["Status"], cancellationToken: cancellationToken))
        {
            return true;
        }

        return false;
    }

    public async Task<string?> StatusAsync(DeliveryKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var entity = await _table.GetEntityIfExistsAsync<TableEntity>(key.StoryId, RowKeyOf(key), cancellationToken: cancellationToken);
        return entity.HasValue ? entity.Value!.GetString("Status") : null;
    }

    /// <summary>A subscriber's last emails, newest first (for `subscribers show`; it reads the whole table, fine for an operator's command).</summary>
    public async Task<IReadOnlyList<(DeliveryKey Key, string Status, DateTimeOffset? At)>> RecentAsync(string subscriberId, int count, CancellationToken cancellationToken)
    {
        var rows = new List<(DeliveryKey, string, DateTimeOffset?)>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"SubscriberId eq {subscriberId}"), cancellationToken: cancellationToken))
        {
            rows.Add((new DeliveryKey(entity.PartitionKey, subscriberId, entity.GetString("Stage") ?? ""), entity.GetString("Status") ?? "", entity.GetDateTimeOffset("FinishedAt") ?? entity.GetDateTimeOffset("ClaimedAt")));
        }

        return [.. rows.OrderByDescending(row => row.Item3).Take(count)];
    }

    private async Task Finish(DeliveryClaim claim, string status)
    {
        ArgumentNullException.ThrowIfNull(claim);
        await _table.UpsertEntityAsync(
            new TableEntity(claim.Key.StoryId, RowKeyOf(claim.Key))
            {
                ["SubscriberId"] = claim.Key.SubscriberId, ["Stage"] = claim.Key.Stage, ["Email"] = claim.Email, ["Status"] = status, ["FinishedAt"] = clock.GetUtcNow(),
            },
            TableUpdateMode.Merge,
            CancellationToken.None);
    }

    private static string RowKeyOf(DeliveryKey key) => key.SubscriberId + "~" + key.Stage;
}
