using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using NewsWatch.Storage;

namespace NewsWatch.Alerts;

/// <summary>
/// One row per (article, subscriber) in table "deliveries": the reason a redelivered or
/// concurrently processed alert never sends the same mail twice. A delivery is claimed before
/// sending (insert-if-absent, so two workers cannot both win) and marked sent after.
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
    public async Task<DeliveryClaim?> TryClaimAsync(string articleId, string email, CancellationToken cancellationToken)
    {
        var key = KeyOf(email);
        while (true)
        {
            var now = clock.GetUtcNow();
            try
            {
                var added = await _table.AddEntityAsync(
                    new TableEntity(articleId, key) { ["Email"] = email, ["Status"] = Claimed, ["ClaimedAt"] = now },
                    cancellationToken);
                return new DeliveryClaim(articleId, email, added.Headers.ETag ?? ETag.All);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Someone got here first: look at what they left.
            }

            var found = await _table.GetEntityIfExistsAsync<TableEntity>(articleId, key, cancellationToken: cancellationToken);
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
                throw new DeliveryInProgressException($"delivery of {articleId} to {email} was claimed at {claimedAt:O} and is not confirmed yet");
            }

            // The earlier attempt is presumed dead (it claimed, then crashed before confirming).
            existing["ClaimedAt"] = now;
            try
            {
                var updated = await _table.UpdateEntityAsync(existing, existing.ETag, TableUpdateMode.Replace, cancellationToken);
                return new DeliveryClaim(articleId, email, updated.Headers.ETag ?? ETag.All);
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                throw new DeliveryInProgressException($"delivery of {articleId} to {email} was taken over by another attempt");
            }
        }
    }

    // Confirmations are written even when the caller is being cancelled: the mail has gone, and
    // forgetting that would send it again.
    public Task MarkSentAsync(DeliveryClaim claim) => Finish(claim, Sent);

    /// <summary>The provider refused this mail for good; it is not tried again.</summary>
    public Task MarkRefusedAsync(DeliveryClaim claim) => Finish(claim, Refused);

    /// <summary>Gives up a claim whose send definitely failed, so the retry can send straight away.</summary>
    public async Task ReleaseAsync(DeliveryClaim claim)
    {
        try
        {
            await _table.DeleteEntityAsync(claim.ArticleId, KeyOf(claim.Email), claim.ETag, CancellationToken.None);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            // Another attempt took the claim over meanwhile: it is theirs now.
        }
    }

    public async Task<string?> StatusAsync(string articleId, string email, CancellationToken cancellationToken)
    {
        var entity = await _table.GetEntityIfExistsAsync<TableEntity>(articleId, KeyOf(email), cancellationToken: cancellationToken);
        return entity.HasValue ? entity.Value!.GetString("Status") : null;
    }

    private async Task Finish(DeliveryClaim claim, string status) =>
        await _table.UpsertEntityAsync(
            new TableEntity(claim.ArticleId, KeyOf(claim.Email)) { ["Email"] = claim.Email, ["Status"] = status, ["FinishedAt"] = clock.GetUtcNow() },
            TableUpdateMode.Replace,
            CancellationToken.None);

    private static string KeyOf(string email) => EntityKeys.Hash(email.ToLowerInvariant());
}
